#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::SectionKind;
using layout::Entry;

// More missing sections than this in one part are reported as one finding.
constexpr std::size_t max_listed_separately = 3;

const doc::Section* find(const doc::Document& document, const Entry& entry) {
  return document.find_section(entry.kind, entry.number);
}

// Where a missing section belongs: on the heading of the next present
// section of the same part, else on the part's heading, else line 1.
source::TextRange anchor_for(const doc::Document& document, std::size_t missing_index) {
  const auto entries = layout::entries();
  const auto& missing = entries[missing_index];
  for (auto i = missing_index + 1; i < entries.size(); ++i) {
    if (entries[i].kind != missing.kind || layout::part_of(entries[i]) != layout::part_of(missing)) break;
    if (const auto* later = find(document, entries[i])) return support::heading_range(document, *later);
  }
  if (const auto* owner = support::part(document, layout::part_of(missing))) {
    return support::heading_range(document, *owner);
  }
  return document.source().line_range(1);
}

const doc::Section* first_child(const doc::Document& document, std::string_view part_number) {
  for (const auto& section : document.sections()) {
    if (section.kind == SectionKind::step && part_number == "2") return &section;
    if (section.kind == SectionKind::sub &&
        section.number.substr(0, section.number.find('.')) == part_number) {
      return &section;
    }
  }
  return nullptr;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (!layout::part_present(document, "0")) {
    // One finding for the whole of Section 0, where it belongs: above the
    // first numbered section.
    auto at = document.source().line_range(1);
    if (!document.sections().empty()) {
      at = support::heading_range(document, document.sections().front());
    }
    context.report(at,
                   "Section 0 (MANDATORY FIRST ACTIONS) is missing: the next session has no "
                   "restoration steps to execute first");
  }
  const auto version = layout::layout_version(document);
  const auto entries = layout::entries();
  // Missing sections by part, reported together when there are many.
  std::vector<std::pair<std::string_view, std::vector<std::size_t>>> missing_by_part;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (find(document, entry)) continue;
    if (entry.kind == SectionKind::part) {
      // A part's heading is missing while its subsections are there.
      if (const auto* child = first_child(document, entry.number)) {
        context.report(support::heading_range(document, *child),
                       fmt::format("the `## {}` heading is missing above this section",
                                   layout::display_name(entry)));
      }
      continue;
    }
    const auto owner = layout::part_of(entry);
    if (!layout::part_present(document, owner) || !layout::is_required(entry, document, version)) continue;
    auto group = std::find_if(missing_by_part.begin(), missing_by_part.end(),
                              [&](const auto& g) { return g.first == owner; });
    if (group == missing_by_part.end()) group = missing_by_part.insert(group, {owner, {}});
    group->second.push_back(i);
  }
  for (const auto& [owner, missing] : missing_by_part) {
    const auto part_name = layout::display_number(SectionKind::part, owner);
    if (missing.size() <= max_listed_separately) {
      for (auto i : missing) {
        context.report(anchor_for(document, i), fmt::format("{} is missing from {}",
                                                            layout::display_name(entries[i]), part_name));
      }
      continue;
    }
    std::vector<std::string> numbers;
    for (auto i : missing) numbers.push_back(layout::display_number(entries[i].kind, entries[i].number));
    const auto* heading = support::part(document, owner);
    const auto* child = first_child(document, owner);
    const auto at = heading ? support::heading_range(document, *heading)
                            : support::heading_range(document, *child);
    context.report(at, fmt::format("{} is missing {} of its sections: {}", part_name, missing.size(),
                                   fmt::join(numbers, ", ")));
  }
}

}  // namespace

extern const engine::RuleMeta section_missing{
    .code = "HP002",
    .name = "section-missing",
    .family = "Document",
    .profile = "spellbook-handoff",
    .summary = "A required numbered section is missing",
    .what_it_checks = R"md(
Sections are recognised by their number, not their title. A spellbook boot prompt must have
`## SECTION 0: MANDATORY FIRST ACTIONS` with the subsections 0.1 Workflow Restoration, 0.2
Required Document Reads, 0.3 Todo State Restoration, 0.4 Restoration Checkpoint and 0.5
Behavioral Constraints (0.6–0.8 are optional).

`## SECTION 1: SESSION CONTEXT` and `## SECTION 2: CONTINUATION PROTOCOL` may be left out — a
prompt of Section 0 alone is a valid boot prompt — but when a part is there, all of it must be:
1.1–1.25 with 1.1.1 and 1.1.2 under 1.1, and Steps 0, 0.5, 1, 2, 3, 3.5, 4–9 (a missing Step 7
is reported by `step7-missing`). A document whose 1.20 state says `format_version: "2.0"` follows
the older layout, which may stop at 1.22 and has no 1.1.1, 1.1.2 or 1.25.

A missing section is reported on the heading of the next section of its part that is present
(where the missing one belongs), or on the part's heading. When more than three sections of one
part are missing, a single finding on the part's heading lists them all. A part heading that is missing above
its subsections is reported on the first of them. A prompt with no Section 0 at all gets a single
finding.
)md",
    .why_it_matters = R"md(
The next session executes Section 0 before reading anything else. Each subsection restores one
piece of state — the skill, the documents, the todos — and a missing one silently drops it.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.3 Todo State Restoration (EXECUTE THIRD)

NO TODOS TO RESTORE

### 0.4 Restoration Checkpoint

Before proceeding: Skill invoked? Documents read? Todos restored?

### 0.5 Behavioral Constraints

- Run verification before marking tasks complete
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.2 Required Document Reads (EXECUTE SECOND)

NO DOCUMENTS TO READ

### 0.3 Todo State Restoration (EXECUTE THIRD)

NO TODOS TO RESTORE

### 0.4 Restoration Checkpoint

Before proceeding: Skill invoked? Documents read? Todos restored?

### 0.5 Behavioral Constraints

- Run verification before marking tasks complete
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
