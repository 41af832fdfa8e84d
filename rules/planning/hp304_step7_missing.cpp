#include <fmt/format.h>

#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::SectionKind;

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (!layout::part_present(document, "2")) return;
  const auto* step7 = document.find_section(SectionKind::step, "7");
  if (!step7) {
    // Report where it belongs: at the next step present, else at SECTION 2.
    const doc::Section* anchor = nullptr;
    for (auto number : {"8", "9"}) {
      if (!anchor) anchor = document.find_section(SectionKind::step, number);
    }
    if (!anchor) anchor = support::part(document, "2");
    const auto range = anchor ? support::heading_range(document, *anchor) : document.source().line_range(1);
    context.report(range, "Section 2 has no Step 7 (Re-Read Critical Documents); the next session "
                          "must execute the 1.10 reads before implementing");
    return;
  }
  const auto body = document.text(step7->body);
  const bool refers = body.find("1.10") != std::string_view::npos ||
                      !support::calls_named(document, step7->body, "Read").empty();
  if (refers) return;
  context.report(support::heading_range(document, *step7),
                 "Step 7 does not require the 1.10 reads; say \"Execute the 1.10 reads BEFORE "
                 "implementation\" (or list the Read() calls)");
}

}  // namespace

extern const engine::RuleMeta step7_missing{
    .code = "HP304",
    .name = "step7-missing",
    .family = "Planning docs",
    .profile = "spellbook-handoff",
    .summary = "Section 2 lacks a Step 7 that requires the 1.10 reads",
    .what_it_checks = R"md(
When the prompt has `## SECTION 2: CONTINUATION PROTOCOL`, it must have `### Step 7: Re-Read
Critical Documents (MANDATORY)`, and Step 7 must require the 1.10 reads: it refers to 1.10 or
holds the `Read()` calls itself. A missing Step 7 is reported where it belongs (on Step 8 or 9,
or on the SECTION 2 heading).
)md",
    .why_it_matters = R"md(
Step 7 is the continuation protocol's guarantee that plans are read *before* implementation:
"Execute 1.10 reads BEFORE implementation … If blank/missing: STOP." Spellbook's quality gate
is "Step 7 requires reading plan docs before implementation".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 2: CONTINUATION PROTOCOL

### Step 7: Re-Read Critical Documents (MANDATORY)

Skim whatever seems relevant.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 2: CONTINUATION PROTOCOL

### Step 7: Re-Read Critical Documents (MANDATORY)

Execute the 1.10 reads BEFORE implementation. If 1.10 is blank: STOP — malformed handoff.
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
