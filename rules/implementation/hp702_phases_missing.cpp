#include <fmt/format.h>

#include "document/text_scan.hpp"
#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  const auto& plan = implementation::find_phases(context);
  if (!plan.phases.empty() || !plan.tables_without_exit_column.empty()) return;
  if (implementation::is_small_task(context) || !implementation::asks_for_every_part(context))
    return;  // see docs/implementation-prompts.md
  // Numbered steps are a plan without checkpoints: say that, not "no phases".
  if (const auto steps = implementation::find_ordered_steps(document)) {
    context.report(steps->anchor,
                   fmt::format("these {} ordered steps are not phases: none has exit criteria; "
                               "make each a phase with a measurable exit criterion (a table | Phase "
                               "| Goal | Deliverables | Exit Criteria |, or `Phase N` headings "
                               "with `Exit criteria:`)",
                               steps->count));
    return;
  }
  // A "Phases", "Implementation phases" or "Phase plan" heading that holds
  // neither shape promises a plan it does not give.
  for (const auto& heading : document.headings()) {
    const auto title = implementation::visible_text(document, heading.text);
    if (implementation::contains_word(title, "phases") || doc::istarts_with(title, "phase")) {
      context.report(heading.range,
                     "this heading holds no phases: write a table | Phase | Goal | Deliverables | "
                     "Exit Criteria |, or one `Phase N` heading per phase with its exit criteria");
      return;
    }
  }
  context.report(implementation::document_anchor(document),
                 "no phases: add a table | Phase | Goal | Deliverables | Exit Criteria |, or one "
                 "`Phase N` heading per phase with its exit criteria");
}

}  // namespace

extern const engine::RuleMeta phases_missing{
    .code = "HP702",
    .name = "phases-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "The prompt has neither a phases table nor Phase headings",
    .what_it_checks = R"md(
The work must be cut into phases, in one of two shapes:

- a **phases table**: a table whose first column is headed `Phase` (`Phase`, `Phases`,
  `Phase #`) and which has an exit-criteria column (see `exit-criteria-missing`), one row per
  phase; the recommended columns are `| Phase | Goal | Deliverables | Exit Criteria |`;
- **phase headings**: one heading per phase whose title starts with `Phase` and an identifier —
  a number (`Phase 1`, `Phase 2.5`, `Phase 2a`) or a capital letter (`Phase B`) — such as
  `## Phase 1 — Repo skeleton` or `### Phase 2: Contracts`.

When the document has a phases table, the table is the plan and phase headings are read as
detail (their exit criteria are not checked). A table with `Phase` first and a `Goal` or
`Deliverables` column but no exit-criteria column is the plan only when there are no phase
headings; it then counts as phases here, and `exit-criteria-missing` reports its header. Other
tables that start with a `Phase` column (`| Phase | Risk | Mitigation |`) are not plans.

Reported once, where the nearest thing to a plan is:

- on numbered steps that are not phases — three or more sibling headings numbered `1. …`,
  `2) …`, `3、…`, or an ordered list of three or more items right after a heading or sentence
  that names an order (`## Steps`, `## What to build first`, "Suggested implementation order:",
  "Proceed in stages:")
  — saying that they lack exit criteria;
- else on the first heading whose title contains the word "phases" or starts with "phase"
  (`## Implementation phases`, `## Phase plan`: it promises a plan it does not hold);
- else on the title (the first level-1 heading) or line 1.

A *small task* — at most 80 lines, with a test command written as code and a Definition of
Done that says something — needs no phases and is not reported; see
`docs/implementation-prompts.md`.
)md",
    .why_it_matters = R"md(
A fresh session given one undivided task works until it believes it is done. Phases give it
small, checkable steps, a place to stop and report, and a failure that stays local: "every step
is measurable; every failure is local and obvious".
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

Build the endpoint, then the tests, then the docs.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

| Phase | Goal | Deliverables | Exit Criteria |
|---|---|---|---|
| 1 | Scaffold | Workspace, configs | `pnpm build` exits 0 |
| 2 | Contracts | DTOs and validators | `pnpm test contracts` passes |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
