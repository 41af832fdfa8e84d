#include <fmt/format.h>

#include "rules/generic/outline.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto& section : generic::outline(context)) {
    if (generic::has_content(document, section.body))
      continue;
    const auto title = document.text(section.heading->text);
    // The document's title may stand alone above its sections.
    if (section.heading == &document.headings().front() && section.heading->level == 1 &&
        section.body.end == document.source().size())
      continue;
    context.report(section.heading->range,
                   fmt::format("the section `{}` is empty; write what it records, or say "
                               "explicitly that there is nothing (\"None: no blockers\")",
                               support::excerpt(title, 60)));
  }
}

}  // namespace

extern const engine::RuleMeta section_empty{
    .code = "HP013",
    .name = "section-empty",
    .family = "Document",
    .profile = "generic-handoff",
    .summary = "A section of a free-form handoff has a heading and nothing under it",
    .what_it_checks = R"md(
In a free-form handoff, every heading must have something under it before the next heading of
the same or a higher level: a paragraph, a list, a table, code, or a subsection that has content.
HTML comments do not count. A heading with nothing under it is reported on the heading line.
)md",
    .why_it_matters = R"md(
Explicit over blank: an empty `## Blockers` may mean "none" or "I ran out of context before
writing them". The next session cannot tell which, and a reader who assumes "none" may walk into
the blocker. Write `None` when there is nothing.
)md",
    .bad_example = R"md(# Handoff

## Where we left off

The parser accepts every fixture.

## Blockers

## Next steps

- Run the escape tests: `ctest -R escapes`
)md",
    .good_example = R"md(# Handoff

## Where we left off

The parser accepts every fixture.

## Blockers

None.

## Next steps

- Run the escape tests: `ctest -R escapes`
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
