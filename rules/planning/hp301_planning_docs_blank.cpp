#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.9");
  if (!section) return;
  if (!support::table_paths(document, section->body).empty()) return;
  if (support::find_marker(document, section->body, "NO PLANNING DOCUMENTS")) return;
  context.report(support::heading_range(document, *section),
                 "1.9 lists no planning documents and does not say `NO PLANNING DOCUMENTS`; add "
                 "a table of their absolute paths, or the marker with where you searched");
}

}  // namespace

extern const engine::RuleMeta planning_docs_blank{
    .code = "HP301",
    .name = "planning-docs-blank",
    .family = "Planning docs",
    .profile = "spellbook-handoff",
    .summary = "1.9 has neither a table of planning documents nor `NO PLANNING DOCUMENTS`",
    .what_it_checks = R"md(
1.9 Planning & Implementation Documents must never be blank. It holds a table with a Path column
listing the design docs and implementation plans (at least one row), or the explicit marker
`NO PLANNING DOCUMENTS` in any of spellbook's forms:

- `NO PLANNING DOCUMENTS - ad-hoc work`
- ``NO PLANNING DOCUMENTS - verified by searching `~/.local/spellbook/docs/<project-encoded>/plans/` ``
- `NO PLANNING DOCUMENTS` followed by a "Verified by searching:" list.
)md",
    .why_it_matters = R"md(
Spellbook calls a missed plan "90% of broken handoffs": a session that does not know the plan
exists implements ad hoc. "Section 1.9/1.10 blank" is on its forbidden list — the marker says the
search was done and found nothing.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.9 Planning & Implementation Documents

We followed the plan from last week.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.9 Planning & Implementation Documents

NO PLANNING DOCUMENTS - ad-hoc work
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
