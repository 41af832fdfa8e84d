#include "rules/state/state_yaml.hpp"

#include <algorithm>
#include <exception>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include "rules/support.hpp"

namespace baton::rules::state {

namespace {

const doc::Fence* find_yaml_fence(const doc::Document& document, const doc::Section& section) {
  for (const auto* fence : doc::Document::within(document.fences(), section.body)) {
    if (fence->info == "yaml" || fence->info == "yml") return fence;
  }
  return nullptr;
}

// yaml-cpp quotes offending characters in some messages; keep the message
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

}  // namespace

TextRange opening_range(const StateYaml& state) {
  if (!state.fence) return {};
  const auto& source = state.document->source();
  const auto line = source.line_range(source.line_of(state.fence->range.begin));
  return {state.fence->range.begin, std::max(state.fence->range.begin, line.end)};
}

TextRange mark_range(const StateYaml& state, const YAML::Mark& mark, std::uint32_t length) {
  if (!state.fence) return {};
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return opening_range(state);
  const auto& source = state.document->source();
  const auto content = state.fence->content;
  const auto first = source.line_of(content.begin);
  const auto last = std::max(first, source.line_of(content.end));
  auto line = first + static_cast<std::uint32_t>(mark.line);
  auto column = static_cast<std::uint32_t>(mark.column);
  if (line > last || line < first) {  // past the end (or overflow): the end of the last line
    line = last;
    column = source.line_range(last).size();
  }
  const auto range = source.line_range(line);
  // yaml-cpp's byte position is exact where its column is stale (errors at
  // the end of the input keep the column of the line start): prefer it when
  // it falls on the same line.
  if (mark.pos >= 0 && static_cast<std::uint32_t>(mark.pos) <= content.size()) {
    const auto at = content.begin + static_cast<std::uint32_t>(mark.pos);
    if (at >= range.begin && at <= range.end) column = at - range.begin;
  }
  const auto begin = range.begin + std::min(column, range.size());
  const auto end = length == 0 ? range.end : begin + std::min(length, range.end - begin);
  return {begin, end};
}

TextRange node_range(const StateYaml& state, const YAML::Node& node) {
  if (!node.IsDefined()) return opening_range(state);
  const auto line = mark_range(state, node.Mark());
  if (!state.document || !state.fence) return line;
  const auto rest = state.document->text(line);
  if (node.IsNull()) {
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      const bool whole =
          rest.starts_with(word) &&
          (rest.size() == word.size() ||
           std::string_view(" \t,]}#").find(rest[word.size()]) != std::string_view::npos);
      if (whole) return {line.begin, line.begin + static_cast<std::uint32_t>(word.size())};
    }
    // An empty value: yaml-cpp marks the token after it, so point at the
    // token before it instead (the "-" of the item or the ":" of the key).
    const auto text = state.document->source().text();
    auto at = line.begin;
    while (at > state.fence->content.begin && doc::is_space(text[at - 1])) --at;
    return at > state.fence->content.begin ? TextRange{at - 1, at} : line;
  }
  if (!node.IsScalar()) return line;
  if (rest.empty()) return line;
  const char quote = rest.front();
  if (quote == '"' || quote == '\'') {
    for (std::size_t i = 1; i < rest.size(); ++i) {
      if (quote == '"' && rest[i] == '\\') {
        ++i;
        continue;
      }
      if (rest[i] != quote) continue;
      if (quote == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
        continue;
      }
      return {line.begin, line.begin + static_cast<std::uint32_t>(i + 1)};
    }
    return line;  // the scalar continues on the next line
  }
  const auto& text = node.Scalar();
  if (!text.empty() && rest.starts_with(text)) {
    return {line.begin, line.begin + static_cast<std::uint32_t>(text.size())};
  }
  return line;
}

std::optional<MapEntry> find_key(const YAML::Node& map, std::string_view key) {
  if (!map.IsDefined() || !map.IsMap()) return std::nullopt;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return MapEntry{it->first, it->second};
  }
  return std::nullopt;
}

std::optional<std::string> scalar_text(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  return node.Scalar();
}

bool is_empty_collection(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return true;
  return (node.IsSequence() || node.IsMap()) && node.size() == 0;
}

std::optional<StateYaml> load(const doc::Document& document) {
  const auto* section = support::sub(document, "1.20");
  if (!section) return std::nullopt;
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
  // yaml-cpp builds every node while loading, but keep every call that can
  // throw inside the try: nothing may escape a rule's check.
  try {
    const auto documents = YAML::LoadAll(std::string(text));
    std::vector<YAML::Node> found;
    for (const auto& node : documents) {
      if (node.IsDefined() && !node.IsNull()) found.push_back(node);
    }
    if (found.empty()) {
      state.status = Status::empty;
      return state;
    }
    state.root = found.front();
    state.status = Status::parsed;
    if (found.size() > 1) state.extra_document = node_range(state, found[1]);
  } catch (const YAML::DeepRecursion& error) {
    state.status = Status::parse_error;
    state.error =
        ParseError{mark_range(state, error.mark, 1), "it nests lists or mappings too deeply"};
  } catch (const YAML::Exception& error) {
    state.status = Status::parse_error;
    state.error = ParseError{mark_range(state, error.mark, 1), printable(error.msg)};
  } catch (const std::exception& error) {
    state.status = Status::parse_error;
    state.error = ParseError{opening_range(state), printable(error.what())};
  }
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
