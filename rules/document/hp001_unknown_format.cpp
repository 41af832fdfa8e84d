#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& source = context.document().source();
  // An empty HANDOFF.md is no format to guess: say what is there.
  if (doc::trim(source.text()).empty()) {
    context.report(source.line_range(1),
                   "the file is empty: a session given it starts with nothing; write the handoff, "
                   "or remove the file");
    return;
  }
  context.report(source.line_range(1),
                 "no handoff format recognised, so only the every-file rules (secrets, unclosed "
                 "fences, limits) ran; add `<!-- baton-profile generic-handoff -->` (or another "
                 "profile) or use --profile if it is a handoff");
}

}  // namespace

extern const engine::RuleMeta unknown_format{
    .code = "HP001",
    .name = "unknown-format",
    .family = "Document",
    .profile = "unknown",
    .summary = "The file matches no handoff profile, so only the every-file rules ran on it",
    .what_it_checks = R"md(
baton decides how to lint a file by its *profile*. The profile comes from `--profile`, from the
configuration, from a `<!-- baton-profile NAME -->` comment in the file, from its name
(`*implementation-prompt*.md`) or from its content: a spellbook boot prompt has a `SECTION n:`
heading with one of the canonical part titles (`MANDATORY FIRST ACTIONS`, `SESSION CONTEXT`,
`CONTINUATION PROTOCOL`) and at least one numbered subsection or step; a develop handoff is titled
`Handoff: <slug>` and has its sections; an implementation prompt has phases with exit criteria.
[Profiles](../profiles.md) has the details, and how to define a format of your own.

A file with none of these is reported once, on its first line; an empty file (nothing but blank
lines) is reported as empty rather than as a format baton does not know. Only the every-file rules run on
it: secrets, unclosed fences, the input limits and the suppression directives.
)md",
    .why_it_matters = R"md(
A file that baton was asked to lint but could not recognise would otherwise pass silently. A
handoff whose headings drifted so far that it is no longer recognised is exactly the file that
needs attention.
)md",
    .bad_example = R"md(# Notes for tomorrow

Pick up the parser work.
)md",
    .good_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
