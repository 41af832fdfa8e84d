#include <fmt/format.h>

#include "document/text_scan.hpp"
#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (!implementation::named_but_not_shaped(context)) return;
  // A contract written as plain text is the closest part; say where it is.
  std::string closest;
  if (const auto line = implementation::first_prose_signature(document)) {
    closest = fmt::format(" (the closest is line {}, `{}`: a signature in plain text, not in a "
                          "code fence)",
                          document.source().line_of(line->begin),
                          support::excerpt(doc::trim(document.text(*line)), 50));
  }
  else if (const auto near = implementation::find_done_look_alike(document)) {
    closest = fmt::format(" (the closest is line {}, `{}`: {})", near->line, near->excerpt,
                          near->in_running_text ? "running text that defines done"
                                                : "not a Definition of Done label");
  }
  // A prompt pasted into one code block for copying: what is inside is not
  // read as markdown, which is why nothing was recognised.
  const auto lines = document.source().line_count();
  for (const auto& fence : document.fences()) {
    const auto& source = document.source();
    const auto first = source.line_of(fence.range.begin);
    const auto span = source.line_of(fence.range.end) - first + 1;
    if (lines > 0 && 2 * span >= lines && span >= 10) {
      closest += fmt::format("; most of the file (lines {}-{}) is one code block, whose text is "
                             "not read as markdown",
                             first, first + span - 1);
      break;
    }
  }
  context.report(implementation::document_anchor(document),
                 fmt::format("none of the parts of an implementation prompt was recognised (phases, "
                             "exit criteria, fenced contracts, a Definition of Done), so the "
                             "implementation-prompt rules did not run{}; add them if this is one, or "
                             "mark the file with `<!-- baton-profile NAME -->` if it is another "
                             "kind of prompt",
                             closest));
}

}  // namespace

extern const engine::RuleMeta implementation_parts_missing{
    .code = "HP709",
    .name = "implementation-parts-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "A file checked as an implementation prompt has none of its parts",
    .what_it_checks = R"md(
A file named like an implementation prompt (`implementation-prompt.md`,
`IMPLEMENTATION_PROMPT.md`) is not always one: a meta-prompt that asks for a plan, a role
definition, a standing project guide. When baton recognises none of the parts of an
implementation prompt in it — a phases table or `Phase N` headings, an exit-criteria label, a
fenced contract (a type or signature line), a Definition of Done (under any of its labels:
`Definition of Done`, `DoD`, `Acceptance criteria`, `Critérios de Aceitação`, `最终交付标准`, …) —
this rule reports it **once**, on the title, and the other implementation-prompt rules
(HP701–HP708) stay silent on the file. When a paragraph line is a signature written as plain
text (`class DataProvider(Protocol):` outside any fence), the message names it as the closest
part; else a heading or label that looks like a Definition of Done under another name
(`Deliverables`, `Completion checklist`) or a sentence about a definition of done. When one code
block covers half the file or more (a prompt pasted into a fence for copying), the message says
so: its text is not read as markdown.

Not reported on a file that has some part, or that says how its work is verified (a
`Verification` section, a shell fence that runs tests) or lists ordered steps: it is a task to
carry out, and the other rules check the parts it has.
)md",
    .why_it_matters = R"md(
Six "missing" errors on a file that was never meant to have phases or contracts say the same
thing six times, and every one reads as a defect of the file. One finding says what is true: the
name promises an implementation prompt and the content is something else. Either the parts are
missing, or the file deserves another profile.
)md",
    .bad_example = R"md(# Implementation prompt

Read spec.md and break it into an implementation plan in implementation-plan.md.
)md",
    .good_example = R"md(# Implementation prompt: lot parser

## Phases

| Phase | Goal | Deliverables | Exit Criteria |
|---|---|---|---|
| 1 | Parse lots | `src/lots.ts` | `npm test -- lots` passes |

## Definition of Done

- [ ] `npm test` passes
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
