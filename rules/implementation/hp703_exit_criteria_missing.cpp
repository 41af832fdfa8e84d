#include <fmt/format.h>

#include <algorithm>

#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  const auto& plan = implementation::find_phases(context);
  for (const auto header : plan.tables_without_exit_column) {
    context.report(header,
                   "the phases table has no Exit Criteria column; add one and say for each phase "
                   "what proves it is done: a command, a test, a file, an HTTP check or a number");
  }
  // Phase headings none of which declares exit criteria are one omission:
  // one finding on the first, the others as related locations.
  const bool none_declared =
      plan.phases.size() > 1 && std::all_of(plan.phases.begin(), plan.phases.end(), [](const auto& phase) {
        return !phase.from_table && phase.criteria.empty() && !phase.empty_exit;
      });
  if (none_declared) {
    auto& finding = context.report(
        plan.phases.front().anchor,
        fmt::format("none of the {} phases has exit criteria; give each an \"Exit criteria\" list "
                    "(or a **Checkpoint**: paragraph) naming the command, test, file, HTTP check "
                    "or number that proves it is done",
                    plan.phases.size()));
    for (std::size_t i = 1; i < plan.phases.size(); ++i) {
      finding.related.push_back(
          {plan.phases[i].anchor, fmt::format("{} has no exit criteria either", plan.phases[i].name)});
    }
    return;
  }
  // "### Phase 1 Focus: MCP Server Only" in a prompt guessed from its name is
  // the phase of the project the task belongs to, not a plan of phases.
  if (plan.phases.size() == 1 && !plan.from_table && plan.phases.front().criteria.empty() &&
      !plan.phases.front().empty_exit && !implementation::asks_for_every_part(context)) {
    return;
  }
  for (const auto& phase : plan.phases) {
    if (!phase.criteria.empty()) continue;
    if (phase.empty_exit) {
      context.report(*phase.empty_exit,
                     fmt::format("the exit criteria of {} are empty; list what proves the phase "
                                 "is done: a command, a test, a file, an HTTP check or a number",
                                 phase.name));
    } else if (phase.from_table) {
      context.report(phase.anchor,
                     fmt::format("{} has no exit criterion; fill its Exit Criteria cell with what "
                                 "proves it is done: a command, a test, a file, an HTTP check or a "
                                 "number",
                                 phase.name));
    } else {
      context.report(phase.anchor,
                     fmt::format("{} has no exit criteria; add an \"Exit criteria\" list (or a "
                                 "**Checkpoint**: paragraph) naming the command, test, file, HTTP "
                                 "check or number that proves the phase is done",
                                 phase.name));
    }
  }
}

}  // namespace

extern const engine::RuleMeta exit_criteria_missing{
    .code = "HP703",
    .name = "exit-criteria-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "A phase has no exit criterion",
    .what_it_checks = R"md(
Every phase must say when it is finished (phases are found as `phases-missing` describes).

The exit-criteria *labels* are `Exit criteria`, `Exit criterion`, `Exit conditions`,
`Checkpoint`, `Done when`, `Acceptance criteria`, `Test gate`, `Exit gate`, `Quality gate` and
`Gate` (any case, bold or not), alone or followed by a qualifier only: a parenthesis, a number or
"for …" (`Exit criteria (all must hold)`, `Checkpoint 2`, `Exit criteria for phase 3`).
"Checkpoint commits after each task" is no label.

- **Phases table**: the table needs an exit-criteria column — a header cell that is a label, or
  contains the word `Exit`. A plan table without one (`Phase` first, a `Goal` or `Deliverables`
  column) is reported on its header row when the document has no phase headings. A row whose
  exit cell is empty, missing, or only `-`, `—`, `–`, `TBD`, `TODO`, `n/a`, `?` or `...` is
  reported on the row.
- **Phase headings** (`Phase 2`, `Milestone 3`, `Stage B`, also after an outline number:
  `6. Milestone 1 — Storefront`, and under a plain-text banner of `=====` lines): the text up to
  the next heading of the same or a higher level must declare exit criteria, either as a
  subheading whose title is a label, alone or after the phase's name (`#### Exit criteria`,
  `### Milestone 1 test gate`; its top-level list items, paragraphs and fenced blocks are the
  criteria, except a paragraph ending in a colon, which introduces them; a phase-titled
  heading inside a phase, `### Milestone 2 notes`, is part of it) or as a paragraph that starts with a label (`**Checkpoint**: …`,
  `Exit criteria:`, `**Done when**`, `Done when …`; the text after the label is the criterion,
  or, when nothing follows the label, the items of the list or the fenced block right below it).
  A phase with no such declaration is reported on its heading; a declaration with nothing in it
  is reported on the label. When *no* phase heading declares any, that is one omission: one
  finding on the first phase, the others as related locations. A lone phase heading with no
  exit criteria in a file whose profile was guessed (from its name or content) is not reported:
  "Phase 1 Focus: MCP Server Only" over a single task names the project's phase, not a plan.

Lists labelled otherwise (`**Tests**:`, `Deliverables:`) are not exit criteria.
)md",
    .why_it_matters = R"md(
Without an exit criterion the session moves on when it feels done, or never stops polishing. The
seed pattern asks for "phases, deliverables, exit criteria" so that each phase ends on a check
anyone can rerun.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Phase 1 — Scaffold

Create the workspace and the configs.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Phase 1 — Scaffold

Create the workspace and the configs.

**Exit criteria**:

- `pnpm build` exits 0
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
