#include <fmt/format.h>

#include <algorithm>

#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::SectionKind;

// Position in the layout; an entry that may precede its predecessor shares
// the predecessor's rank.
std::size_t rank_of(const layout::Entry& entry) {
  const auto entries = layout::entries();
  auto index = static_cast<std::size_t>(&entry - entries.data());
  while (index > 0 && entries[index].any_order_with_previous) --index;
  return index;
}

// Unsafe: the number may be what is wrong, not the position.
engine::Fix move_before(const doc::Document& document, const doc::Section& moved,
                        const doc::Section& target) {
  const auto start = document.heading_of(moved).range.begin;
  auto text = std::string(document.text({start, moved.body.end}));
  if (!text.ends_with('\n')) text += "\n\n";
  const auto at = document.heading_of(target).range.begin;
  return engine::Fix{"Move it before " + std::string(document.text(document.heading_of(target).text)),
                     engine::FixSafety::unsafe,
                     {{{at, at}, std::move(text)}, {{start, moved.body.end}, ""}}};
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  struct Furthest {
    const layout::Entry* parent;  // the group: sections with the same parent
    const layout::Entry* entry;
    const doc::Section* section;
  };
  std::vector<Furthest> furthest;
  for (const auto& section : document.sections()) {
    const auto* entry = layout::find(section.kind, section.number);
    if (!entry) continue;
    // Later copies are section-duplicated's business; where Section 0 stands
    // is section0-not-first's.
    if (document.find_section(section.kind, section.number) != &section) continue;
    if (entry->kind == SectionKind::part && entry->number == "0") continue;
    const auto* parent = layout::parent_of(*entry);
    // A section must sit inside its parent (0.3 under SECTION 0, 1.1.1 under 1.1).
    if (parent) {
      const auto* container = document.find_section(parent->kind, parent->number);
      if (container && !container->body.contains(document.heading_of(section).range)) {
        context
            .report(support::heading_range(document, section),
                    fmt::format("{} is outside {}; move it under that heading",
                                layout::display_name(*entry),
                                layout::display_number(parent->kind, parent->number)))
            .related.push_back({support::heading_range(document, *container),
                                fmt::format("{} starts here", layout::display_number(
                                                                  parent->kind, parent->number))});
        continue;
      }
    }
    auto group = std::find_if(furthest.begin(), furthest.end(),
                              [&](const Furthest& f) { return f.parent == parent; });
    if (group == furthest.end()) {
      furthest.push_back({parent, entry, &section});
    } else if (rank_of(*entry) < rank_of(*group->entry)) {
      auto& diagnostic = context.report(
          support::heading_range(document, section),
          fmt::format("{} comes after {}; it belongs before it", layout::display_name(*entry),
                      layout::display_name(*group->entry)));
      diagnostic.related.push_back({support::heading_range(document, *group->section),
                                    fmt::format("{} is here", layout::display_name(*group->entry))});
      diagnostic.fix = move_before(document, section, *group->section);
    } else {
      group->entry = entry;
      group->section = &section;
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
The subsections of each part must appear in their numbered order (0.1, 0.2, … 0.8; 1.1 … 1.25),
the steps of Section 2 in theirs (Step 0, 0.5, 1, 2, 3, 3.5, 4 … 9), the parts after Section 0 in
theirs (SECTION 1 before SECTION 2), and every section must sit under its own parent's heading
(0.3 under SECTION 0, 1.1.1 under 1.1, steps under SECTION 2). 1.25 may come before 1.24, as in
the layout spellbook used in February 2026.

A section that appears after one it should precede is reported on its heading, with the section
it follows as a related location. Where Section 0 itself stands is checked by
`section0-not-first`.

The unsafe fix moves an out-of-order section (with its subsections) before the one it should
precede; fixes repeat until the order is restored. It is unsafe because the number may be the
mistake rather than the position.
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
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
