#include <fmt/format.h>

#include <algorithm>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::SectionKind;

// Where a missing section should be: the heading of the next present section
// of the same part, else the part's heading.
source::TextRange anchor_for(const doc::Document& document, std::size_t missing_index) {
  const auto layout = support::spellbook_layout();
  const auto& missing = layout[missing_index];
  const auto part_number = missing.number.substr(0, missing.number.find('.'));
  for (auto i = missing_index + 1; i < layout.size(); ++i) {
    if (layout[i].kind != SectionKind::sub) break;
    if (const auto* later = support::sub(document, layout[i].number)) {
      return support::heading_range(document, *later);
    }
  }
  if (const auto* owner = support::part(document, part_number)) {
    return support::heading_range(document, *owner);
  }
  return document.source().line_range(1);
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto layout = support::spellbook_layout();
  const auto* section0 = support::part(document, "0");
  bool any_section0_sub = false;
  for (const auto& entry : layout) {
    if (entry.kind == SectionKind::sub && entry.number.starts_with("0.") &&
        support::sub(document, entry.number)) {
      any_section0_sub = true;
    }
  }
  if (!section0 && !any_section0_sub) {
    // One finding for the whole part, not one per subsection.
    // Report it where it belongs: above the first numbered section.
    auto at = document.source().line_range(1);
    if (!document.sections().empty()) {
      at = support::heading_range(document, document.sections().front());
    }
    context.report(at,
                   "Section 0 (MANDATORY FIRST ACTIONS) is missing: the next session has no "
                   "restoration steps to execute first");
    return;
  }
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const auto& entry = layout[i];
    if (!entry.required || document.find_section(entry.kind, entry.number)) continue;
    if (entry.kind == SectionKind::part) {
      // Only Section 0 is required at present; its heading is missing but
      // its subsections are there.
      const auto first = std::find_if(
          document.sections().begin(), document.sections().end(), [](const doc::Section& s) {
            return s.kind == SectionKind::sub && s.number.starts_with("0.");
          });
      context.report(support::heading_range(document, *first),
                     fmt::format("the `## {}` heading is missing above the 0.x subsections",
                                 support::display_name(entry)));
      continue;
    }
    context.report(anchor_for(document, i),
                   fmt::format("{} is missing from Section 0", support::display_name(entry)));
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

A missing subsection is reported on the heading of the next subsection that is present (where
the missing one belongs), or on the Section 0 heading. A prompt with no Section 0 at all gets a
single finding.
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
