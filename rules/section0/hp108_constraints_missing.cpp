#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "0.5");
  if (!section) return;
  for (const auto* item : doc::Document::within(document.list_items(), section->body)) {
    if (!doc::trim(document.text(item->content)).empty()) return;
  }
  context.report(support::heading_range(document, *section),
                 "0.5 has no behavioral constraints; list at least one as a bullet (for example "
                 "\"- Run verification before marking tasks complete\")");
}

}  // namespace

extern const engine::RuleMeta constraints_missing{
    .code = "HP108",
    .name = "constraints-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.5 lists no behavioral constraint",
    .what_it_checks = R"md(
0.5 Behavioral Constraints must list at least one constraint as a list item (bulleted or
numbered) with text. Prose alone does not count.
)md",
    .why_it_matters = R"md(
The constraints keep the restored session inside its workflow: follow the skill rather than
implementing ad hoc, spawn subagents per the pattern, verify before marking complete, honour the
binding decisions. A bullet list is what the next session checks itself against.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.5 Behavioral Constraints

Be careful.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.5 Behavioral Constraints

- Follow the skill workflow, not ad-hoc implementation
- Run verification before marking tasks complete
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
