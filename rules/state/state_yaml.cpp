#include "rules/state/state_yaml.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <map>

#include "rules/support.hpp"

namespace baton::rules::state {

namespace {

const doc::Fence* find_yaml_fence(const doc::Document& document, const doc::Section& section) {
  for (const auto* fence : doc::Document::within(document.fences(), section.body)) {
    if (fence->info == "yaml" || fence->info == "yml")
      return fence;
  }
  return nullptr;
}

// libyaml quotes offending characters in some messages; keep the message
// printable ASCII so that a hostile byte cannot reach the output as is.
std::string printable(std::string_view message) {
  std::string out;
  for (const char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out.push_back(c);
    } else {
      out += fmt::format("\\x{:02x}", byte);
    }
  }
  return out;
}

// libyaml counts its positions in characters from the start of the input;
// the document counts bytes. Marks come in document order, so a cursor that
// only moves forward converts them in one pass (it restarts for the rare
// mark behind it, such as the construct an error names).
class CharacterOffsets {
 public:
  explicit CharacterOffsets(std::string_view text) : text_(text) {}

  std::uint32_t byte_of(std::size_t index) {
    if (index < character_) {
      character_ = 0;
      byte_ = 0;
    }
    while (character_ < index && byte_ < text_.size()) {
      byte_ += sequence_length(static_cast<unsigned char>(text_[byte_]));
      ++character_;
    }
    return static_cast<std::uint32_t>(std::min(byte_, text_.size()));
  }

 private:
  static std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80)
      return 1;
    if (lead >= 0xF0)
      return 4;
    if (lead >= 0xE0)
      return 3;
    return 2;
  }

  std::string_view text_;
  std::size_t character_ = 0;
  std::size_t byte_ = 0;
};

// The libyaml parser and its current event, released however the parse ends.
struct Parser {
  yaml_parser_t parser{};
  yaml_event_t event{};
  bool has_event = false;

  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&parser);
    // The document is UTF-8 (or bytes that are not text): never guess UTF-16.
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~Parser() {
    release_event();
    yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool next() {
    release_event();
    has_event = yaml_parser_parse(&parser, &event) != 0;
    return has_event;
  }

 private:
  void release_event() {
    if (has_event)
      yaml_event_delete(&event);
    has_event = false;
  }
};

std::string_view text_of(const yaml_char_t* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view{};
}

bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Builds the tree of every document of the stream from libyaml's events.
class TreeBuilder {
 public:
  // `base` is the document offset of the first byte of `text`.
  TreeBuilder(std::string_view text, std::uint32_t base)
      : text_(text), offsets_(text), base_(base), nodes_(std::make_shared<std::deque<Node>>()) {}

  struct Failure {
    std::size_t index;                // character index in the text
    std::optional<std::size_t> byte;  // a byte offset, when libyaml gives one
    std::string message;
  };

  // The documents' roots, or the first problem.
  std::optional<Failure> build() {
    Parser parser(text_);
    while (true) {
      if (!parser.next())
        return failure(parser.parser);
      const auto& event = parser.event;
      const auto at = event.start_mark.index;
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          return std::nullopt;
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_NO_EVENT:
          break;
        case YAML_DOCUMENT_END_EVENT:
          anchors_.clear();
          break;
        case YAML_ALIAS_EVENT: {
          const auto anchor = anchors_.find(std::string(text_of(event.data.alias.anchor)));
          if (anchor == anchors_.end()) {
            return Failure{at, std::nullopt,
                           fmt::format("the alias *{} names no anchor defined before it",
                                       text_of(event.data.alias.anchor))};
          }
          attach(anchor->second);
          break;
        }
        case YAML_SCALAR_EVENT: {
          const auto& scalar = event.data.scalar;
          auto& node = make(at, scalar.anchor);
          const auto value =
              std::string_view(reinterpret_cast<const char*>(scalar.value), scalar.length);
          const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
          node.tag = scalar.tag ? std::string(text_of(scalar.tag)) : plain ? "?" : "!";
          node.kind =
              plain && node.tag == "?" && is_null_word(value) ? NodeKind::null : NodeKind::scalar;
          if (node.kind == NodeKind::scalar)
            node.text = value;
          attach(&node);
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          if (open_.size() >= max_yaml_depth) {
            return Failure{at, std::nullopt, "it nests lists or mappings too deeply"};
          }
          const bool list = event.type == YAML_SEQUENCE_START_EVENT;
          auto& node =
              make(at, list ? event.data.sequence_start.anchor : event.data.mapping_start.anchor);
          node.kind = list ? NodeKind::list : NodeKind::map;
          const auto* tag = list ? event.data.sequence_start.tag : event.data.mapping_start.tag;
          node.tag = tag ? std::string(text_of(tag)) : "?";
          attach(&node);
          open_.push_back({&node, nullptr});
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (!open_.empty())
            open_.pop_back();
          break;
      }
    }
  }

  std::vector<const Node*> roots;
  std::shared_ptr<const std::deque<Node>> nodes() const { return nodes_; }
  std::uint32_t offset_of(std::size_t index) { return base_ + offsets_.byte_of(index); }

 private:
  struct Open {
    Node* node;
    const Node* pending_key;  // a mapping's key waiting for its value
  };

  Node& make(std::size_t index, const yaml_char_t* anchor) {
    auto& node = nodes_->emplace_back();
    node.at = offset_of(index);
    // A later anchor of the same name replaces an earlier one, as YAML says.
    if (anchor)
      anchors_[std::string(text_of(anchor))] = &node;
    return node;
  }

  void attach(const Node* node) {
    if (open_.empty()) {
      roots.push_back(node);
      return;
    }
    auto& parent = open_.back();
    if (parent.node->is_list()) {
      parent.node->items.push_back(node);
    } else if (!parent.pending_key) {
      parent.pending_key = node;
    } else {
      parent.node->entries.push_back({parent.pending_key, node});
      parent.pending_key = nullptr;
    }
  }

  static Failure failure(const yaml_parser_t& parser) {
    std::string message = parser.problem ? parser.problem : "the YAML could not be read";
    if (parser.error == YAML_READER_ERROR) {
      // Reader errors (bad UTF-8, control characters) give a byte offset.
      if (parser.problem_value >= 0) {
        message += fmt::format(" (byte 0x{:02x})", parser.problem_value & 0xff);
      }
      return Failure{0, parser.problem_offset, printable(message)};
    }
    if (!parser.context)
      return Failure{parser.problem_mark.index, std::nullopt, printable(message)};
    message += fmt::format(" ({})", parser.context);
    // For a quote, list or mapping left open, where it opens is what to fix.
    const std::string_view problem = parser.problem ? parser.problem : "";
    const bool left_open = problem.starts_with("found unexpected end of stream") ||
                           problem.starts_with("did not find expected ',' or");
    return Failure{left_open ? parser.context_mark.index : parser.problem_mark.index, std::nullopt,
                   printable(message)};
  }

  std::string_view text_;
  CharacterOffsets offsets_;
  std::uint32_t base_;
  std::shared_ptr<std::deque<Node>> nodes_;
  std::vector<Open> open_;
  std::map<std::string, const Node*, std::less<>> anchors_;
};

}  // namespace

TextRange opening_range(const StateYaml& state) {
  if (!state.fence)
    return {};
  const auto& source = state.document->source();
  const auto line = source.line_range(source.line_of(state.fence->range.begin));
  return {state.fence->range.begin, std::max(state.fence->range.begin, line.end)};
}

TextRange mark_range(const StateYaml& state, std::uint32_t at, std::uint32_t length) {
  if (!state.fence)
    return {};
  const auto& source = state.document->source();
  const auto content = state.fence->content;
  if (content.empty())
    return opening_range(state);
  // At or past the end (an error at the end of the input): the end of the last line.
  if (at >= content.end) {
    const auto last = source.line_range(source.line_of(content.end - 1));
    return {last.end, last.end};
  }
  at = std::max(at, content.begin);
  const auto line = source.line_range(source.line_of(at));
  const auto begin = std::min(at, line.end);
  const auto end = length == 0 ? line.end : begin + std::min(length, line.end - begin);
  return {begin, end};
}

TextRange node_range(const StateYaml& state, const Node* node) {
  if (!node)
    return opening_range(state);
  const auto line = mark_range(state, node->at);
  if (!state.document || !state.fence)
    return line;
  const auto rest = state.document->text(line);
  if (node->is_null()) {
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      const bool whole =
          rest.starts_with(word) &&
          (rest.size() == word.size() ||
           std::string_view(" \t,]}#").find(rest[word.size()]) != std::string_view::npos);
      if (whole)
        return {line.begin, line.begin + static_cast<std::uint32_t>(word.size())};
    }
    // An empty value: point at the token before it (the "-" of the item or
    // the ":" of the key).
    const auto text = state.document->source().text();
    auto at = line.begin;
    while (at > state.fence->content.begin && doc::is_space(text[at - 1]))
      --at;
    return at > state.fence->content.begin ? TextRange{at - 1, at} : line;
  }
  if (!node->is_scalar())
    return line;
  if (rest.empty())
    return line;
  const char quote = rest.front();
  if (quote == '"' || quote == '\'') {
    for (std::size_t i = 1; i < rest.size(); ++i) {
      if (quote == '"' && rest[i] == '\\') {
        ++i;
        continue;
      }
      if (rest[i] != quote)
        continue;
      if (quote == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
        continue;
      }
      return {line.begin, line.begin + static_cast<std::uint32_t>(i + 1)};
    }
    return line;  // the scalar continues on the next line
  }
  const auto& text = node->text;
  if (!text.empty() && rest.starts_with(text)) {
    return {line.begin, line.begin + static_cast<std::uint32_t>(text.size())};
  }
  return line;
}

std::optional<MapEntry> find_key(const Node* map, std::string_view key) {
  if (!map || !map->is_map())
    return std::nullopt;
  for (const auto& entry : map->entries) {
    if (entry.key->is_scalar() && entry.key->text == key)
      return entry;
  }
  return std::nullopt;
}

std::optional<std::string> scalar_text(const Node* node) {
  if (!node || !node->is_scalar())
    return std::nullopt;
  return node->text;
}

DeclaredVersion declared_version(const StateYaml& state) {
  const auto entry = find_key(state.root, "format_version");
  if (!entry || entry->value->is_null())
    return {};
  const auto* node = entry->value;
  if (!node->is_scalar())
    return {SchemaVersion::unknown, node};
  const auto text = doc::trim(node->text);
  if (text.empty() || text == "3.0" || support::is_template_placeholder(text)) {
    return {SchemaVersion::v3_0, node};
  }
  if (text == "2.0")
    return {SchemaVersion::v2_0, node};
  return {SchemaVersion::unknown, node};
}

std::string_view known_versions() {
  return "\"3.0\" (the current layout) and \"2.0\" (January 2026)";
}

bool is_empty_collection(const Node* node) {
  if (!node || node->is_null())
    return true;
  return (node->is_list() || node->is_map()) && node->size() == 0;
}

std::optional<StateYaml> load(const doc::Document& document) {
  const auto* section = support::sub(document, "1.20");
  if (!section)
    return std::nullopt;
  StateYaml state;
  state.document = &document;
  state.section = section;
  state.fence = find_yaml_fence(document, *section);
  if (!state.fence) {
    state.status = Status::no_fence;
    return state;
  }
  if (!state.fence->closed) {
    state.status = Status::unclosed;
    return state;
  }
  const auto text = document.text(state.fence->content);
  if (doc::trim(text).empty()) {
    state.status = Status::empty;
    return state;
  }
  // A byte order mark before the YAML is not part of it.
  const auto bom = text.starts_with("\xEF\xBB\xBF") ? 3u : 0u;
  const auto yaml = text.substr(bom);
  const auto base = state.fence->content.begin + bom;
  TreeBuilder builder(yaml, base);
  if (const auto failure = builder.build()) {
    state.status = Status::parse_error;
    const auto at = failure->byte
                        ? base + static_cast<std::uint32_t>(std::min(*failure->byte, yaml.size()))
                        : builder.offset_of(failure->index);
    state.error = ParseError{mark_range(state, at, 1), failure->message};
    return state;
  }
  std::vector<const Node*> found;
  for (const auto* root : builder.roots) {
    if (!root->is_null())
      found.push_back(root);
  }
  if (found.empty()) {
    state.status = Status::empty;
    return state;
  }
  state.nodes = builder.nodes();
  state.root = found.front();
  state.status = Status::parsed;
  if (found.size() > 1)
    state.extra_document = node_range(state, found[1]);
  return state;
}

namespace {
// The cache slot of the parsed state: a type of its own.
struct CachedState {
  std::optional<StateYaml> state;
};
}  // namespace

const std::optional<StateYaml>& load(engine::RuleContext& context) {
  return context.cache()
      .get<CachedState>([&] { return CachedState{load(context.document())}; })
      .state;
}

std::string quoted(std::string_view text) {
  return fmt::format("\"{}\"", support::excerpt(text, 60));
}

}  // namespace baton::rules::state
