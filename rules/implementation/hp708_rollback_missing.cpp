#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

bool is_rollback_title(std::string_view title) {
  for (auto word : {"rollback", "rollbacks", "roll back", "roll-back", "revert", "reverting",
                    "back out", "backout"}) {
    if (implementation::contains_word(title, word)) return true;
  }
  return false;
}

void check(engine::RuleContext& context) {
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  if (implementation::is_small_task(context)) return;  // see docs/implementation-prompts.md
  if (implementation::is_greenfield(context.document())) return;  // nothing to roll back
  if (implementation::is_supervised(context)) return;  // the user reviews each phase
  implementation::require_topic(
      context, &is_rollback_title,
      "no rollback steps: add a `## Rollback` section saying how to undo the change (the commits "
      "to revert, the migration to reverse, the flag to turn off)",
      "the rollback section is empty; say how to undo the change");
}

}  // namespace

extern const engine::RuleMeta rollback_missing{
    .code = "HP708",
    .name = "rollback-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "The prompt has no rollback steps",
    .what_it_checks = R"md(
The prompt should say how to undo the change: a heading whose title contains "rollback",
"roll back", "roll-back", "revert", "reverting", "back out" or "backout" (`## Rollback`,
`## Rollback plan`, `### How to revert`), or a paragraph labelled so (`**Rollback**: …`,
`Rollback:` followed by a list).

Reported on the title (the first level-1 heading) or line 1 when there is none; on the first
rollback heading or label when every one of them is empty (nothing but HTML comments).

Not asked for when there is nothing to roll back: new work, said so in the title or the first
3,000 bytes ("greenfield", "from scratch", "new project", "new repository", "new app", "this is
a prototype", "brand-new", "新项目", "从零"); and not for a *small task* (at most 80 lines, with a
test command written as code and a Definition of Done; see `docs/implementation-prompts.md`);
nor for a *supervised* prompt, which in its title or first 3,000 bytes asks the session to stop
after every phase (or milestone) and wait for the user — a sentence with "after each phase",
"after every phase", "at the end of each phase", "between phases", "between each phase" or "the
next phase" (and the same with "milestone") and a wait for the user — "wait for my", "wait for
the user", "wait for approval", "go-ahead", "my approval", "until I confirm", … (not "wait for
CI"): "After each phase, stop, summarize what changed, and wait for my go-ahead"; "Wait for my
explicit approval before moving to the next phase". The user sees each phase's result and
decides whether to go on or back. "Stop and report" alone does not wait.
)md",
    .why_it_matters = R"md(
A session executing cold will run migrations, rename files and change configuration. When a
phase fails half-way, the way back must already be written down: which commits to revert, which
migration to reverse, which flag to switch off. A warning: a purely additive change may need
only "revert the branch".
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

Ship it behind the `lots_lookup` flag.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Rollback

1. Turn the `lots_lookup` flag off.
2. `git revert` the merge commit of the feature branch.
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
