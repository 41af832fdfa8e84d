#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& exceeded = context.document().exceeded_limit();
  if (!exceeded || exceeded->kind != doc::ExceededLimit::Kind::file_size) return;
  const auto size = exceeded->found > 0 ? fmt::format("is {} bytes", exceeded->found)
                                        : fmt::format("is more than {} bytes", exceeded->limit);
  context.report(exceeded->range,
                 fmt::format("this file {}; baton reads files up to {} bytes (max_file_size in "
                             ".baton.json, --max-file-size), so it was not read further or checked",
                             size, exceeded->limit));
}

}  // namespace

extern const engine::RuleMeta file_too_large{
    .code = "HP009",
    .name = "file-too-large",
    .family = "Document",
    .profile = engine::any_profile,
    .summary = "The file is larger than the configured maximum file size, so it was not checked",
    .what_it_checks = R"md(
baton reads an input only up to the maximum file size: 10 MiB (10485760 bytes) unless
`max_file_size` in `.baton.json` or `--max-file-size` says otherwise. A larger file is reported
once, on its first line, and nothing else in it is checked; baton never holds more than the limit
(plus one byte) of it in memory.

The bad example below is reported when the limit is set to 64 bytes (`--max-file-size 64`).
)md",
    .why_it_matters = R"md(
A handoff prompt is read by a model at the start of a session; one of several megabytes is not a
prompt but an accident (a pasted log, a generated file, a wrong path). The limit keeps baton's
time and memory bounded whatever it is given, and says so instead of failing silently.
)md",
    .bad_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

A pasted build log follows, many megabytes of it.
)md",
    .good_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
