#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::SectionKind;

std::string_view part_of(const doc::Section& section) {
  std::string_view number = section.number;
  return number.substr(0, number.find('.'));
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto layout = support::spellbook_layout();
  auto layout_index = [&](const doc::Section& section) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < layout.size(); ++i) {
      if (layout[i].kind == section.kind && layout[i].number == section.number) return i;
    }
    return std::nullopt;
  };

  // Order is compared within a group: the parts after Section 0 (whose place
  // is section0-not-first's business), and the subsections of each part.
  struct Seen {
    std::size_t index;
    const doc::Section* section;
  };
  std::vector<std::pair<std::string, Seen>> latest;  // group -> furthest section so far
  for (const auto& section : document.sections()) {
    const auto index = layout_index(section);
    if (!index) continue;
    // Later copies of a section are section-duplicated's business.
    if (document.find_section(section.kind, section.number) != &section) continue;
    if (section.kind == SectionKind::part && section.number == "0") continue;
    // A subsection must sit inside its own part.
    if (section.kind == SectionKind::sub) {
      const auto* owner = support::part(document, part_of(section));
      if (owner && !owner->body.contains(document.heading_of(section).range)) {
        context.report(support::heading_range(document, section),
                       fmt::format("{} is outside {}; move it under that heading",
                                   support::display_name(layout[*index]),
                                   support::display_name(SectionKind::part, part_of(section))))
            .related.push_back({support::heading_range(document, *owner),
                                fmt::format("{} starts here", support::display_name(
                                                                  SectionKind::part, part_of(section)))});
        continue;
      }
    }
    const std::string group =
        section.kind == SectionKind::part ? std::string("parts") : std::string(part_of(section));
    auto it = std::find_if(latest.begin(), latest.end(), [&](const auto& g) { return g.first == group; });
    if (it == latest.end()) {
      latest.push_back({group, {*index, &section}});
      continue;
    }
    if (*index < it->second.index) {
      const auto& before = layout[it->second.index];
      context.report(support::heading_range(document, section),
                     fmt::format("{} comes after {}; it belongs before it",
                                 support::display_name(layout[*index]), support::display_name(before)))
          .related.push_back({support::heading_range(document, *it->second.section),
                              fmt::format("{} is here", support::display_name(before))});
    } else {
      it->second = {*index, &section};
    }
  }
}

}  // namespace

extern const engine::RuleMeta section_out_of_order{
    .code = "HP003",
    .name = "section-out-of-order",
    .family = "Document",
    .profile = "spellbook-handoff",
    .summary = "A numbered section comes after one that should follow it, or sits outside its part",
    .what_it_checks = R"md(
The subsections of each part must appear in their numbered order (0.1, 0.2, … 0.8), the parts
after Section 0 in theirs (SECTION 1 before SECTION 2), and every subsection must sit under its own
part's heading (0.3 under SECTION 0, not under SECTION 1).

A section that appears after one it should precede is reported on its heading, with the section
it follows as a related location. Where Section 0 itself stands is checked by
`section0-not-first`.
)md",
    .why_it_matters = R"md(
Section 0 is executed top to bottom: 0.1 invokes the skill, 0.2 reads the documents the skill
needs, 0.3 restores the todos. Out of order, the next session reads documents before the skill
that interprets them is active, or restores todos the skill then overwrites.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

NO DOCUMENTS TO READ

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.2 Required Document Reads (EXECUTE SECOND)

NO DOCUMENTS TO READ
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
