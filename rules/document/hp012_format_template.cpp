#include <fmt/format.h>

#include "engine/profile.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  auto reason = engine::template_signal(document);
  if (reason.empty())
    reason = "it is marked as one";
  context.report(document.source().line_range(1),
                 fmt::format("this file defines a handoff format rather than being a handoff ({}), "
                             "so only the every-file rules ran; check it as a handoff with "
                             "--profile or a `<!-- baton-profile NAME -->` marker",
                             reason));
}

}  // namespace

extern const engine::RuleMeta format_template{
    .code = "HP012",
    .name = "format-template",
    .family = "Document",
    .profile = "template",
    .summary = "The file is a template that defines a handoff format, so handoff rules did not run",
    .what_it_checks = R"md(
A Claude Code or spellbook command or skill that *defines* the handoff format (`/handoff`,
`/distill-session`, `/shift-change`) holds every section of a handoff, filled with slots and
instructions to the agent. baton recognises such a file as a *template* when one of these holds
(the tables are in [Free-form handoffs](../generic-handoffs.md)):

- its YAML front matter has a `description:`, `argument-hint:` or `allowed-tools:` key, as
  Claude Code commands and skills do;
- its title is a slash command (`# /handoff`);
- it takes `$ARGUMENTS` outside code;
- a `<ROLE>` block instructs the agent;
- it is a diagram page: `mermaid`, `plantuml`, `puml`, `dot`, `graphviz` or `d2` fences cover
  more than half of its lines (a generated flowchart of the command is documentation about the
  format, whatever the file is called).

On a template only the every-file rules run (secrets, unclosed fences, input limits, directives),
and this rule says once, on the first line, that the handoff rules did not. `--profile`, the
configuration or a `<!-- baton-profile NAME -->` marker still force a handoff profile.
)md",
    .why_it_matters = R"md(
Linted as a handoff, a template is all defects: every slot is a placeholder, every example call
a marker conflict. A repository that ships its own handoff command would get hundreds of errors
for files that are correct, and switch the linter off.
)md",
    .bad_example = R"md(---
description: "Write a handoff for the next session"
---

# Handoff

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration

Skill("[skill-name]", "[exact resume args]")
)md",
    .good_example = R"md(# Handoff

## Where we left off

The parser accepts every fixture.

## Next steps

- Run the escape tests: `ctest -R escapes`
)md",
    .default_severity = engine::Severity::info,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
