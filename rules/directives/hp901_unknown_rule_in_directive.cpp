#include "rules/rules.hpp"

namespace baton::rules {

// Directive rules are checked by the engine while it applies suppressions
// (engine/suppression.cpp): they need to know what was suppressed.
extern const engine::RuleMeta unknown_rule_in_directive{
    .code = "HP901",
    .name = "unknown-rule-in-directive",
    .family = "Directives",
    .profile = engine::every_file_profile,
    .summary = "A baton directive names a rule that does not exist",
    .what_it_checks = R"md(
A `baton-disable…`/`baton-enable` comment names rules by code (`HP102`) or name
(`skill-call-missing`). A name that is neither — a typo, a rule from another linter, a code that
was never assigned — is reported on that name.
)md",
    .why_it_matters = R"md(
A misspelt rule in a directive suppresses nothing, so the finding it was meant to silence is
still reported — or, worse, the directive looks like it documents an accepted exception that
baton never knew about.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

<!-- baton-disable-file HP999 -->
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

<!-- baton-disable-file title-drift -->
### 0.2 Background

NO DOCUMENTS TO READ
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = nullptr,
};

}  // namespace baton::rules
