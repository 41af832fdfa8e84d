#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  support::check_restoration(context, support::reread_restoration(),
                             "1.10 has no Read() calls and no `NO DOCUMENTS TO RE-READ` marker; "
                             "write the Read(\"/absolute/path\") calls the next session must "
                             "execute before any work");
}

}  // namespace

extern const engine::RuleMeta reread_blank{
    .code = "HP302",
    .name = "reread-blank",
    .family = "Planning docs",
    .profile = "spellbook-handoff",
    .summary = "1.10 has neither Read() calls nor `NO DOCUMENTS TO RE-READ`",
    .what_it_checks = R"md(
1.10 Documents to Re-Read must never be blank: it holds a fenced block of
`Read("/absolute/path")` calls — the "Resuming Agent Instructions" — or the explicit marker
`NO DOCUMENTS TO RE-READ`. A table of documents alone is not enough: the calls are what the next
session executes. `Read()` calls only in inline code are reported as not executable.

The unsafe fix inserts `NO DOCUMENTS TO RE-READ` under the heading: only the author knows whether there is
really nothing to restore, so it is applied only with `--unsafe-fixes`.
)md",
    .why_it_matters = R"md(
1.10 is what Step 7 of the continuation protocol executes before any implementation: "If
blank/missing: STOP. Malformed handoff." Vague re-reads ("see the design doc") are on spellbook's
forbidden list; explicit calls are not.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

| Priority | Path (ABSOLUTE) | Why | Focus Section |
|---|---|---|---|
| 1 | `/home/dev/parser/docs/plans/parser-impl.md` | tasks | Phase 3 |
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

| Priority | Path (ABSOLUTE) | Why | Focus Section |
|---|---|---|---|
| 1 | `/home/dev/parser/docs/plans/parser-impl.md` | tasks | Phase 3 |

```
Read("/home/dev/parser/docs/plans/parser-impl.md")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
