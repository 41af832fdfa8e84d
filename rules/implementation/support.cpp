#include "rules/implementation/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <array>
#include <optional>

#include "document/text_scan.hpp"
#include "rules/support.hpp"

namespace baton::rules::implementation {

namespace {

using namespace std::string_view_literals;

bool is_word_char(char c) {
  return doc::is_alpha(c) || doc::is_digit(c) || c == '_';
}

bool one_of(std::string_view word, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return doc::iequals(word, w); });
}

// Splits on blanks and line breaks.
std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && doc::is_space(text[i])) ++i;
    const auto begin = i;
    while (i < text.size() && !doc::is_space(text[i])) ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  return words;
}

// Splits on every character that is not a letter or digit.
std::vector<std::string_view> split_components(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(doc::is_alpha(text[i]) || doc::is_digit(text[i]))) ++i;
    const auto begin = i;
    while (i < text.size() && (doc::is_alpha(text[i]) || doc::is_digit(text[i]))) ++i;
    if (i > begin) parts.push_back(text.substr(begin, i - begin));
  }
  return parts;
}

// Running-text punctuation around a word: "(src/a.ts)," -> "src/a.ts".
std::string_view strip_punctuation(std::string_view word) {
  constexpr auto leading = "([{\"'*_`"sv;
  constexpr auto trailing = ")]}\"'.,;:!?*_`"sv;
  while (!word.empty() && leading.find(word.front()) != std::string_view::npos)
    word.remove_prefix(1);
  while (!word.empty() && trailing.find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return word;
}

std::string_view skip_emphasis(std::string_view text) {
  while (!text.empty() &&
         (text.front() == '*' || text.front() == '_' || doc::is_blank(text.front()))) {
    text.remove_prefix(1);
  }
  return text;
}

std::string_view strip_trailing_emphasis(std::string_view text) {
  while (!text.empty() &&
         (text.back() == '*' || text.back() == '_' || doc::is_blank(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

constexpr std::array exit_labels = {"exit criteria"sv, "exit criterion"sv, "exit conditions"sv,
                                    "checkpoint"sv,    "done when"sv,      "acceptance criteria"sv,
                                    "test gate"sv,     "exit gate"sv,      "quality gate"sv,
                                    "gate"sv};

// The words a phase heading starts with: "Phase 2", "Milestone 3", "Stage B".
constexpr std::array phase_words = {"phase"sv, "milestone"sv, "stage"sv};

// Words before a number that make it an ordinal reference, not a measure.
constexpr std::array ordinal_words = {"phase"sv, "phases"sv,  "step"sv, "steps"sv,
                                      "stage"sv, "section"sv, "part"sv, "milestone"sv,
                                      "task"sv,  "tasks"sv,   "item"sv, "todo"sv};

// Things that are run or checked and come out one way or the other ...
constexpr std::array check_nouns = {
    "test"sv,      "tests"sv,      "spec"sv,      "specs"sv,       "suite"sv,  "suites"sv,
    "build"sv,     "builds"sv,     "typecheck"sv, "typechecks"sv,  "lint"sv,   "linter"sv,
    "linting"sv,   "compile"sv,    "compiles"sv,  "compilation"sv, "ci"sv,     "pipeline"sv,
    "benchmark"sv, "benchmarks"sv, "curl"sv,      "wget"sv,        "checks"sv, "e2e"sv,
    "smoke"sv,     "dod"sv};
// ... and the words that say which way.
constexpr std::array outcome_words = {"pass"sv,         "passes"sv,  "passed"sv,   "passing"sv,
                                      "green"sv,        "succeed"sv, "succeeds"sv, "succeeded"sv,
                                      "successfully"sv, "clean"sv,   "match"sv,    "matches"sv,
                                      "fail"sv,         "fails"sv,   "failing"sv};

constexpr std::array test_runners = {"pytest"sv,  "vitest"sv,   "jest"sv, "ctest"sv, "mocha"sv,
                                     "rspec"sv,   "phpunit"sv,  "tox"sv,  "nox"sv,   "playwright"sv,
                                     "cypress"sv, "unittest"sv, "test"sv, "tests"sv, "e2e"sv};

constexpr std::array shell_infos = {
    ""sv,     "sh"sv,         "bash"sv,          "shell"sv,      "console"sv,     "zsh"sv,
    "fish"sv, "powershell"sv, "ps1"sv,           "pwsh"sv,       "cmd"sv,         "bat"sv,
    "text"sv, "terminal"sv,   "shell-session"sv, "sh-session"sv, "shellsession"sv};

constexpr std::array declaration_modifiers = {
    "export"sv,   "pub"sv,    "pub(crate)"sv, "public"sv,   "private"sv,   "protected"sv,
    "internal"sv, "static"sv, "async"sv,      "abstract"sv, "declare"sv,   "default"sv,
    "final"sv,    "sealed"sv, "virtual"sv,    "inline"sv,   "constexpr"sv, "extern"sv,
    "open"sv,     "data"sv,   "override"sv,   "unsafe"sv,   "readonly"sv};
constexpr std::array type_keywords = {
    "interface"sv, "class"sv,   "struct"sv,  "enum"sv,    "trait"sv, "protocol"sv, "record"sv,
    "union"sv,     "message"sv, "service"sv, "typedef"sv, "impl"sv,  "type"sv};
constexpr std::array function_keywords = {"def"sv, "fn"sv, "func"sv, "function"sv, "fun"sv};
constexpr std::array statement_keywords = {"return"sv, "delete"sv, "throw"sv, "new"sv,
                                           "else"sv,   "case"sv,   "goto"sv,  "co_return"sv,
                                           "await"sv,  "yield"sv,  "echo"sv,  "print"sv};

std::string_view leading_identifier(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (is_word_char(text[i]) || text[i] == '$')) ++i;
  return text.substr(0, i);
}

bool starts_identifier(std::string_view text) {
  return !text.empty() &&
         (doc::is_alpha(text.front()) || text.front() == '_' || text.front() == '$');
}

// `name(args): Type`, `name<T>(args) -> Type`, `obj.name(args) => Type`.
bool is_annotated_call_signature(std::string_view t) {
  std::size_t i = 0;
  if (!starts_identifier(t)) return false;
  while (i < t.size() && (is_word_char(t[i]) || t[i] == '.' || t[i] == '$')) ++i;
  if (i < t.size() && t[i] == '<') {
    const auto close = t.find('>', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
  }
  if (i >= t.size() || t[i] != '(') return false;
  int depth = 0;
  for (; i < t.size(); ++i) {
    if (t[i] == '(') ++depth;
    if (t[i] == ')' && --depth == 0) break;
  }
  if (i >= t.size()) return false;
  auto rest = doc::trim(t.substr(i + 1));
  for (auto arrow : {":"sv, "->"sv, "=>"sv}) {
    if (rest.starts_with(arrow)) return !doc::trim(rest.substr(arrow.size())).empty();
  }
  return false;
}

// `std::vector<Phase> find_phases(const Document& document);`
bool is_c_declaration(std::string_view t) {
  if (!t.ends_with(';') || !starts_identifier(t)) return false;
  const auto open = t.find('(');
  if (open == std::string_view::npos || t.find(')', open) == std::string_view::npos) return false;
  const auto head = doc::trim(t.substr(0, open));
  if (head.find('=') != std::string_view::npos) return false;
  const auto words = split_words(head);
  if (words.size() < 2) return false;
  return !one_of(words.front(), statement_keywords);
}

// A test case, not an interface: Go's `func TestLookup(t *testing.T)` (and
// Benchmark, Example, Fuzz), Python's `def test_lookup(...)`.
bool is_test_function(std::string_view t) {
  if (t.find("*testing.") != std::string_view::npos) return true;
  for (auto prefix : {"def test_"sv, "async def test_"sv, "fn test_"sv}) {
    if (t.starts_with(prefix)) return true;
  }
  return false;
}

bool is_comment_line(std::string_view t) {
  for (auto marker : {"//"sv, "#"sv, "--"sv, "/*"sv, "*"sv, "<!--"sv, ";"sv, "%"sv}) {
    if (t.starts_with(marker)) return true;
  }
  return false;
}

// Top-level items, paragraphs and fences of a range, each one criterion.
std::vector<TextRange> criteria_in(const Document& document, TextRange range) {
  std::vector<TextRange> criteria;
  const auto blocks = Document::within(document.blocks(), range);
  if (blocks.empty()) return criteria;
  int base = blocks.front()->depth;
  for (const auto* block : blocks) base = std::min(base, block->depth);
  for (const auto* block : blocks) {
    if (block->kind == doc::BlockKind::item && block->depth == base + 1) {
      for (const auto& item : document.list_items()) {
        if (item.range.begin == block->range.begin &&
            !visible_text(document, item.content).empty()) {
          criteria.push_back(item.content);
          break;
        }
      }
    } else if ((block->kind == doc::BlockKind::paragraph || block->kind == doc::BlockKind::fence) &&
               block->depth == base) {
      const auto text = visible_text(document, block->range);
      // "Run and pass:", "**Assertions (must hold):**" introduce the criteria
      // that follow; they are none themselves.
      const bool lead_in = block->kind == doc::BlockKind::paragraph &&
                           strip_trailing_emphasis(text).ends_with(':');
      if (!text.empty() && !lead_in) criteria.push_back(block->range);
    }
  }
  return criteria;
}

// The criteria of an exit label paragraph: its rest, or the items of the
// list (or the fenced block) right after it.
std::vector<TextRange> label_criteria(const Document& document, const Labelled& label) {
  if (label.scope.empty()) return {};
  if (label.scope == label.rest) return {label.rest};
  return criteria_in(document, label.scope);
}

bool is_placeholder_cell(std::string_view text) {
  constexpr std::array empty = {""sv,     "-"sv,   "--"sv, "\u2014"sv, "\u2013"sv, "tbd"sv,
                                "todo"sv, "n/a"sv, "?"sv,  "..."sv,    "\u2026"sv};
  return one_of(text, empty);
}

}  // namespace

TextRange document_anchor(const Document& document) {
  for (const auto& heading : document.headings()) {
    if (heading.level == 1) return heading.range;
  }
  return document.source().line_range(1);
}

TextRange heading_body(const Document& document, std::size_t index) {
  const auto headings = document.headings();
  const auto& heading = headings[index];
  auto end = static_cast<std::uint32_t>(document.source().text().size());
  for (auto next = index + 1; next < headings.size(); ++next) {
    if (headings[next].level <= heading.level) {
      end = headings[next].range.begin;
      break;
    }
  }
  return {heading.range.end, std::max(heading.range.end, end)};
}

std::string visible_text(const Document& document, TextRange range) {
  std::string raw(document.text(range));
  // Comments come in source order and do not overlap: skip to the first one
  // that ends inside or after the range.
  const auto comments = document.html_comments();
  auto comment = std::partition_point(comments.begin(), comments.end(),
                                      [&](const auto& c) { return c.range.end <= range.begin; });
  for (; comment != comments.end() && comment->range.begin < range.end; ++comment) {
    const auto begin = std::max(comment->range.begin, range.begin);
    const auto end = std::min(comment->range.end, range.end);
    for (auto i = begin; i < end; ++i) raw[i - range.begin] = ' ';
  }
  std::string out;
  bool blank = false;
  for (char c : raw) {
    if (doc::is_space(c)) {
      blank = !out.empty();
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  return out;
}

namespace {

// The capitals of a line written as a plain-text heading, up to a
// parenthesised qualifier: "DEFINITION OF DONE (must be satisfied)" ->
// "DEFINITION OF DONE". Empty for any other line.
std::string_view capitals_label(std::string_view line) {
  line = doc::trim(line);
  if (line.size() > 80) return {};
  const auto label = doc::trim(line.substr(0, std::min(line.find('('), line.size())));
  std::size_t capitals = 0;
  for (const char c : label) {
    if (c >= 'a' && c <= 'z') return {};
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 3 && label.find(' ') != std::string_view::npos ? label : std::string_view{};
}

}  // namespace

std::optional<Labelled> labelled_paragraph(const Document& document, const doc::Block& paragraph) {
  if (paragraph.kind != doc::BlockKind::paragraph) return std::nullopt;
  const auto text = document.text(paragraph.range);
  const auto line_end = std::min(text.find('\n'), text.size());
  const auto first_line = text.substr(0, line_end);
  const auto start = skip_emphasis(first_line);
  const auto start_offset = first_line.size() - start.size();
  Labelled labelled;
  labelled.paragraph = &paragraph;
  std::size_t rest_offset = 0;
  const auto colon = start.find(':');
  if (doc::istarts_with(start, "done when") && (start.size() == 9 || !doc::is_alpha(start[9]))) {
    // "Done when `make` passes." needs no colon, and one later in the
    // sentence is part of the criterion: "Done when the build passes: `make`".
    labelled.label = start.substr(0, 9);
    auto after = skip_emphasis(text.substr(start_offset + 9));
    if (!after.empty() && after.front() == ':') after = skip_emphasis(after.substr(1));
    rest_offset = text.size() - after.size();
  } else if (colon != std::string_view::npos && colon <= 60) {
    labelled.label = doc::trim(strip_trailing_emphasis(start.substr(0, colon)));
    if (labelled.label.find('`') != std::string_view::npos) return std::nullopt;
    auto after = skip_emphasis(text.substr(start_offset + colon + 1));
    rest_offset = text.size() - after.size();
  } else if (doc::trim(first_line).starts_with("**") && doc::trim(first_line).ends_with("**") &&
             doc::trim(first_line).size() <= 64) {
    labelled.label = doc::trim(strip_trailing_emphasis(start));
    rest_offset = line_end;
  } else if (const auto caps = capitals_label(first_line); !caps.empty() && line_end == text.size()) {
    // A plain-text heading on a line of its own: "DEFINITION OF DONE (must be satisfied)".
    labelled.label = caps;
    rest_offset = line_end;
  } else {
    return std::nullopt;
  }
  if (labelled.label.empty()) return std::nullopt;
  const auto begin = paragraph.range.begin + static_cast<std::uint32_t>(rest_offset);
  labelled.rest = {std::min(begin, paragraph.range.end), paragraph.range.end};
  if (!visible_text(document, labelled.rest).empty()) {
    labelled.scope = labelled.rest;
    return labelled;
  }
  labelled.scope = {paragraph.range.end, paragraph.range.end};
  const auto blocks = document.blocks();
  const auto index = static_cast<std::size_t>(&paragraph - blocks.data());
  // Skip comment-only HTML blocks (fixture expectations) between the two.
  for (auto next = index + 1; next < blocks.size(); ++next) {
    const auto& block = blocks[next];
    if (block.kind == doc::BlockKind::html && visible_text(document, block.range).empty()) continue;
    if (block.depth == paragraph.depth &&
        (block.kind == doc::BlockKind::list || block.kind == doc::BlockKind::fence)) {
      labelled.scope = block.range;
    }
    break;
  }
  return labelled;
}

std::vector<Topic> find_topics(const Document& document, TitleMatcher matches) {
  std::vector<Topic> topics;
  const auto headings = document.headings();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    if (matches(visible_text(document, headings[i].text))) {
      topics.push_back({headings[i].range, heading_body(document, i)});
    }
  }
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::paragraph) continue;
    if (auto label = labelled_paragraph(document, block); label && matches(label->label)) {
      topics.push_back({block.range, label->scope});
    }
  }
  return topics;
}

void require_topic(engine::RuleContext& context, TitleMatcher matches, std::string_view missing,
                   std::string_view empty) {
  const auto& document = context.document();
  const auto topics = find_topics(document, matches);
  if (topics.empty()) {
    if (asks_for_every_part(context)) context.report(document_anchor(document), std::string(missing));
    return;
  }
  for (const auto& topic : topics) {
    if (!visible_text(document, topic.body).empty()) return;
  }
  context.report(topics.front().anchor, std::string(empty));
}

bool contains_word(std::string_view text, std::string_view word) {
  return support::find_phrase(text, word) != std::string_view::npos;
}

bool is_exit_label(std::string_view text) {
  text = doc::trim(strip_trailing_emphasis(skip_emphasis(text)));
  return std::any_of(exit_labels.begin(), exit_labels.end(), [&](std::string_view label) {
    if (!doc::istarts_with(text, label)) return false;
    // Only a qualifier may follow: "Exit criteria (all must hold)", "Checkpoint
    // for phase 2", "Checkpoint 2" — not "Checkpoint commits after each task".
    auto rest = doc::trim(text.substr(label.size()));
    if (rest.empty() || rest.front() == '(' || doc::is_digit(rest.front())) return true;
    return doc::istarts_with(rest, "for ") || rest == ":";
  });
}

namespace {

// "6. Milestone 1 — Storefront": the section number of an outline before the phase word.
std::string_view skip_outline_number(std::string_view title) {
  std::size_t i = 0;
  while (i < title.size() && doc::is_digit(title[i])) ++i;
  if (i == 0 || i + 1 >= title.size() || (title[i] != '.' && title[i] != ')') ||
      !doc::is_blank(title[i + 1])) {
    return title;
  }
  return doc::trim(title.substr(i + 1));
}

// The rest of a title after its "Phase 2" prefix; nullopt when it has none.
std::optional<std::string_view> after_phase_prefix(std::string_view title) {
  title = skip_outline_number(skip_emphasis(title));
  const auto word = std::find_if(phase_words.begin(), phase_words.end(),
                                 [&](std::string_view w) { return doc::istarts_with(title, w); });
  if (word == phase_words.end()) return std::nullopt;
  auto rest = title.substr(word->size());
  while (!rest.empty() && doc::is_blank(rest.front())) rest.remove_prefix(1);
  std::size_t i = 0;
  if (!rest.empty() && doc::is_digit(rest.front())) {
    // Digits, with inner dots: "2", "2.5".
    const auto number_char = [&](std::size_t at) {
      return doc::is_digit(rest[at]) ||
             (rest[at] == '.' && at + 1 < rest.size() && doc::is_digit(rest[at + 1]));
    };
    while (i < rest.size() && number_char(i)) ++i;
    if (i < rest.size() && doc::is_alpha(rest[i])) ++i;  // "Phase 2a"
  } else if (!rest.empty() && rest.front() >= 'A' && rest.front() <= 'Z') {
    i = 1;  // "Phase B"
  } else {
    return std::nullopt;
  }
  if (i < rest.size() && (doc::is_alpha(rest[i]) || doc::is_digit(rest[i]))) return std::nullopt;
  return doc::trim(rest.substr(i));
}

// "Milestone 1 test gate", "Phase 2 exit criteria": a phase's exit criteria
// under their own heading, named after the phase.
bool is_exit_heading(std::string_view title) {
  if (is_exit_label(title)) return true;
  auto rest = after_phase_prefix(title);
  if (!rest) return false;
  // "Phase 2 — exit criteria", "Phase 2: gate".
  while (!rest->empty() && std::string_view(":.-").find(rest->front()) != std::string_view::npos)
    rest->remove_prefix(1);
  if (rest->starts_with("\xE2\x80\x94") || rest->starts_with("\xE2\x80\x93"))  // em/en dash
    rest->remove_prefix(3);
  return !doc::trim(*rest).empty() && is_exit_label(doc::trim(*rest));
}

}  // namespace

bool is_phase_title(std::string_view title) {
  return after_phase_prefix(title).has_value() && !is_exit_heading(title);
}

PhasePlan find_phases(const Document& document) {
  PhasePlan plan;
  std::vector<TextRange> tables_without_exit;
  for (const auto& table : document.tables()) {
    const auto& header = table.header.cells;
    if (header.empty() ||
        !doc::istarts_with(skip_emphasis(document.text(header.front().content)), "phase")) {
      continue;
    }
    std::optional<std::size_t> exit_column;
    std::optional<std::size_t> goal_column;
    bool deliverables = false;
    for (std::size_t column = 1; column < header.size(); ++column) {
      const auto title = visible_text(document, header[column].content);
      if (!exit_column && (is_exit_label(title) || contains_word(title, "exit")))
        exit_column = column;
      if (!goal_column && doc::istarts_with(skip_emphasis(title), "goal")) goal_column = column;
      if (doc::istarts_with(skip_emphasis(title), "deliverable")) deliverables = true;
    }
    if (!exit_column) {
      // A plan without its exit column; "| Phase | Risk | Mitigation |" is no plan.
      if (goal_column || deliverables) tables_without_exit.push_back(table.header.range);
      continue;
    }
    plan.from_table = true;
    for (const auto& row : table.rows) {
      if (row.cells.empty()) continue;
      Phase phase;
      phase.from_table = true;
      phase.anchor = row.range;
      // "phase 2 (Contracts)"; a cell that already says "Phase 2" is kept as is.
      const auto number = visible_text(document, row.cells.front().content);
      phase.name = doc::istarts_with(number, "phase")
                       ? support::excerpt(number, 40)
                       : fmt::format("phase {}", support::excerpt(number, 40));
      if (goal_column && *goal_column < row.cells.size()) {
        const auto goal = visible_text(document, row.cells[*goal_column].content);
        if (!goal.empty()) phase.name += fmt::format(" ({})", support::excerpt(goal, 40));
      }
      if (*exit_column < row.cells.size()) {
        const auto& cell = row.cells[*exit_column];
        if (!is_placeholder_cell(visible_text(document, cell.content)))
          phase.criteria.push_back(cell.content);
      }
      plan.phases.push_back(std::move(phase));
    }
  }
  if (plan.from_table) return plan;

  const auto headings = document.headings();
  std::optional<TextRange> last_phase_body;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const auto title = visible_text(document, headings[i].text);
    if (!is_phase_title(title)) continue;
    // "### Milestone 2 notes" under "# Milestone 2 — Runner" is part of that phase.
    if (last_phase_body && last_phase_body->contains(headings[i].range)) continue;
    const auto body = heading_body(document, i);
    last_phase_body = body;
    Phase phase;
    phase.name = support::excerpt(title, 60);
    phase.anchor = headings[i].range;
    std::vector<TextRange> exit_bodies;
    for (auto j = i + 1; j < headings.size() && body.contains(headings[j].range); ++j) {
      if (!is_exit_heading(visible_text(document, headings[j].text))) continue;
      const auto exit_body = heading_body(document, j);
      exit_bodies.push_back(exit_body);
      for (const auto* fence : Document::within(document.fences(), exit_body)) {
        if (is_shell_fence(*fence) && !doc::trim(document.text(fence->content)).empty())
          phase.gated_by_commands = true;
      }
      auto criteria = criteria_in(document, exit_body);
      if (criteria.empty() && !phase.empty_exit) phase.empty_exit = headings[j].range;
      phase.criteria.insert(phase.criteria.end(), criteria.begin(), criteria.end());
    }
    for (const auto* block : Document::within(document.blocks(), body)) {
      if (block->kind != doc::BlockKind::paragraph) continue;
      if (std::any_of(exit_bodies.begin(), exit_bodies.end(),
                      [&](TextRange r) { return r.contains(block->range); })) {
        continue;
      }
      const auto label = labelled_paragraph(document, *block);
      if (!label || !is_exit_label(label->label)) continue;
      auto criteria = label_criteria(document, *label);
      if (criteria.empty() && !phase.empty_exit) phase.empty_exit = block->range;
      phase.criteria.insert(phase.criteria.end(), criteria.begin(), criteria.end());
    }
    if (!phase.criteria.empty()) phase.empty_exit.reset();
    plan.phases.push_back(std::move(phase));
  }
  // Phase headings are the plan when there are any; a plan table without an
  // exit column is reported only when it is the sole plan.
  if (plan.phases.empty()) plan.tables_without_exit_column = std::move(tables_without_exit);
  return plan;
}

Evidence measurable(const Document& document, TextRange criterion) {
  for (const auto* code : Document::within(document.inline_code(), criterion)) {
    const auto content = doc::trim(document.text(code->content));
    if (!content.empty() && !support::is_template_placeholder(content)) return Evidence::code;
  }
  for (const auto* fence : Document::within(document.fences(), criterion)) {
    if (!doc::trim(document.text(fence->content)).empty()) return Evidence::code;
  }
  return measurable_text(visible_text(document, criterion));
}

Evidence measurable_text(std::string_view text) {
  const auto words = split_words(text);
  for (auto word : words) {
    if (strip_punctuation(word).find("://") != std::string_view::npos) return Evidence::url;
  }
  for (auto word : words) {
    if (is_path_token(strip_punctuation(word))) return Evidence::path;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!doc::is_digit(text[i])) continue;
    if (i > 0 && (is_word_char(text[i - 1]) || text[i - 1] == '#' || text[i - 1] == '.')) {
      // Inside a word ("e2e", "v2"), a reference ("#12") or the tail of a number.
      continue;
    }
    // The word before: "Phase 2" and "step 3" are ordinals, not measures.
    auto before = text.substr(0, i);
    while (!before.empty() && doc::is_blank(before.back())) before.remove_suffix(1);
    if (before.ends_with("\u00a7")) continue;  // "§2"
    auto word_begin = before.size();
    while (word_begin > 0 && doc::is_alpha(before[word_begin - 1])) --word_begin;
    if (one_of(before.substr(word_begin), ordinal_words)) continue;
    return Evidence::number;
  }
  bool noun = false;
  bool outcome = false;
  for (auto word : words) {
    const auto bare = strip_punctuation(word);
    if (doc::iequals(bare, "zero")) return Evidence::number;
    for (auto part : split_components(bare)) {
      if (one_of(part, check_nouns)) noun = true;
      if (one_of(part, outcome_words)) outcome = true;
    }
  }
  if (contains_word(text, "definition of done")) noun = true;
  return noun && outcome ? Evidence::check_outcome : Evidence::none;
}

bool names_check(std::string_view text) {
  for (auto word : split_words(text)) {
    for (auto part : split_components(strip_punctuation(word))) {
      if (one_of(part, check_nouns)) return true;
    }
  }
  return false;
}

bool is_signature_line(std::string_view line) {
  auto t = doc::trim(line);
  if (t.empty() || is_comment_line(t) || is_test_function(t)) return false;
  if (doc::istarts_with(t, "create table")) return true;
  // Drop modifiers: `export interface`, `pub fn`, `public static`.
  for (bool dropped = true; dropped;) {
    dropped = false;
    const auto words = split_words(t);
    if (!words.empty() && one_of(words.front(), declaration_modifiers) && words.size() > 1) {
      t = doc::trim(t.substr(words.front().size()));
      dropped = true;
    }
  }
  const auto keyword = leading_identifier(t);
  auto after = t.substr(keyword.size());
  if (!after.empty() && doc::is_blank(after.front())) {
    after = doc::trim(after);
    if (one_of(keyword, type_keywords) && starts_identifier(after)) return true;
    if (one_of(keyword, function_keywords) && t.find('(') != std::string_view::npos) return true;
  }
  return is_annotated_call_signature(t) || is_c_declaration(t);
}

namespace {

bool looks_like_code(std::string_view line) {
  // A parameter list glued to its name, closed on the line: "list_points(self)".
  const auto paren = line.find('(');
  if (paren != std::string_view::npos && paren > 0 && is_word_char(line[paren - 1]) &&
      line.find(')', paren) != std::string_view::npos) {
    return true;
  }
  // "interface Highlighter {", "class MeasurementPoint:": a capitalised name after the keyword.
  const auto keyword = leading_identifier(line);
  const auto name = doc::trim(line.substr(keyword.size()));
  return one_of(keyword, type_keywords) && !name.empty() && name.front() >= 'A' &&
         name.front() <= 'Z';
}

}  // namespace

std::optional<TextRange> first_prose_signature(const Document& document) {
  const auto& source = document.source();
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::paragraph || block.range.empty()) continue;
    const auto last = source.line_of(block.range.end - 1);
    for (auto line = source.line_of(block.range.begin); line <= last; ++line) {
      const auto text = doc::trim(source.line_text(line));
      if (text.empty() || text.find('`') != std::string_view::npos || text.ends_with('.'))
        continue;
      if (is_signature_line(text) && looks_like_code(text)) return source.line_range(line);
    }
  }
  return std::nullopt;
}

bool is_path_token(std::string_view word) {
  if (word.size() < 2 || word.find("://") != std::string_view::npos) return false;
  if (!support::looks_like_path(word)) return false;
  if (word.starts_with("/") || word.starts_with("./") || word.starts_with("../") ||
      word.starts_with("~/")) {
    return std::any_of(word.begin(), word.end(), [](char c) { return doc::is_alpha(c); });
  }
  if (word.ends_with('/')) return true;  // a directory: "fixtures/"
  const auto slash = word.rfind('/');
  if (slash == std::string_view::npos) {
    // A bare file name needs a known extension; "Next.js" and "Node.js" are
    // products, not files.
    if (word.ends_with(".js") && word.front() >= 'A' && word.front() <= 'Z') return false;
    return word.front() != '.' && word.front() != '~' && support::looks_like_path(word);
  }
  // "dir/name.ext" with any short extension ("src/Lots.kt"); "and/or" has none.
  const auto name = word.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const auto extension = name.substr(dot + 1);
  return !extension.empty() && extension.size() <= 5 &&
         std::all_of(extension.begin(), extension.end(),
                     [](char c) { return doc::is_alpha(c) || doc::is_digit(c); });
}

namespace {

// What people write in front of a command inside a fence: a step number
// ("4. ", "2) ") and a label ("Run: ", "Backend: ").
std::string_view strip_step_prefix(std::string_view t) {
  std::size_t digits = 0;
  while (digits < t.size() && doc::is_digit(t[digits])) ++digits;
  if (digits > 0 && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') &&
      doc::is_blank(t[digits + 1]))
    t = doc::trim(t.substr(digits + 1));
  const auto colon = t.find(": ");
  if (colon != std::string_view::npos && colon <= 20) {
    const auto label = t.substr(0, colon);
    if (std::all_of(label.begin(), label.end(),
                    [](char c) { return doc::is_alpha(c) || c == ' ' || c == '-'; }))
      t = doc::trim(t.substr(colon + 2));
  }
  return t;
}

}  // namespace

bool is_test_command(std::string_view line) {
  auto t = doc::trim(line);
  for (auto prompt : {"$ "sv, "> "sv, "% "sv}) {
    if (t.starts_with(prompt)) t = doc::trim(t.substr(prompt.size()));
  }
  t = strip_step_prefix(t);
  if (t.empty() || t.front() == '#') return false;
  if (!(doc::is_alpha(t.front()) || t.front() == '.' || t.front() == '/')) return false;
  const auto words = split_words(t);
  // A capitalised word opens a sentence, not a command: "Tests as in
  // test-spec.md" in a build-order list.
  const auto first = words.front();
  if (first.size() > 1 && first.front() >= 'A' && first.front() <= 'Z' &&
      std::all_of(first.begin() + 1, first.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  if (words.size() >= 2 && words[0] == "make" && (words[1] == "check" || words[1] == "test"))
    return true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Arguments that are paths ("cat tests/x") do not make a test command.
    if (i > 0 && words[i].find('/') != std::string_view::npos) continue;
    for (auto part : split_components(words[i])) {
      if (one_of(part, test_runners)) return true;
    }
  }
  return false;
}

bool is_shell_fence(const doc::Fence& fence) {
  return one_of(fence.info, shell_infos);
}

namespace {

constexpr std::string_view done_label_entries[] = {
    "definition of done", "DoD", "acceptance criteria", "acceptance tests", "success criteria",
    "completion criteria",
    "done criteria", "done when",
    "acceptance checklist", "quality criteria",
    "critérios de aceitação", "criterios de aceptación", "critères d'acceptation", "abnahmekriterien",
    "critérios de qualidade", "criterios de calidad", "critères de qualité", "qualitätskriterien",
    "最终交付标准", "交付标准", "验收标准", "完成标准", "完了条件", "受け入れ基準",
};

}  // namespace

std::span<const std::string_view> done_labels() { return done_label_entries; }

bool is_done_title(std::string_view title) {
  for (auto label : done_label_entries) {
    // Labels in scripts without word spaces match anywhere in the title.
    if (static_cast<unsigned char>(label.front()) >= 0xE0 ? title.find(label) != std::string_view::npos
                                                         : contains_word(title, label))
      return true;
  }
  return false;
}

namespace {

// What the implementation rules ask of a document, judged once per lint.
struct PromptShape {
  bool named_without_parts = false;
  bool every_part = false;
  bool small_task = false;
  bool supervised = false;
};

bool has_implementation_parts(const Document& document, const PhasePlan& plan);

const PromptShape& prompt_shape(const engine::RuleContext& context) {
  return context.cache().get<PromptShape>([&] {
    const auto& document = context.document();
    const auto by = context.detected_by();
    const bool guessed = by == engine::DetectedBy::name || by == engine::DetectedBy::content;
    PromptShape shape;
    shape.small_task = is_small_task(document);
    shape.supervised = is_supervised(document);
    if (!guessed) {
      shape.every_part = true;
      return shape;
    }
    const auto& plan = find_phases(context);
    shape.every_part = plan.from_table || std::any_of(plan.phases.begin(), plan.phases.end(),
                                                      [](const Phase& phase) { return !phase.criteria.empty(); });
    shape.named_without_parts = !has_implementation_parts(document, plan);
    return shape;
  });
}

}  // namespace

bool asks_for_every_part(const engine::RuleContext& context) { return prompt_shape(context).every_part; }

bool is_small_task(const engine::RuleContext& context) { return prompt_shape(context).small_task; }

bool is_supervised(const engine::RuleContext& context) { return prompt_shape(context).supervised; }

const PhasePlan& find_phases(const engine::RuleContext& context) {
  return context.cache().get<PhasePlan>([&] { return find_phases(context.document()); });
}

bool named_but_not_shaped(const engine::RuleContext& context) {
  return prompt_shape(context).named_without_parts;
}

namespace {

// A heading or label that looks like a Definition of Done under a name the
// table does not hold ("Completion checklist", "When we are finished"): the
// message then names it rather than claim there is nothing.
bool looks_like_done(std::string_view title) {
  for (auto word : {"done", "checklist", "criteria", "complete", "completion", "finished",
                    "finish", "acceptance", "deliverable", "deliverables"}) {
    if (contains_word(title, word)) return true;
  }
  return false;
}

// A sentence of running text that defines done without a heading or label:
// "Phase 0's \"done\" definition: list + detail pages live …". Quotes and
// case are ignored. The range is the sentence that holds the phrase.
std::optional<TextRange> prose_done_definition(const Document& document) {
  static constexpr std::string_view phrases[] = {"definition of done", "done definition"};
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::paragraph) continue;
    const auto raw = document.text(block.range);
    // The paragraph folded to lower case without quotes and with blank runs
    // as one space; offsets[i] is where folded[i] came from.
    std::string folded;
    std::vector<std::uint32_t> offsets;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const auto c = static_cast<unsigned char>(raw[i]);
      if (c == '"' || c == '\'' || c == '`' || c == '*') continue;
      // Curly quotes: U+2018/2019/201C/201D are E2 80 98..9D.
      if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
          static_cast<unsigned char>(raw[i + 2]) >= 0x98 &&
          static_cast<unsigned char>(raw[i + 2]) <= 0x9D) {
        i += 2;
        continue;
      }
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank && (folded.empty() || folded.back() == ' ')) continue;
      folded.push_back(blank ? ' ' : static_cast<char>(std::tolower(c)));
      offsets.push_back(static_cast<std::uint32_t>(i));
    }
    for (const auto phrase : phrases) {
      const auto at = folded.find(phrase);
      if (at == std::string::npos) continue;
      const auto match_end = offsets[at + phrase.size() - 1] + 1;
      auto sentence = offsets[at];
      while (sentence > 0) {
        const auto before = raw.substr(0, sentence);
        if (before.ends_with(". ") || before.ends_with(".\n")) break;
        --sentence;
      }
      auto end = raw.find(". ", match_end);
      end = end == std::string_view::npos ? raw.size() : end + 1;
      return TextRange{block.range.begin + sentence,
                       block.range.begin + static_cast<std::uint32_t>(end)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DoneLookAlike> find_done_look_alike(const Document& document) {
  const auto& source = document.source();
  const auto near = find_topics(document, &looks_like_done);
  if (!near.empty()) {
    auto title = visible_text(document, near.front().anchor);
    title.erase(0, title.find_first_not_of("# "));
    return DoneLookAlike{near.front().anchor, source.line_of(near.front().anchor.begin),
                         rules::support::excerpt(title, 50), false};
  }
  if (const auto sentence = prose_done_definition(document)) {
    return DoneLookAlike{*sentence, source.line_of(sentence->begin),
                         rules::support::excerpt(visible_text(document, *sentence), 60), true};
  }
  return std::nullopt;
}

namespace {

bool has_implementation_parts(const Document& document, const PhasePlan& plan) {
  if (!plan.phases.empty() || !plan.tables_without_exit_column.empty()) return true;
  if (doc::ifind(document.source().text(), "exit criteri") != std::string_view::npos) return true;
  for (const auto& fence : document.fences()) {
    auto content = document.text(fence.content);
    while (!content.empty()) {
      const auto newline = content.find('\n');
      if (is_signature_line(content.substr(0, newline))) return true;
      if (newline == std::string_view::npos) break;
      content.remove_prefix(newline + 1);
    }
    if (fence_runs_tests(document, fence)) return true;  // how to verify the work
  }
  if (find_ordered_steps(document)) return true;  // a procedure, if not phases
  // A section that says how the work is verified ("## Verification": the
  // build is clean, report the size): a task to carry out, not another kind
  // of prompt.
  for (std::size_t i = 0; i < document.headings().size(); ++i) {
    const auto title = document.text(document.headings()[i].text);
    if ((contains_word(title, "verification") || contains_word(title, "verify")) &&
        !doc::trim(document.text(heading_body(document, i))).empty())
      return true;
  }
  return !find_topics(document, &is_done_title).empty();
}

}  // namespace

bool has_implementation_parts(const Document& document) {
  return has_implementation_parts(document, find_phases(document));
}

bool fence_runs_tests(const Document& document, const doc::Fence& fence) {
  if (!is_shell_fence(fence)) return false;
  const auto text = document.text(fence.content);
  std::size_t begin = 0;
  while (begin < text.size()) {
    const auto end = std::min(text.find('\n', begin), text.size());
    if (is_test_command(text.substr(begin, end - begin))) return true;
    begin = end + 1;
  }
  return false;
}

bool has_test_command(const Document& document) {
  const auto fences = document.fences();
  if (std::any_of(fences.begin(), fences.end(),
                  [&](const doc::Fence& fence) { return fence_runs_tests(document, fence); }))
    return true;
  // A whole command in inline code is as exact as one in a fence: it is
  // copied, not reconstructed (see docs/implementation-prompts.md).
  const auto spans = document.inline_code();
  return std::any_of(spans.begin(), spans.end(), [&](const doc::InlineCode& code) {
    const auto content = doc::trim(document.text(code.content));
    return content.find(' ') != std::string_view::npos && is_test_command(content);
  });
}

bool is_small_task(const Document& document) {
  if (document.source().line_count() > small_task_max_lines) return false;
  if (!has_test_command(document)) return false;
  const auto done = find_topics(document, &is_done_title);
  return std::any_of(done.begin(), done.end(), [&](const Topic& topic) {
    return !visible_text(document, topic.body).empty();
  });
}

namespace {

// Said near the top of a prompt for new work, where nothing exists to roll back.
constexpr std::array greenfield_phrases = {
    "greenfield"sv,      "green-field"sv,   "from scratch"sv,     "new project"sv,
    "new repository"sv,  "new repo"sv,      "empty repository"sv, "empty repo"sv,
    "this is a prototype"sv, "brand-new"sv, "brand new"sv,        "new app"sv,
    "new application"sv, "新项目"sv,        "从零"sv,            "mvp"sv,
    "initial build"sv};

// How far into the prompt its framing is read: the title and the overview.
constexpr std::size_t framing_bytes = 3000;

bool is_step_word_title(std::string_view title) {
  for (auto word : {"step", "steps", "order", "first", "sequence", "roadmap", "milestones",
                    "stages", "phases", "algorithm", "build order", "plan", "步骤", "顺序", "算法",
                    "计划"}) {
    if (static_cast<unsigned char>(word[0]) >= 0xE0
            ? title.find(word) != std::string_view::npos
            : contains_word(title, word))
      return true;
  }
  return false;
}

// "1. Codex home", "2) Storage", "3、缓存", "STEP 4 — Verify", "[STEP 2] Plan".
bool starts_with_step_number(std::string_view title) {
  if (title.starts_with('[')) title.remove_prefix(1);
  if (doc::istarts_with(title, "step ")) {
    title.remove_prefix(5);
    std::size_t digits = 0;
    while (digits < title.size() && doc::is_digit(title[digits])) ++digits;
    return digits > 0;
  }
  std::size_t digits = 0;
  while (digits < title.size() && doc::is_digit(title[digits])) ++digits;
  if (digits == 0 || digits == title.size()) return false;
  const auto rest = title.substr(digits);
  return rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with("、");
}

}  // namespace

bool is_greenfield(const Document& document) {
  const auto text = document.source().text();
  const auto framing = visible_text(
      document, {0, static_cast<std::uint32_t>(std::min(text.size(), framing_bytes))});
  return std::any_of(greenfield_phrases.begin(), greenfield_phrases.end(),
                     [&](std::string_view phrase) {
                       return static_cast<unsigned char>(phrase[0]) >= 0xE0
                                  ? framing.find(phrase) != std::string::npos
                                  : contains_word(framing, phrase);
                     });
}

namespace {

constexpr std::string_view phase_gates[] = {
    "after each phase",      "after every phase", "at the end of each phase", "after each milestone",
    "after every milestone", "between phases",    "between each phase",       "the next phase",
    "the next milestone"};
// Waiting for the user, not for CI: "wait for CI before the next phase" is no gate.
constexpr std::string_view waits[] = {
    "wait for my",       "wait for me",       "wait for your",    "wait for the user",
    "wait for user",     "wait for a user",   "wait for approval", "wait for confirmation",
    "wait for review",   "go-ahead",          "my go ahead",      "my approval",
    "your approval",     "explicit approval", "until i confirm",  "until i approve",
    "until i say"};

}  // namespace

bool is_supervised(const Document& document) {
  const auto text = document.source().text();
  const auto framing = visible_text(
      document, {0, static_cast<std::uint32_t>(std::min(text.size(), framing_bytes))});
  const auto has_any = [](std::string_view sentence, std::span<const std::string_view> phrases) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](std::string_view phrase) { return contains_word(sentence, phrase); });
  };
  std::size_t begin = 0;
  while (begin < framing.size()) {
    auto end = framing.find(". ", begin);
    if (end == std::string::npos) end = framing.size();
    const auto sentence = std::string_view(framing).substr(begin, end - begin);
    if (has_any(sentence, phase_gates) && has_any(sentence, waits)) return true;
    begin = end + 2;
  }
  return false;
}

std::optional<OrderedSteps> find_ordered_steps(const Document& document) {
  std::optional<OrderedSteps> found;
  const auto consider = [&](OrderedSteps steps) {
    if (!found || steps.anchor.begin < found->anchor.begin) found = steps;
  };
  // Three or more sibling headings numbered as steps. Numbered top-level
  // sections ("## 1. Context", "## 2. Requirements") are the document's own
  // outline, not steps, unless they say "Step".
  const auto headings = document.headings();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const auto title = visible_text(document, headings[i].text);
    if (!starts_with_step_number(title)) continue;
    if (headings[i].level <= 2 && !doc::istarts_with(title, "step") && !doc::istarts_with(title, "[step"))
      continue;
    std::size_t count = 1;
    for (std::size_t j = i + 1; j < headings.size() && headings[j].level >= headings[i].level; ++j) {
      if (headings[j].level == headings[i].level &&
          starts_with_step_number(visible_text(document, headings[j].text)))
        ++count;
    }
    if (count >= 3) {
      consider({headings[i].range, count});
      break;
    }
  }
  // Three or more paragraphs that open with a step label: "**STEP 1 — Learn
  // my setup.**", "[STEP 2] Present the step".
  {
    std::size_t count = 0;
    TextRange first{};
    for (const auto& block : document.blocks()) {
      if (block.kind != doc::BlockKind::paragraph) continue;
      auto text = doc::trim(document.text(block.range));
      while (text.starts_with('*') || text.starts_with('_')) text.remove_prefix(1);
      const bool step = (doc::istarts_with(text, "step ") || doc::istarts_with(text, "[step ")) &&
                        starts_with_step_number(text.substr(0, std::min<std::size_t>(text.size(), 12)));
      if (!step) continue;
      if (count++ == 0) first = block.range;
    }
    if (count >= 3) consider({first, count});
  }
  // An ordered list of three or more items under a heading or after a
  // sentence that says it is an order ("Suggested implementation order:").
  const auto blocks = document.blocks();
  const doc::Block* introduction = nullptr;
  for (const auto& block : blocks) {
    if (block.kind == doc::BlockKind::heading || block.kind == doc::BlockKind::paragraph) {
      if (block.depth == 0) introduction = &block;
      continue;
    }
    if (block.kind != doc::BlockKind::list || block.depth != 0 || !introduction) continue;
    const auto items = Document::within(document.list_items(), block.range);
    std::size_t count = 0;
    for (const auto* item : items) {
      const auto marker = document.text(item->marker);
      if (!marker.empty() && doc::is_digit(marker.front())) ++count;
    }
    if (count >= 3 && is_step_word_title(visible_text(document, introduction->range))) {
      consider({block.range, count});
      break;
    }
  }
  return found;
}

}  // namespace baton::rules::implementation
