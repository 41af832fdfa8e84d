#include <fmt/format.h>

#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto& section : document.sections()) {
    const auto* entry = layout::find(section.kind, section.number);
    if (!entry) continue;
    const auto* first = document.find_section(section.kind, section.number);
    if (first == &section) continue;
    context
        .report(support::heading_range(document, section),
                fmt::format("{} appears twice; merge the two into one", layout::display_name(*entry)))
        .related.push_back({support::heading_range(document, *first), "first occurrence"});
  }
}

}  // namespace

extern const engine::RuleMeta section_duplicated{
    .code = "HP004",
    .name = "section-duplicated",
    .family = "Document",
    .profile = "spellbook-handoff",
    .summary = "A numbered section appears more than once",
    .what_it_checks = R"md(
Every numbered section of the layout (the parts, 0.1–0.8, 1.1–1.25 with 1.1.1 and 1.1.2, and the
steps of Section 2) may appear only once. The second and later occurrences are reported, each pointing back at the first.
)md",
    .why_it_matters = R"md(
Two 0.1 sections mean two sets of restoration instructions. The next session follows one of
them — usually the first — and the state recorded in the other is lost, or both run and the
second undoes the first.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase2.Task1")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase2.Task1")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
