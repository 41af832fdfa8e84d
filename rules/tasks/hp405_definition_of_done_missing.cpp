#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.21");
  if (!section) return;
  for (const auto* item : doc::Document::within(document.list_items(), section->body)) {
    if (item->checked.has_value() && !doc::trim(document.text(item->content)).empty()) return;
  }
  context.report(support::heading_range(document, *section),
                 "1.21 has no checklist; list what must be true for the work to be complete as "
                 "\"- [ ] ...\" items");
}

}  // namespace

extern const engine::RuleMeta definition_of_done_missing{
    .code = "HP405",
    .name = "definition-of-done-missing",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "1.21 Definition of Done has no checklist items",
    .what_it_checks = R"md(
1.21 Definition of Done must list the completion conditions as task-list items (`- [ ] …` or
`- [x] …`) with text, such as "All 1.13 verification passes" and "User approved".
)md",
    .why_it_matters = R"md(
Without a concrete definition of done the next session decides for itself when to stop — usually
too early. Spellbook's checklist asks for a "Definition of Done checkable" and "concrete".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.21 Definition of Done

When it works.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.21 Definition of Done

**COMPLETE when ALL true:**

- [ ] All 1.13 verification passes
- [ ] User approved
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
