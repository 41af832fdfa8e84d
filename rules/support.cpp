#include "rules/support.hpp"

#include "engine/lint.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace baton::rules::support {

namespace {


bool is_word_char(char c) { return doc::is_alpha(c) || doc::is_digit(c) || c == '_'; }

}  // namespace

const Section* sub(const Document& document, std::string_view number) {
  return document.find_section(SectionKind::sub, number);
}

const Section* part(const Document& document, std::string_view number) {
  return document.find_section(SectionKind::part, number);
}

TextRange heading_range(const Document& document, const Section& section) {
  const auto& heading = document.heading_of(section);
  // A setext heading's range includes its underline; the first line is enough.
  const auto line = document.source().line_of(heading.range.begin);
  const auto first = document.source().line_range(line);
  return {heading.range.begin, std::min(heading.range.end, first.end)};
}

std::optional<TextRange> find_marker(const Document& document, TextRange range,
                                     std::string_view marker) {
  const auto text = document.source().text();
  const auto window = text.substr(0, range.end);
  auto at = window.find(marker, range.begin);
  while (at != std::string_view::npos) {
    const auto end = at + marker.size();
    const bool bounded = (at == 0 || !is_word_char(text[at - 1])) &&
                         (end >= text.size() || !is_word_char(text[end]));
    if (bounded && !document.in_comment(static_cast<std::uint32_t>(at))) {
      return TextRange{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
    }
    at = window.find(marker, at + 1);
  }
  return std::nullopt;
}

std::vector<const doc::LocatedCall*> calls_named(const Document& document, TextRange range,
                                                 std::string_view name) {
  auto calls = document.calls_in(range);
  std::erase_if(calls, [&](const doc::LocatedCall* call) { return call->call.name != name; });
  return calls;
}

bool has_call_error(const Document& document, TextRange range, std::string_view name) {
  return std::any_of(document.call_errors().begin(), document.call_errors().end(),
                     [&](const grammar::CallError& error) {
                       return error.call_name == name && range.contains(error.range.begin);
                     });
}

std::size_t find_phrase(std::string_view text, std::string_view phrase, std::size_t from) {
  auto at = doc::ifind(text, phrase, from);
  while (at != std::string_view::npos) {
    const auto end = at + phrase.size();
    const bool bounded = (at == 0 || !doc::is_alpha(text[at - 1])) &&
                         (end >= text.size() || !doc::is_alpha(text[end]));
    if (bounded) return at;
    at = doc::ifind(text, phrase, at + 1);
  }
  return std::string_view::npos;
}

const grammar::Argument* argument(const grammar::Call& call, std::size_t position,
                                  std::string_view keyword) {
  std::size_t index = 0;
  for (const auto& arg : call.arguments) {
    if (arg.keyword) {
      if (*arg.keyword == keyword) return &arg;
      continue;
    }
    if (index++ == position) return &arg;
  }
  return nullptr;
}

bool is_placeholder_text(std::string_view inner) {
  if (inner.empty() || inner.size() > 60)
    return false;
  if (inner == " " || inner == "x" || inner == "X")
    return false;  // task boxes
  if (inner.front() == '^')
    return false;  // footnotes
  bool all_digits = true;
  for (char c : inner) {
    if (c == '\n' || c == '[' || c == ']' || c == '`')
      return false;
    all_digits = all_digits && doc::is_digit(c);
  }
  return !all_digits && (doc::is_alpha(inner.front()) || inner.front() == '/');
}

bool is_code_template_slot(std::string_view inner) {
  const bool letter = inner.size() == 1 && inner.front() >= 'A' && inner.front() <= 'Z';
  return letter || inner == "1-N";
}

bool is_template_placeholder(std::string_view value) {
  value = doc::trim(value);
  if (value.starts_with("/absolute/path") || value.starts_with("/path/to/")) return true;
  // The same test as template-placeholder's, so that a value is either its
  // finding or compared, never both nor neither.
  return value.size() >= 3 && value.front() == '[' && value.back() == ']' &&
         is_placeholder_text(value.substr(1, value.size() - 2));
}

std::string excerpt(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  auto cut = max;
  // Do not split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

TextRange substring_range(const Document& document, const grammar::Value& value,
                          std::size_t index, std::size_t length) {
  const auto raw = document.text(value.range);
  const bool verbatim = raw.size() == value.text.size() + 2 && raw.substr(1, value.text.size()) == value.text;
  if (!verbatim) return value.range;
  const auto begin = value.range.begin + 1 + static_cast<std::uint32_t>(index);
  return {begin, begin + static_cast<std::uint32_t>(length)};
}

}  // namespace baton::rules::support

namespace baton::rules::support {

namespace {

constexpr std::string_view skill_markers[] = {"NO ACTIVE SKILL"};
constexpr std::string_view read_markers[] = {"NO DOCUMENTS TO READ", "NO DOCUMENTS"};
constexpr std::string_view todo_markers[] = {"NO TODOS TO RESTORE", "NO TODOS"};
constexpr std::string_view reread_markers[] = {"NO DOCUMENTS TO RE-READ"};

const Restoration skill{"0.1", "Skill", skill_markers, "NO ACTIVE SKILL - proceed to 0.2"};
const Restoration read{"0.2", "Read", read_markers, "NO DOCUMENTS TO READ"};
const Restoration todo{"0.3", "TodoWrite", todo_markers, "NO TODOS TO RESTORE"};
const Restoration reread{"1.10", "Read", reread_markers, "NO DOCUMENTS TO RE-READ"};
const Restoration* const all_restorations[] = {&skill, &read, &todo};

}  // namespace

const Restoration& skill_restoration() { return skill; }
const Restoration& read_restoration() { return read; }
const Restoration& todo_restoration() { return todo; }
const Restoration& reread_restoration() { return reread; }
std::span<const Restoration* const> restorations() { return all_restorations; }

std::optional<TextRange> find_any_marker(const Document& document, TextRange range,
                                         const Restoration& restoration) {
  for (auto marker : restoration.markers) {
    if (auto found = find_marker(document, range, marker)) return found;
  }
  return std::nullopt;
}

void check_restoration(engine::RuleContext& context, const Restoration& restoration,
                       std::string_view missing_message) {
  const auto& document = context.document();
  const auto* section = sub(document, restoration.section);
  if (!section) return;  // section-missing reports it
  const auto calls = calls_named(document, section->body, restoration.call);
  const auto fenced = std::find_if(calls.begin(), calls.end(), [](const doc::LocatedCall* call) {
    return call->site == doc::CallSite::fence;
  });
  if (fenced != calls.end()) return;
  if (has_call_error(document, section->body, restoration.call)) return;
  if (find_any_marker(document, section->body, restoration)) return;
  if (!calls.empty()) {
    context.report(calls.front()->call.range,
                   fmt::format("this {}() call is inline code, which the next session reads but "
                               "does not execute; put it in a fenced code block",
                               restoration.call));
    return;
  }
  // Unsafe: the marker asserts there is nothing to restore, which only the
  // author knows.
  const auto heading = heading_range(document, *section);
  context.report(heading, std::string(missing_message)).fix = engine::Fix{
      fmt::format("Insert `{}`", restoration.fix_marker), engine::FixSafety::unsafe,
      {{{heading.end, heading.end}, fmt::format("\n\n{}", restoration.fix_marker)}}};
}

}  // namespace baton::rules::support

namespace baton::rules::support {

namespace {

const grammar::Value* member_value(const grammar::Value& object, std::string_view key) {
  for (const auto& m : object.members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

}  // namespace

std::optional<std::vector<RestoredTodo>> restored_todos(const Document& document) {
  const auto* section = sub(document, "0.3");
  if (!section) return std::nullopt;
  for (const auto* located : calls_named(document, section->body, "TodoWrite")) {
    if (located->site != doc::CallSite::fence) continue;
    const auto* arg = argument(located->call, 0, "todos");
    if (!arg) continue;
    const grammar::Value* list = &arg->value;
    if (list->kind == grammar::Value::Kind::object) {
      list = member_value(*list, "todos");
      if (!list) continue;
    }
    if (list->kind != grammar::Value::Kind::array) continue;
    std::vector<RestoredTodo> todos;
    for (const auto& item : list->elements) {
      if (item.kind != grammar::Value::Kind::object) continue;
      RestoredTodo todo{{}, {}, item.range, item.range};
      if (const auto* content = member_value(item, "content");
          content && content->kind == grammar::Value::Kind::string) {
        todo.content = content->text;
        todo.content_range = content->range;
      }
      if (const auto* status = member_value(item, "status");
          status && status->kind == grammar::Value::Kind::string) {
        todo.status = status->text;
      }
      todos.push_back(std::move(todo));
    }
    return todos;
  }
  return std::nullopt;
}

std::vector<ReadPath> read_paths(const Document& document, TextRange range) {
  std::vector<ReadPath> paths;
  for (const auto* located : calls_named(document, range, "Read")) {
    if (located->site != doc::CallSite::fence) continue;
    const auto* path = argument(located->call, 0, "file_path");
    if (!path || path->value.kind != grammar::Value::Kind::string) continue;
    paths.push_back({path->value.text, path->value.range});
  }
  return paths;
}

std::optional<DeclaredSkill> declared_skill(const Document& document, TextRange range) {
  for (const auto* located : calls_named(document, range, "Skill")) {
    if (located->site != doc::CallSite::fence) continue;
    const auto* name = argument(located->call, 0, "skill");
    if (!name || name->value.kind != grammar::Value::Kind::string) continue;
    return DeclaredSkill{name->value.text, located->call.range, false};
  }
  if (auto marker = find_marker(document, range, "NO ACTIVE SKILL")) {
    return DeclaredSkill{{}, *marker, true};
  }
  return std::nullopt;
}

}  // namespace baton::rules::support

namespace baton::rules::support {

namespace {

constexpr std::string_view file_extensions[] = {
    ".md", ".markdown", ".txt", ".json", ".jsonl", ".yaml", ".yml", ".toml", ".py", ".ts",
    ".tsx", ".js", ".jsx", ".c", ".h", ".cc", ".cpp", ".hpp", ".rs", ".go", ".java", ".rb",
    ".sh", ".sql", ".html", ".css"};

}  // namespace

bool looks_like_path(std::string_view word) {
  if (word.empty() || word.front() == '-') return false;
  if (word.find("://") != std::string_view::npos) return false;  // a URL
  for (char c : word) {
    if (c == '*' || c == '?' || c == '<' || c == '>' || c == '@' || c == '$' || c == '(' ||
        c == '{' || doc::is_space(c)) {
      return false;  // globs, placeholders, variables, expressions
    }
  }
  if (word.front() == '/' || word.front() == '~' || word.starts_with("./") || word.starts_with("../")) {
    return true;
  }
  if (word.find('/') != std::string_view::npos) return true;
  // "file.md" or "file.md:88"
  const auto colon = word.find(':');
  const auto name = word.substr(0, colon);
  return std::any_of(std::begin(file_extensions), std::end(file_extensions),
                     [&](std::string_view ext) { return name.ends_with(ext) && name.size() > ext.size(); });
}

std::optional<engine::Fix> home_fix(const engine::RuleContext& context, std::uint32_t tilde) {
  const auto& home = context.options().home;
  const auto text = context.document().source().text();
  if (!home || tilde + 1 >= text.size() || text[tilde] != '~' || text[tilde + 1] != '/') return std::nullopt;
  auto absolute = *home;
  while (absolute.size() > 1 && absolute.back() == '/') absolute.pop_back();
  return engine::Fix{fmt::format("Expand ~ to {}", absolute), engine::FixSafety::unsafe,
                     {{{tilde, tilde + 1}, absolute}}};
}

std::string path_problem(std::string_view full_path) {
  const auto path = excerpt(full_path);
  if (path.starts_with("~")) {
    return fmt::format("`{}` starts with ~, which only a shell expands; write the absolute path",
                       path);
  }
  return fmt::format("`{}` is a relative path; paths must be absolute (start with /) because the "
                     "next session may start in another directory",
                     path);
}

std::vector<PathCell> table_paths(const Document& document, TextRange range) {
  std::vector<PathCell> cells;
  for (const auto* table : Document::within(document.tables(), range)) {
    for (std::size_t column = 0; column < table->header.cells.size(); ++column) {
      const auto header = document.text(table->header.cells[column].content);
      if (doc::ifind(header, "path") == std::string_view::npos) continue;
      for (const auto& row : table->rows) {
        if (column >= row.cells.size()) continue;
        auto content = row.cells[column].content;
        auto text = document.text(content);
        // A single code span: the path is its content.
        if (text.size() >= 2 && text.front() == '`' && text.back() == '`' &&
            text.find('`', 1) == text.size() - 1) {
          content = {content.begin + 1, content.end - 1};
          text = document.text(content);
        }
        if (doc::trim(text).empty()) continue;
        cells.push_back({text, content});
      }
    }
  }
  return cells;
}

}  // namespace baton::rules::support

namespace baton::rules::support {

std::optional<std::vector<VerificationRow>> verification_rows(const Document& document,
                                                              TextRange range) {
  std::optional<std::vector<VerificationRow>> result;
  for (const auto* table : Document::within(document.tables(), range)) {
    std::optional<std::size_t> task_column;
    std::optional<std::size_t> command_column;
    for (std::size_t i = 0; i < table->header.cells.size(); ++i) {
      const auto header = doc::trim(document.text(table->header.cells[i].content));
      if (!task_column && doc::ifind(header, "task") != std::string_view::npos) task_column = i;
      if (!command_column && doc::ifind(header, "command") != std::string_view::npos) command_column = i;
    }
    if (!command_column) continue;
    if (!task_column) task_column = 0;
    if (!result) result.emplace();
    for (const auto& row : table->rows) {
      if (*task_column >= row.cells.size()) continue;
      const auto* command = *command_column < row.cells.size() ? &row.cells[*command_column] : nullptr;
      result->push_back({&row, &row.cells[*task_column], command});
    }
  }
  return result;
}

std::string normalise_words(std::string_view text) {
  std::string out;
  bool blank = true;
  for (char c : text) {
    const char lower = doc::to_lower(c);
    if (doc::is_alpha(lower) || doc::is_digit(lower)) {
      out.push_back(lower);
      blank = false;
    } else if (!blank && doc::is_space(c)) {
      out.push_back(' ');
      blank = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

std::optional<NestedOpener> find_nested_opener(const Document& document) {
  const auto& source = document.source();
  const auto text = source.text();
  for (const auto& fence : document.fences()) {
    auto opening = text.substr(fence.range.begin);
    opening = opening.substr(0, opening.find('\n'));
    const char mark = opening.empty() ? '\0' : opening.front();
    if (mark != '`' && mark != '~') continue;
    const auto run = std::min(opening.find_first_not_of(mark), opening.size());
    if (fence.content.empty()) continue;
    const auto last = source.line_of(fence.content.end - 1);
    for (auto line = source.line_of(fence.content.begin); line <= last; ++line) {
      auto row = source.line_text(line);
      while (!row.empty() && (doc::is_blank(row.front()) || row.front() == '>')) row.remove_prefix(1);
      const auto marks = std::min(row.find_first_not_of(mark), row.size());
      if (marks < run) continue;
      // An info string makes it an opening line; a bare run would have closed the block.
      const auto info = doc::trim(row.substr(marks));
      if (info.empty() || !doc::is_alpha(info.front())) continue;
      if (mark == '`' && info.find('`') != std::string_view::npos) continue;
      return NestedOpener{&fence, line};
    }
  }
  return std::nullopt;
}

}  // namespace

const std::optional<NestedOpener>& first_nested_opener(engine::RuleContext& context) {
  return context.cache().get<std::optional<NestedOpener>>(
      [&] { return find_nested_opener(context.document()); });
}

}  // namespace baton::rules::support
