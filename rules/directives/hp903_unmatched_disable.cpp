#include "rules/rules.hpp"

namespace baton::rules {

// Directive rules are checked by the engine while it applies suppressions
// (engine/suppression.cpp): they need to know what was suppressed.
extern const engine::RuleMeta unmatched_disable{
    .code = "HP903",
    .name = "unmatched-disable",
    .family = "Directives",
    .profile = engine::every_file_profile,
    .summary = "A baton-disable block is never closed by baton-enable",
    .what_it_checks = R"md(
A `<!-- baton-disable RULE -->` opens a region that lasts until a matching
`<!-- baton-enable -->` (or `<!-- baton-enable RULE -->`). One that is never closed is reported:
it silently lasts to the end of the file.
)md",
    .why_it_matters = R"md(
An unclosed block usually means the closing comment was forgotten, and findings far below the
intended region are being hidden. `baton-disable-file` says "the whole file" explicitly.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

<!-- baton-disable HP102 -->

Resume the develop skill.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

<!-- baton-disable HP102 -->

Resume the develop skill.

<!-- baton-enable HP102 -->
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = nullptr,
};

}  // namespace baton::rules
