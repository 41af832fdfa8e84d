#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  support::check_restoration(context, support::skill_restoration(),
                             "0.1 has no executable Skill() call and no `NO ACTIVE SKILL` "
                             "marker; write the Skill(\"name\", \"args\") call that resumes the "
                             "workflow in a fenced block");
}

}  // namespace

extern const engine::RuleMeta skill_call_missing{
    .code = "HP102",
    .name = "skill-call-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.1 has neither an executable Skill() call nor `NO ACTIVE SKILL`",
    .what_it_checks = R"md(
0.1 Workflow Restoration must hold a fenced code block with a `Skill("name", "args")` call that
re-enters the workflow at the exact point it stopped — or, when no skill was active, the explicit
marker `NO ACTIVE SKILL` (optionally `- proceed to 0.2`).

A `Skill()` call that only appears in inline code is reported on that call: inline code is read,
not executed. A call that does not parse is reported by `call-syntax` instead.

The unsafe fix inserts `NO ACTIVE SKILL - proceed to 0.2` under the heading: only the author knows whether there is
really nothing to restore, so it is applied only with `--unsafe-fixes`.
)md",
    .why_it_matters = R"md(
The skill carries the workflow: its phases, its gates, its subagent pattern. A session that
starts without it implements ad hoc. Spellbook's gate is "0.1 executable Skill() OR explicit
NO ACTIVE SKILL"; prose such as "continue the develop workflow" does not restore anything.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

Resume the develop skill at phase 3.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task7 --impl-plan /home/dev/plans/parser-impl.md")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
