#include <fmt/format.h>

#include <map>
#include <set>
#include <span>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using source::TextRange;

// Path prefixes of spellbook's template examples.
constexpr std::string_view template_paths[] = {"/absolute/path", "/path/to/"};
// Fences whose placeholders are checked; in program code `[N]` is indexing.
constexpr std::string_view template_fence_infos[] = {"",   "text", "txt",  "yaml",  "yml",
                                                     "md", "markdown", "bash", "sh", "shell"};

using support::is_placeholder_text;

// HTML elements a handoff may use inline; `<word>` naming any other is a slot.
constexpr std::string_view html_elements[] = {
    "a",      "abbr",   "audio", "b",      "bdi",   "bdo",     "br",     "button",  "caption", "center",
    "cite",   "code",   "col",   "dd",     "del",   "details", "dfn",    "div",     "dl",      "dt",
    "em",     "font",   "h1",    "h2",     "h3",    "h4",      "h5",     "h6",      "hr",      "i",
    "iframe", "img",    "input", "ins",    "kbd",   "label",   "li",     "mark",    "meta",    "ol",
    "p",      "picture", "pre",  "q",      "rp",    "rt",      "ruby",   "s",       "samp",    "script",
    "section", "small", "source", "span",  "strike", "strong", "style",  "sub",     "summary", "sup",
    "svg",    "table",  "tbody", "td",     "th",    "thead",   "time",   "tr",      "tt",      "u",
    "ul",     "var",    "video", "wbr",
};

// In a free-form handoff a bracketed word is as often a label of the
// author's ("[GEN]", "[WIP]", "COPR + [mason]") as a slot: one word is a slot
// only when it, or a part of it between '-' and '_', says what to fill in.
constexpr std::string_view slot_words[] = {
    "name",  "slug",    "date",        "time",    "task",  "tbd",         "id",    "sha",
    "hash",  "path",    "url",         "link",    "version", "description", "details", "value",
    "branch", "commit", "placeholder", "insert",  "fill",  "owner",       "title", "number",
    "summary", "goal",  "reason",      "here",    "describe", "your",  "list", "enter",
    "or"};

// Whether a part of `inner` between '-', '_', blanks and punctuation is one of `words`.
bool has_part_in(std::string_view inner, std::span<const std::string_view> words) {
  std::size_t begin = 0;
  while (begin <= inner.size()) {
    const auto end = std::min(inner.find_first_of("-_ /.:,", begin), inner.size());
    const auto part = inner.substr(begin, end - begin);
    for (auto word : words) {
      if (doc::iequals(part, word)) return true;
    }
    begin = end + 1;
  }
  return false;
}

bool names_a_slot(std::string_view inner) {
  // Alternatives: "[manual|auto]". Several words need a slot word too:
  // "[your name]", "[session id or git branch]" — not "[skip council]", a commit tag.
  return inner.find('|') != std::string_view::npos || has_part_in(inner, slot_words);
}

// Values that exist only once a task is done: in an open task item of a
// free-form handoff ("- [ ] CHANGELOG v0.3.0-pending → v0.3.0 — <date>") the
// slot describes the line to write, not a value the author forgot.
constexpr std::string_view later_value_words[] = {"date", "time", "timestamp", "version", "sha",
                                                  "hash", "commit", "number", "count", "url"};

bool names_a_later_value(std::string_view inner) { return has_part_in(inner, later_value_words); }

// Slots written as text (matched without regard to case).
constexpr std::string_view literal_slot_texts[] = {"YYYY-MM-DD", "TODO: fill"};

class Scanner {
 public:
  explicit Scanner(engine::RuleContext& context)
      : context_(context), document_(context.document()), text_(context.document().source().text()),
        free_form_(context.profile() == engine::Profile::generic_handoff) {
    // Link reference definitions ("[label]: url") make "[label]" a link.
    const auto& source = document_.source();
    for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
      auto row = doc::trim(source.line_text(line));
      // Definitions may sit inside list items and block quotes.
      while (!row.empty() && (row.front() == '>' || row.front() == '-' || row.front() == '*' ||
                              row.front() == '+' || doc::is_blank(row.front()))) {
        row.remove_prefix(1);
      }
      const auto close = row.find("]:");
      if (!row.starts_with('[') || close == std::string_view::npos) continue;
      // "[Tech/framework]: [usage]" parses as a definition, but a destination
      // in brackets is the template's, not a URL.
      if (doc::trim(row.substr(close + 2)).starts_with('[')) continue;
      link_labels_.emplace(row.substr(1, close - 1));
    }
  }

  void report(TextRange range) {
    // One finding per place: skip a range overlapping one already reported.
    auto next = reported_.lower_bound(range.begin);
    if (next != reported_.end() && next->first < range.end) return;
    if (next != reported_.begin() && std::prev(next)->second > range.begin) return;
    reported_.emplace(range.begin, range.end);
    context_.report(range, fmt::format("template placeholder `{}` left in place; replace it with "
                                       "the real value, or say explicitly that there is none",
                                       support::excerpt(document_.text(range))));
  }

  // A slot glued to a path or ref by a slash is its variable part, written as
  // a pattern on purpose: "origin/<branch>", "/tmp/outbox/[Agent]/msg".
  bool in_path_pattern(std::size_t open, std::size_t close) const {
    return (open > 0 && text_[open - 1] == '/') || (close + 1 < text_.size() && text_[close + 1] == '/');
  }

  // A slot glued to a name is its variable part, written as a pattern:
  // "mcp__{server}__{tool}", "report_<date>.md" — in a free-form handoff,
  // which fills no template.
  bool glued_to_name(std::size_t open, std::size_t close) const {
    const auto name_byte = [](char c) { return doc::is_alpha(c) || doc::is_digit(c) || c == '_'; };
    return free_form_ && ((open > 0 && name_byte(text_[open - 1])) ||
                          (close + 1 < text_.size() && name_byte(text_[close + 1])));
  }

  // Prose and table cells: `[text]` that is not a link, a task box or a footnote.
  void prose(TextRange range) {
    // Every search stops at the end of the range: a paragraph without a
    // bracket must not cost a scan of the rest of the document.
    const auto window = text_.substr(0, range.end);
    for (auto at = window.find('[', range.begin); at != std::string_view::npos;
         at = window.find('[', at + 1)) {
      const auto offset = static_cast<std::uint32_t>(at);
      if (document_.in_code(offset) || document_.in_comment(offset)) continue;
      if (at > 0 && (text_[at - 1] == '\\' || text_[at - 1] == '!' || text_[at - 1] == '[')) continue;
      // "Optional[LineageType]", "#[allow(dead_code)]": a type or an attribute, not a slot.
      if (at > 0 && (doc::is_alpha(text_[at - 1]) || doc::is_digit(text_[at - 1]) || text_[at - 1] == '#' ||
                     text_[at - 1] == '_'))
        continue;
      const auto close = window.find(']', at + 1);
      if (close == std::string_view::npos) break;
      const auto inner = text_.substr(at + 1, close - at - 1);
      const char next = close + 1 < text_.size() ? text_[close + 1] : '\n';
      if (next == '(' || next == '[' || next == ']') continue;  // links; `[[wiki links]]`
      if (!is_placeholder_text(inner)) continue;
      if (link_labels_.count(inner) || in_path_pattern(at, close)) continue;
      if (free_form_ && !names_a_slot(inner)) continue;
      if (free_form_ && names_a_later_value(inner) && in_open_task(offset, inner.size() + 2)) continue;
      report({offset, static_cast<std::uint32_t>(close + 1)});
    }
    braces(range);
    angles(range);
    literal_slots(range);
  }

  // `<feature-slug>`, `<sha>`, `<session id or git branch>` in prose: words
  // in angle brackets that are no HTML tag, autolink or comment.
  void angles(TextRange range) {
    const auto window = text_.substr(0, range.end);
    for (auto at = window.find('<', range.begin); at != std::string_view::npos;
         at = window.find('<', at + 1)) {
      const auto offset = static_cast<std::uint32_t>(at);
      if (document_.in_code(offset) || document_.in_comment(offset)) continue;
      if (at > 0 && text_[at - 1] == '\\') continue;
      // A slot is at most 60 bytes: look no further for its '>', so that a
      // paragraph of lone '<' costs one pass, not one pass per '<'.
      const auto close = window.substr(0, std::min<std::size_t>(window.size(), at + 62)).find('>', at + 1);
      if (close == std::string_view::npos) continue;
      const auto inner = text_.substr(at + 1, close - at - 1);
      if (inner.empty() || !(inner.front() >= 'a' && inner.front() <= 'z')) continue;
      const bool words = std::all_of(inner.begin(), inner.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || doc::is_digit(c) || c == '_' || c == '-' || c == ' ';
      });
      if (!words || inner.back() == ' ') continue;
      const auto name = inner.substr(0, inner.find(' '));
      if (std::find(std::begin(html_elements), std::end(html_elements), name) != std::end(html_elements)) continue;
      if (in_path_pattern(at, close) || glued_to_name(at, close)) continue;
      if (free_form_ && names_a_later_value(inner) && in_open_task(offset, inner.size() + 2)) continue;
      report({offset, static_cast<std::uint32_t>(close + 1)});
    }
  }

  // Whether `offset` is in an unchecked task item ("- [ ] …") that says more
  // than the slot of `length` bytes: a whole item "- [ ] <task>" is a
  // template line left in place.
  bool in_open_task(std::uint32_t offset, std::size_t length) const {
    const doc::ListItem* innermost = nullptr;
    for (const auto& item : document_.list_items()) {
      if (item.range.begin > offset) break;
      if (item.range.contains(offset)) innermost = &item;
    }
    if (innermost == nullptr || innermost->checked != false) return false;
    return doc::trim(document_.text(innermost->content)).size() > length + 10;
  }

  // Template values written out: `YYYY-MM-DD`, `TODO: fill`.
  void literal_slots(TextRange range) {
    const auto window = text_.substr(0, range.end);
    for (auto slot : literal_slot_texts) {
      for (auto at = doc::ifind(window, slot, range.begin); at != std::string_view::npos;
           at = doc::ifind(window, slot, at + 1)) {
        const auto offset = static_cast<std::uint32_t>(at);
        if (document_.in_code(offset) || document_.in_comment(offset)) continue;
        auto end = at + slot.size();
        // "YYYY-MM-DD HH:MM" is one slot.
        if (text_.substr(end, 6) == " HH:MM") end += 6;
        report({offset, static_cast<std::uint32_t>(end)});
      }
    }
  }

  // `{placeholder}` in prose (JSON in code is left alone).
  void braces(TextRange range) {
    const auto window = text_.substr(0, range.end);
    for (auto at = window.find('{', range.begin); at != std::string_view::npos;
         at = window.find('{', at + 1)) {
      const auto offset = static_cast<std::uint32_t>(at);
      if (document_.in_code(offset) || document_.in_comment(offset)) continue;
      const auto close = window.find('}', at + 1);
      if (close == std::string_view::npos) break;
      const auto inner = text_.substr(at + 1, close - at - 1);
      const bool word = !inner.empty() && inner.size() <= 40 && doc::is_alpha(inner.front()) &&
                        std::all_of(inner.begin(), inner.end(), [](char c) {
                          return doc::is_alpha(c) || doc::is_digit(c) || c == '_' || c == '-' || c == ' ';
                        });
      if (word && !glued_to_name(at, close)) report({offset, static_cast<std::uint32_t>(close + 1)});
    }
  }

  // Code: a quoted "[...]" string, a `[N]`-style single capital, `[1-N]`.
  void code(TextRange range) {
    const auto window = text_.substr(0, range.end);
    for (auto at = window.find('[', range.begin); at != std::string_view::npos;
         at = window.find('[', at + 1)) {
      const auto close = window.find(']', at + 1);
      if (close == std::string_view::npos) break;
      const auto inner = text_.substr(at + 1, close - at - 1);
      const char before = at > 0 ? text_[at - 1] : ' ';
      const char after = close + 1 < text_.size() ? text_[close + 1] : ' ';
      const bool quoted = (before == '"' || before == '\'') && after == before && is_placeholder_text(inner) &&
                          inner.find(before) == std::string_view::npos;
      if (quoted || support::is_code_template_slot(inner)) {
        report({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(close + 1)});
      }
    }
  }

  void template_paths_in(TextRange range) {
    for (auto prefix : template_paths) {
      const auto window = text_.substr(0, range.end);
      for (auto at = window.find(prefix, range.begin); at != std::string_view::npos;
           at = window.find(prefix, at + 1)) {
        if (document_.in_comment(static_cast<std::uint32_t>(at))) continue;
        auto end = at;
        while (end < range.end && !doc::is_space(text_[end]) && text_[end] != '"' && text_[end] != '\'' &&
               text_[end] != '`' && text_[end] != '|' && text_[end] != ')' && text_[end] != ']') {
          ++end;
        }
        report({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
      }
    }
  }

  void ellipsis_cells() {
    for (const auto& table : document_.tables()) {
      for (const auto& row : table.rows) {
        for (const auto& cell : row.cells) {
          const auto content = document_.text(cell.content);
          if (content == "..." || content == "\xE2\x80\xA6") report(cell.content);
        }
      }
    }
  }

 private:
  engine::RuleContext& context_;
  const doc::Document& document_;
  std::string_view text_;
  std::map<std::uint32_t, std::uint32_t> reported_;  // begin -> end
  std::set<std::string_view> link_labels_;
  bool free_form_;  // a free-form handoff: a lone bracketed word must say it is a slot
};

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  Scanner scanner(context);
  const auto blocks = document.blocks();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto& block = blocks[i];
    // An item with no block inside is one cmark read as a link definition
    // ("- [Tech/framework]: [usage]"): its text is still template text.
    const bool empty_item = block.kind == doc::BlockKind::item &&
                            (i + 1 == blocks.size() || !block.range.contains(blocks[i + 1].range));
    if (block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading || empty_item) {
      scanner.prose(block.range);
    }
  }
  for (const auto& table : document.tables()) {
    for (const auto& row : table.rows) {
      for (const auto& cell : row.cells) scanner.prose(cell.content);
    }
  }
  for (const auto& fence : document.fences()) {
    const bool checked = std::find(std::begin(template_fence_infos), std::end(template_fence_infos),
                                   fence.info) != std::end(template_fence_infos);
    if (checked) scanner.code(fence.content);
  }
  for (const auto& code : document.inline_code()) scanner.code(code.content);
  scanner.template_paths_in({0, document.source().size()});
  scanner.ellipsis_cells();
}

}  // namespace

extern const engine::RuleMeta template_placeholder{
    .code = "HP007",
    .name = "template-placeholder",
    .family = "Document",
    .profile = "spellbook-handoff,spellbook-develop,generic-handoff",
    .summary = "Template text was left in place of a real value",
    .what_it_checks = R"md(
Spellbook's handoff template marks every value to fill in. baton reports the marks left behind:

- in prose, headings and table cells: bracketed text that is not a link, a task box (`[ ]`,
  `[x]`), a footnote or a number — `[skill-name]`, `[ID]`, `[file:line, decision point]`; and
  `{placeholder}` words;
- in code (fences without a language, or `text`, `yaml`, `markdown`, `bash`; and inline code):
  quoted bracket strings such as `"[skill-name]"` and `"[manual|auto|checkpoint]"`, single capital
  slots such as `Phase[N].Task[M]`, and `[1-N]`;
- anywhere: the template's example paths `/absolute/path/…` and `/path/to/…`;
- a table cell that is only `...`.

A slot glued to a path or ref by a slash is the variable part of a pattern, written so on
purpose, and is not reported: `reset to origin/<branch>`, `/tmp/outbox/[Agent]/msg`.

In a free-form handoff (profile `generic-handoff`), which follows no template, a bracketed
single word in prose is as often the author's label (`[GEN]`, `[WIP]`, `COPR + [mason]`) as a
slot: it is reported only when it, or a part of it between `-` and `_`, says what to fill in —
`name`, `slug`, `date`, `time`, `task`, `TBD`, `id`, `sha`, `hash`, `path`, `url`, `link`,
`version`, `description`, `details`, `value`, `branch`, `commit`, `placeholder`, `insert`,
`fill`, `owner`, `title`, `number`, `summary`, `goal`, `reason`, `here`, `describe`, `your`,
`list`, `enter`, `or` (`[feature-slug]`, `[TASK]`, `[date]`). Bracketed text of several
words is read the same way, word by word: `[your name]` and `[session id or git branch]` are
slots, `[skip council]` (a commit tag, like `[skip ci]`) is not; alternatives (`[manual|auto]`)
are slots. A slot for a value that exists only once the work is done — a `date`, `time`,
`timestamp`, `version`, `sha`, `hash`, `commit`, `number`, `count` or `url` — inside an open
task item that says more than the slot (`- [ ] CHANGELOG v0.3.0-pending → v0.3.0 — <date>`)
describes the line to write and is not reported; an item that is only a slot (`- [ ] <task>`)
still is. A `{slot}` or `<slot>` glued to a name (`mcp__{server}__{tool}`, `report_<date>.md`)
is the variable part of a pattern, as one glued to a path is everywhere (`origin/<branch>`).

Rules that compare values (`state-schema`, `state-mismatch`, `reread-mismatch`,
`skill-resume-mismatch`) leave template slots to this rule, so an unfilled template gets one
finding per placeholder.
)md",
    .why_it_matters = R"md(
A placeholder is a value the next session does not have. `Skill("[skill-name]")` cannot be
executed, `Read("/absolute/path/to/impl.md")` reads nothing, and a 1.20 state full of
`[placeholders]` restores nothing — spellbook's own quality check demands "no [placeholders]".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("[skill-name]", "[exact resume args]")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task7")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
