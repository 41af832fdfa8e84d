#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

// More missing sections than this are reported as one finding that lists them.
constexpr std::size_t max_separate_findings = 3;

void check(engine::RuleContext& context) {
  const auto* profile = context.profile_spec();
  const auto& document = context.document();
  const auto found = spec::found_sections(document, *profile);
  const auto present = [&](const engine::SectionSpec* section) {
    return std::any_of(found.begin(), found.end(),
                       [&](const spec::FoundSection& f) { return f.spec == section; });
  };
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < profile->sections.size(); ++i) {
    if (profile->sections[i].required && !present(&profile->sections[i]))
      missing.push_back(i);
  }
  const auto anchor = spec::document_anchor(document);
  if (missing.size() > max_separate_findings) {
    std::string names;
    for (auto i : missing)
      names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", profile->sections[i].name);
    context.report(
        anchor, fmt::format("the {} profile requires {} sections that are missing: {}; add their "
                            "headings (`{}`, ...) in this order",
                            profile->name, missing.size(), names,
                            spec::heading_example(profile->sections[missing.front()])));
    return;
  }
  for (auto i : missing) {
    const auto& section = profile->sections[i];
    // Say where it goes: after the nearest earlier section that is there.
    std::string place;
    for (std::size_t before = i; before-- > 0;) {
      if (present(&profile->sections[before])) {
        place = fmt::format(" after \"{}\"", profile->sections[before].name);
        break;
      }
    }
    context.report(
        anchor, fmt::format("the {} profile requires the section \"{}\"; add `{}`{}", profile->name,
                            section.name, spec::heading_example(section), place));
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
appear. The finding is reported on the title heading and names the heading to add and where;
when more than three are missing, one finding lists them all.

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
