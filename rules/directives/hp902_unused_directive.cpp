#include "rules/rules.hpp"

namespace baton::rules {

// Directive rules are checked by the engine while it applies suppressions
// (engine/suppression.cpp): they need to know what was suppressed.
extern const engine::RuleMeta unused_directive{
    .code = "HP902",
    .name = "unused-directive",
    .family = "Directives",
    .profile = engine::every_file_profile,
    .summary = "A baton directive suppresses nothing",
    .what_it_checks = R"md(
A directive that suppresses no finding is reported: each rule it names that is not reported
where it applies, a bare directive (no rules) that suppresses nothing, and a `baton-enable` with no
`baton-disable` before it. Directive rules themselves are only silenced by `baton-disable-file`.
)md",
    .why_it_matters = R"md(
Suppressions outlive the problems they were written for. A stale one hides the next real finding
of that rule on that line, and misleads readers about what is accepted.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

<!-- baton-disable-next-line HP102 -->
Nothing to see.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

<!-- baton-disable-next-line HP102 -- restored by hand in this experiment -->
### 0.1 Workflow Restoration (EXECUTE FIRST)

Resume the develop skill.
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = nullptr,
};

}  // namespace baton::rules
