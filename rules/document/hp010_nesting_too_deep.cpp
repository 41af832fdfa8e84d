#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& exceeded = context.document().exceeded_limit();
  if (!exceeded || exceeded->kind != doc::ExceededLimit::Kind::nesting) return;
  context.report(exceeded->range,
                 fmt::format("block quotes and list items are nested {} deep, more than the {} "
                             "baton reads; the file was not checked past this point",
                             exceeded->found, exceeded->limit));
}

}  // namespace

extern const engine::RuleMeta nesting_too_deep{
    .code = "HP010",
    .name = "nesting-too-deep",
    .family = "Document",
    .profile = engine::any_profile,
    .summary = "Block quotes and list items are nested deeper than baton reads",
    .what_it_checks = R"md(
Block quotes and list items may contain one another up to 50 levels deep. The first block past
that depth is reported, once, and no other rule runs on the file: a document this deep is not a
handoff prompt, and checking it would cost time without telling anything useful.

Tool-call arguments have their own limit: arrays and objects nested more than 64 deep inside one
call are reported by HP110 (call-syntax) as "arrays and objects are nested too deeply".
)md",
    .why_it_matters = R"md(
No prompt a person writes nests fifty levels deep; such a file is generated or hostile. The limit
keeps linting time and memory bounded and says why the file was not checked.
)md",
    .bad_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> Fifty-one block quotes deep.
)md",
    .good_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

> > A quote in a quote is fine.
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
