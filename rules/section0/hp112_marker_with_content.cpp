#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto* restoration : support::restorations()) {
    const auto* section = support::sub(document, restoration->section);
    if (!section) continue;
    const auto marker = support::find_any_marker(document, section->body, *restoration);
    if (!marker) continue;
    for (const auto* located : support::calls_named(document, section->body, restoration->call)) {
      if (located->site != doc::CallSite::fence) continue;
      context
          .report(*marker, fmt::format("{} says `{}` but also has a {}() call; keep the one that is "
                                       "true",
                                       restoration->section, document.text(*marker),
                                       restoration->call))
          .related.push_back({located->call.range, fmt::format("the {}() call", restoration->call)});
      break;
    }
  }
}

}  // namespace

extern const engine::RuleMeta marker_with_content{
    .code = "HP112",
    .name = "marker-with-content",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "A Section 0 subsection has both an explicit \"nothing\" marker and calls",
    .what_it_checks = R"md(
0.1, 0.2 and 0.3 each hold either their calls or their explicit marker (`NO ACTIVE SKILL`,
`NO DOCUMENTS TO READ`, `NO TODOS TO RESTORE`) — not both. The marker is reported, with the first
fenced call as a related location.
)md",
    .why_it_matters = R"md(
"No active skill" next to a `Skill()` call contradicts itself. The next session must pick one,
and a marker left over from a template is usually the wrong one.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

```
Skill("develop", "--resume Phase3.Task7")
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
