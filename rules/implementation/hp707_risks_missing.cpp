#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

bool is_risks_title(std::string_view title) {
  return implementation::contains_word(title, "risk") ||
         implementation::contains_word(title, "risks");
}

void check(engine::RuleContext& context) {
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  if (implementation::is_small_task(context)) return;  // see docs/implementation-prompts.md
  if (implementation::is_supervised(context)) return;  // the user reviews each phase
  implementation::require_topic(
      context, &is_risks_title,
      "no risks: add a `## Risks` section naming what could go wrong (external services, data "
      "migrations, performance) and what to do about it",
      "the Risks section is empty; name what could go wrong and what to do about it");
}

}  // namespace

extern const engine::RuleMeta risks_missing{
    .code = "HP707",
    .name = "risks-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "The prompt names no risks",
    .what_it_checks = R"md(
The prompt should have a risks section: a heading whose title contains the word "risk" or
"risks" (`## Risks`, `## Known risks`, `### Risks and mitigations`), or a paragraph labelled so
(`**Risks**: …`, `Risks:` followed by a list). The word in running text ("risk-slice grading")
does not count.

Reported on the title (the first level-1 heading) or line 1 when there is none; on the first
risks heading or label when every one of them is empty (its text up to the next heading of the
same or a higher level, or the text after the label and the list right below it, holds nothing
but HTML comments).

A *small task* — at most 80 lines, with a test command written as code and a Definition of Done
that says something (one sentence is enough) — is not asked for this: a bug fix that says what
to change, how to verify it and when it is done needs no risks section. Nor is a *supervised*
prompt: one that, in its title or first 3,000 bytes, asks the session to stop after every phase
(or milestone) and wait for the user (the sentences `rollback-missing` describes: "After each
phase, stop, summarize what changed, and wait for my go-ahead"). What goes wrong then surfaces
at the next gate, one phase in, in front of the user. "Stop and report" alone does not wait.
)md",
    .why_it_matters = R"md(
The planning session knows where the work can go wrong — a flaky external API, a migration that
cannot be undone, a dependency that may not exist. If the prompt does not say so, the executing
session finds out by walking into it. A warning: small prompts may have nothing to declare, and
a supervised session asks.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Risks
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Risks

- The ERP lot API rate-limits at 10 requests per second; cache lookups for 60 s.
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
