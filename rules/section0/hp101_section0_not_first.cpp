#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Only a single level-1 title and HTML comments (directives, profile markers)
// may precede Section 0; front matter is not a block at all.
bool may_precede(const doc::Document& document, const doc::Block& block, bool& title_seen) {
  if (block.kind == doc::BlockKind::html) {
    return doc::trim(document.text(block.range)).starts_with("<!--");
  }
  if (block.kind == doc::BlockKind::heading && !title_seen) {
    for (const auto& heading : document.headings()) {
      if (heading.range.begin == block.range.begin && heading.level == 1) {
        title_seen = true;
        return true;
      }
    }
  }
  return false;
}

std::string_view describe(doc::BlockKind kind) {
  switch (kind) {
    case doc::BlockKind::heading:
      return "a heading";
    case doc::BlockKind::paragraph:
      return "a paragraph";
    case doc::BlockKind::fence:
    case doc::BlockKind::indented_code:
      return "a code block";
    case doc::BlockKind::list:
      return "a list";
    case doc::BlockKind::table:
      return "a table";
    case doc::BlockKind::block_quote:
      return "a block quote";
    default:
      return "content";
  }
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section0 = support::part(document, "0");
  if (!section0) return;  // section-missing reports it
  const auto section0_heading = support::heading_range(document, *section0);
  bool title_seen = false;
  for (const auto& block : document.blocks()) {
    if (block.depth != 0) continue;
    if (block.range.begin >= section0_heading.begin) return;
    if (may_precede(document, block, title_seen)) continue;
    const auto line = document.source().line_range(document.source().line_of(block.range.begin));
    context
        .report({block.range.begin, std::min(block.range.end, line.end)},
                fmt::format("Section 0 must come first, but {} comes before it; only a title "
                            "heading and front matter may precede Section 0",
                            describe(block.kind)))
        .related.push_back({section0_heading, "Section 0 starts here"});
    return;
  }
}

}  // namespace

extern const engine::RuleMeta section0_not_first{
    .code = "HP101",
    .name = "section0-not-first",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "Something other than a title comes before Section 0",
    .what_it_checks = R"md(
`## SECTION 0: MANDATORY FIRST ACTIONS` must be the first section of the prompt. Only front
matter, one level-1 title heading, HTML comments and blank lines may come before it. The first
block that breaks this is reported, with the Section 0 heading as a related location.
)md",
    .why_it_matters = R"md(
A fresh session reads the prompt from the top and acts on what it reads first. Spellbook's own
quality gate is "Section 0 at TOP, executed before context": context placed above Section 0 gets
read — and acted on — before the skill is restored, which is how a session ends up implementing
ad hoc instead of resuming its workflow.
)md",
    .bad_example = R"md(# Handoff: parser rewrite

We were halfway through the tokenizer; the tests are red.

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2
)md",
    .good_example = R"md(# Handoff: parser rewrite

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.11 Session Narrative

We were halfway through the tokenizer; the tests are red.
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
