#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

bool runnable(const doc::Document& document, const doc::TableCell& cell) {
  for (const auto* code : doc::Document::within(document.inline_code(), cell.content)) {
    const auto command = doc::trim(document.text(code->content));
    if (!command.empty() && command.front() != '[') return true;
  }
  return false;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* checklist = support::sub(document, "1.13");
  if (!checklist) return;
  const auto rows = support::verification_rows(document, checklist->body);
  if (!rows) {
    context.report(support::heading_range(document, *checklist),
                   "1.13 has no verification table with a Command column (| Task | Command | "
                   "Expected | Actual |)");
    return;
  }
  for (const auto& row : *rows) {
    if (row.command && runnable(document, *row.command)) continue;
    const auto range = row.command ? row.command->range : row.row->range;
    context.report(range, fmt::format("the verification of \"{}\" has no runnable command; put "
                                      "the exact command in backticks",
                                      support::excerpt(doc::trim(document.text(row.task->content)))));
  }
}

}  // namespace

extern const engine::RuleMeta verification_not_runnable{
    .code = "HP402",
    .name = "verification-not-runnable",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "A 1.13 verification row has no runnable command in backticks",
    .what_it_checks = R"md(
1.13 Verification Checklist must have a table with a Command column, and every row's Command cell
must hold a command in inline code (`` `cargo test -p parser` ``). A description ("run the
tests"), an empty cell or a `[placeholder]` is reported on the cell.
)md",
    .why_it_matters = R"md(
Spellbook's gate is "Section 1.13 has runnable verification commands". Prose is not a check: the
next session cannot run "make sure parsing works", and will decide for itself what "works"
means.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.13 Verification Checklist

| Task | Command | Expected | Actual |
|---|---|---|---|
| Port the string scanner | run the lexer tests | pass | failing |
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.13 Verification Checklist

| Task | Command | Expected | Actual |
|---|---|---|---|
| Port the string scanner | `cargo test lexer::strings` | pass | failing |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
