#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto* profile = context.profile_spec();
  for (const auto& found : spec::found_sections(context.document(), *profile)) {
    if (found.content != spec::Content::blank)
      continue;
    const auto& section = *found.spec;
    if (section.empty_markers.empty()) {
      context.report(
          found.heading->range,
          fmt::format("the section \"{}\" is empty; the {} profile needs its content here",
                      section.name, profile->name));
    } else {
      context.report(
          found.heading->range,
          fmt::format("the section \"{}\" is empty; write its content, or {} when there is none",
                      section.name, spec::marker_list(section)));
    }
  }
}

}  // namespace

extern const engine::RuleMeta section_empty_without_marker{
    .code = "HP803",
    .name = "section-empty-without-marker",
    .family = "Profile",
    .profile = engine::spec_rule_profile,
    .summary = "A section of the profile is empty instead of saying there is nothing",
    .what_it_checks = R"md(
A section of a profile defined as data must not be blank (HTML comments do not count as
content). When there really is nothing to say, write one of the section's `empty_markers`
instead — as the whole content, optionally as a single list item (`- None`), case-insensitive.
The built-in `spellbook-develop` profile accepts `None` in Completed, Pending, Blockers and Next
Dispatch, and `No tests` in Test Status; Resume At, Artifacts and Git State have no marker.
)md",
    .why_it_matters = R"md(
Explicit over blank: an empty "Blockers" section cannot be told apart from one that was never
filled in. "None" is a statement the next session can rely on.
)md",
    .bad_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Blockers

## Artifacts

- plan.md: /home/dev/parser/docs/plan.md
)md",
    .good_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Blockers

None

## Artifacts

- plan.md: /home/dev/parser/docs/plan.md
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
