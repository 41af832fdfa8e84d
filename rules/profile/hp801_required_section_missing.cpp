#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto* profile = context.profile_spec();
  const auto& document = context.document();
  const auto found = spec::found_sections(document, *profile);
  for (std::size_t i = 0; i < profile->sections.size(); ++i) {
    const auto& section = profile->sections[i];
    if (!section.required)
      continue;
    const bool present = std::any_of(found.begin(), found.end(), [&](const spec::FoundSection& f) {
      return f.spec == &section;
    });
    if (present)
      continue;
    // Say where it goes: after the nearest earlier section that is there.
    std::string place;
    for (std::size_t before = i; before-- > 0;) {
      const auto* earlier = &profile->sections[before];
      if (std::any_of(found.begin(), found.end(),
                      [&](const spec::FoundSection& f) { return f.spec == earlier; })) {
        place = fmt::format(" after \"{}\"", earlier->name);
        break;
      }
    }
    context.report(spec::document_anchor(document),
                   fmt::format("the {} profile requires the section \"{}\"; add `{}`{}",
                               profile->name, section.name, spec::heading_example(section), place));
  }
}

}  // namespace

extern const engine::RuleMeta required_section_missing{
    .code = "HP801",
    .name = "required-section-missing",
    .family = "Profile",
    .profile = engine::spec_rule_profile,
    .summary = "A section the profile requires is missing",
    .what_it_checks = R"md(
Profiles defined as data — the built-in `spellbook-develop` and every profile a team declares in
`.baton.json` under `profile_definitions` — list their sections, each recognised by a heading
pattern (and, when given, a heading level). Every section marked `required` (the default) must
appear. The finding is reported on the title heading and names the heading to add and where.

See [profiles](../profiles.md) for the built-in specs and how to define your own.
)md",
    .why_it_matters = R"md(
A handoff format is a contract between the session that writes it and the one that resumes
from it. A section that is missing is state the next session does not get — and cannot tell
apart from state that was never there: "no Blockers section" is not "no blockers".
)md",
    .bad_example = R"md(# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Completed

- Tasks 1-10 implemented

## Pending

- Tasks 11-24

## Artifacts

- plan.md: /home/dev/parser/docs/plan.md

## Git State

- Branch: parser-rewrite, working tree clean

## Test Status

- Unit: 109/109 pass

## Next Dispatch

Code-review subagent for the lexer group.
)md",
    .good_example = R"md(# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Completed

- Tasks 1-10 implemented

## Pending

- Tasks 11-24

## Blockers

None

## Artifacts

- plan.md: /home/dev/parser/docs/plan.md

## Git State

- Branch: parser-rewrite, working tree clean

## Test Status

- Unit: 109/109 pass

## Next Dispatch

Code-review subagent for the lexer group.
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
