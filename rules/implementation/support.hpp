#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

// What the implementation-prompt rules share: headings and labelled
// paragraphs by topic, phases with their exit criteria, and the judgements
// "measurable", "type signature" and "test command".
namespace baton::rules::implementation {

using doc::Document;
using source::TextRange;

// Where a finding about something missing from the whole document goes: the
// first level-1 heading (the title), else line 1.
TextRange document_anchor(const Document& document);

// From the end of heading `index` to the next heading of the same or a higher
// level (or the end of the document).
TextRange heading_body(const Document& document, std::size_t index);

// The text of `range` with HTML comments blanked out and whitespace runs
// collapsed to one blank, trimmed: what a reader sees of it.
std::string visible_text(const Document& document, TextRange range);

// A paragraph that starts with a label: "**Risks**: ...", "Checkpoint: ...",
// "**Exit criteria:**" or a first line that is all bold ("**Rollback**").
struct Labelled {
  const doc::Block* paragraph = nullptr;
  std::string_view label;  // without emphasis and colon
  TextRange rest;          // what follows the label in the paragraph
  // The rest when it has text, else the list or fenced block right after the
  // paragraph (at the same depth); empty when there is neither.
  TextRange scope;
};
// `paragraph` must be one of document.blocks() (the list after it is looked up there).
std::optional<Labelled> labelled_paragraph(const Document& document, const doc::Block& paragraph);

// A heading or labelled paragraph about one topic, and its content.
struct Topic {
  TextRange anchor;  // the heading or the label paragraph
  TextRange body;    // the heading's body or the label's scope
};
using TitleMatcher = bool (*)(std::string_view title);
// Headings first, then labelled paragraphs, in document order each.
std::vector<Topic> find_topics(const Document& document, TitleMatcher matches);

// Reports `missing` on the document anchor when no topic matches (only when
// the prompt asks_for_every_part), or `empty` on the first topic when every
// matching topic is empty (comments aside).
void require_topic(engine::RuleContext& context, TitleMatcher matches, std::string_view missing,
                   std::string_view empty);

// Whole-word, case-insensitive: "Known risks" contains "risks".
bool contains_word(std::string_view text, std::string_view word);

// A Definition of Done heading or label, under its usual names and in
// several languages (done_labels()): "Definition of Done", "DoD",
// "Acceptance criteria", "Critérios de Aceitação", "最终交付标准".
bool is_done_title(std::string_view title);
std::span<const std::string_view> done_labels();

// The closest look-alike of a Definition of Done in a document that has none
// under its labels, so that a message names it rather than claim there is
// nothing: a heading or label that speaks of being done, complete, finished, a
// checklist, acceptance or deliverables ("Completion checklist"), else a
// sentence of running text about a definition of done ("Phase 0's \"done\"
// definition: …").
struct DoneLookAlike {
  TextRange range;  // the heading, label paragraph or sentence
  std::uint32_t line = 0;
  std::string excerpt;  // what a reader sees of it, shortened
  bool in_running_text = false;
};
std::optional<DoneLookAlike> find_done_look_alike(const Document& document);

// Whether the document has any part of an implementation prompt: phases,
// an exit-criteria label, a fenced contract, or a Definition of Done. A file
// that is named like one and has none is some other prompt; the
// implementation-prompt rules then leave it to implementation-parts-missing.
bool has_implementation_parts(const Document& document);
// Whether the prompt asks to be held to the whole format, so that a part it
// lacks is a defect: the profile was chosen (--profile, configuration, a
// marker), or the file has the format's shape — a phases table, or phases
// with exit criteria. A file that only carries the name (or an
// "Implementation Prompt" title) gets the parts it has checked, and no
// "missing" findings; see docs/implementation-prompts.md.
bool asks_for_every_part(const engine::RuleContext& context);

// True when the profile came from the file name alone and the document has
// none of the parts: the HP701-HP708 checks then stay silent.
bool named_but_not_shaped(const engine::RuleContext& context);

// One phase of the plan: a row of the phases table, or a `Phase N` heading.
struct Phase {
  std::string name;  // "Phase 2 — Contracts", or "phase 2 (Contracts)" for a row
  TextRange anchor;  // the row or the heading
  bool from_table = false;
  // Where exit criteria were declared (an exit cell, label paragraph or
  // heading) but hold nothing; set only when `criteria` is empty.
  std::optional<TextRange> empty_exit;
  std::vector<TextRange> criteria;  // each judged on its own
  // An exit-criteria heading of the phase gives the commands to run in a
  // shell fence ("Run and pass:" then ```sh pytest```): they prove its items.
  bool gated_by_commands = false;
};

struct PhasePlan {
  std::vector<Phase> phases;
  // Plan tables (first column "Phase", a Goal or Deliverables column) without
  // an exit-criteria column, when the document has no other plan: their
  // header rows.
  std::vector<TextRange> tables_without_exit_column;
  bool from_table = false;
};

// The rows of the phases tables (first column "Phase", an exit-criteria
// column) when the document has one; otherwise the `Phase N` headings with
// their exit-criteria lists, labels or subheadings.
PhasePlan find_phases(const Document& document);
// The same, found once per lint and shared by the rules.
const PhasePlan& find_phases(const engine::RuleContext& context);

// Exit-criteria labels: "Exit criteria", "Exit criterion", "Exit conditions",
// "Checkpoint", "Done when", "Acceptance criteria", "Test gate", "Gate", alone or with a qualifier
// ("(all must hold)", "for phase 2", "2").
bool is_exit_label(std::string_view text);

// Whether a `Phase N` heading title: "Phase 1 — Scaffold", "Phase 2: API", "Phase B",
// "Milestone 3", "Stage 2", after an outline number ("6. Milestone 1"); not a
// heading of the phase's exit criteria ("Milestone 1 test gate").
bool is_phase_title(std::string_view title);

// Why a criterion counts as measurable; none when it does not.
enum class Evidence { none, code, url, path, number, check_outcome };
// The measurability judgement, in order: inline code or a fenced block; a URL;
// a path-like token; a number that is not a phase/step ordinal; a named check
// (test, build, lint, curl, ...) with an outcome word (pass, green, ...).
Evidence measurable(const Document& document, TextRange criterion);
// The same judgement on plain text (no inline code or fences known).
Evidence measurable_text(std::string_view text);
// Whether `text` names a check (test, build, typecheck, lint, CI, curl, ...),
// with or without an outcome word.
bool names_check(std::string_view text);

// A line that declares a type or a function signature in some language:
// `interface X`, `type X = ...`, `fn f(...)`, `f(a: T): R`, `R f(A a);`.
bool is_signature_line(std::string_view line);

// The first line of a paragraph that is a signature written as plain text,
// outside any code: "class DataProvider(Protocol):", "def plot(rows: list[Row]) -> Figure".
// Stricter than inside a fence, where prose does not occur: the line has no
// inline code, does not end in a full stop, and looks like code — a parameter
// list glued to its name, or a capitalised type name ("interface Highlighter {")
// — so "class of problems" and "function keys (F1–F12)" stay prose.
std::optional<TextRange> first_prose_signature(const Document& document);
// A path-like token in running text: `src/lots.ts`, `/abs/dir`, `./x`.
bool is_path_token(std::string_view word);
// A command line that runs tests: `pnpm test`, `pytest -q`, `ctest --preset x`.
bool is_test_command(std::string_view line);
// Fence info strings of shell sessions: "", sh, bash, console, ...
bool is_shell_fence(const doc::Fence& fence);
// A shell fence with a line that runs tests.
bool fence_runs_tests(const Document& document, const doc::Fence& fence);

// A test command written as code: a shell fence that runs tests, or a whole
// test command in inline code (`pnpm test`; a lone `pytest` is not one).
bool has_test_command(const Document& document);

// A small task: at most small_task_max_lines lines, with a test command
// written as code (has_test_command) and a Definition of Done that says
// something (a sentence is enough). Such a prompt needs no phases,
// contracts, risks or rollback plan; see docs/implementation-prompts.md.
inline constexpr std::size_t small_task_max_lines = 80;
bool is_small_task(const Document& document);
// The same, judged once per lint.
bool is_small_task(const engine::RuleContext& context);

// The title or overview (the first 3,000 bytes) says the work is new:
// "greenfield", "from scratch", "new project", "this is a prototype", ...
// Nothing exists to roll back.
bool is_greenfield(const Document& document);

// The title or overview asks the session to stop after every phase and wait
// for the user ("After each phase, stop, summarize what changed, and wait for
// my go-ahead"): each phase's result is reviewed before the next starts.
bool is_supervised(const Document& document);
// The same, judged once per lint.
bool is_supervised(const engine::RuleContext& context);

// Numbered steps that are not phases: three or more sibling headings
// numbered "1. ..." below level 2 (or titled "STEP 1 ..." at any level), or an ordered list of three or more items after a
// heading or sentence that names an order ("Steps", "What to build first",
// "Suggested implementation order:").
struct OrderedSteps {
  TextRange anchor;  // the first numbered heading, or the list
  std::size_t count = 0;
};
std::optional<OrderedSteps> find_ordered_steps(const Document& document);

}  // namespace baton::rules::implementation
