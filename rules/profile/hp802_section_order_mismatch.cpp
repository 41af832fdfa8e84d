#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

std::size_t index_of(const engine::ProfileSpec& profile, const engine::SectionSpec* section) {
  return static_cast<std::size_t>(section - profile.sections.data());
}

void check(engine::RuleContext& context) {
  const auto* profile = context.profile_spec();
  if (!profile->ordered)
    return;
  // Each section must come after every section the profile lists before it;
  // report a section that comes after one the profile lists later.
  const spec::FoundSection* latest = nullptr;
  for (const auto& found : spec::found_sections(context.document(), *profile)) {
    if (latest && index_of(*profile, found.spec) < index_of(*profile, latest->spec)) {
      context.report(found.heading->range,
                     fmt::format("\"{}\" comes after \"{}\", but the {} profile puts it before",
                                 found.spec->name, latest->spec->name, profile->name));
      continue;
    }
    latest = &found;
  }
}

}  // namespace

extern const engine::RuleMeta section_order_mismatch{
    .code = "HP802",
    .name = "section-order-mismatch",
    .family = "Profile",
    .profile = engine::spec_rule_profile,
    .summary = "The profile's sections are not in the order it defines",
    .what_it_checks = R"md(
When a profile defined as data is `ordered` (the default, and the case for `spellbook-develop`),
its sections must appear in the order the profile lists them. A section that comes after one the
profile lists later is reported on its heading. Sections the profile does not name may appear
anywhere.
)md",
    .why_it_matters = R"md(
A resuming session reads a handoff top to bottom and acts on what it reads first: "Resume At"
belongs before the history, and the next dispatch after the state it depends on. A fixed order
also lets a reviewer compare two handoffs at a glance.
)md",
    .bad_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Completed

- Tasks 1-10 implemented

## Resume At

- Phase: 4.5 (per-task code review)
)md",
    .good_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Completed

- Tasks 1-10 implemented
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
