#include <fmt/format.h>

#include "rules/generic/outline.hpp"
#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Where a section's own content ends: at its first numbered subsection.
std::uint32_t own_content_end(const doc::Document& document, const doc::Section& section) {
  for (const auto& other : document.sections()) {
    const auto& heading = document.heading_of(other).range;
    if (&other != &section && section.body.contains(heading)) return heading.begin;
  }
  return section.body.end;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto& section : document.sections()) {
    const auto* entry = layout::find(section.kind, section.number);
    if (entry && entry->own_blank_rule) continue;
    const auto end = own_content_end(document, section);
    // A part that only holds its numbered sections is a container.
    if (section.kind == doc::SectionKind::part && end != section.body.end) continue;
    if (generic::has_content(document, {section.body.begin, end})) continue;
    context.report(support::heading_range(document, section),
                   fmt::format("{} is blank; write what it records, or say explicitly that there "
                               "is nothing (for example \"None: no decisions were made\")",
                               layout::display_number(section.kind, section.number)));
  }
}

}  // namespace

extern const engine::RuleMeta section_blank{
    .code = "HP006",
    .name = "section-blank",
    .family = "Document",
    .profile = "spellbook-handoff",
    .summary = "A numbered section has no content",
    .what_it_checks = R"md(
Every numbered section (`SECTION n`, `n.m`, `n.m.k`, `Step n`) must have content below its
heading: a paragraph, a list, a table, a code block. Headings and HTML comments alone do not
count. A part (`SECTION n`) that only holds numbered subsections is checked through them; a
subsection with numbered children of its own (1.1 with 1.1.1) must have content before the first
of them.

Sections with a dedicated rule for their content (0.1–0.5, 1.9, 1.10, 1.12–1.14, 1.20, 1.21,
Step 7) are reported by that rule instead.
)md",
    .why_it_matters = R"md(
Spellbook's principle is *explicit over blank*: an empty section cannot be told apart from a
forgotten one. The next session either assumes there was nothing to record or goes looking for it
— and both guesses cost the context the handoff was meant to carry.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.6 Orchestrator Identity

### 0.7 Active Skill Constraints

- FORBIDDEN: editing generated files
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

### 0.6 Orchestrator Identity

- Role: ORCHESTRATOR; dispatch subagents for all implementation work

### 0.7 Active Skill Constraints

- FORBIDDEN: editing generated files
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
