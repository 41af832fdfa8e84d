#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  support::check_restoration(context, support::read_restoration(),
                             "0.2 has no Read() calls and no `NO DOCUMENTS TO READ` marker; list "
                             "the documents to read as Read(\"/absolute/path\") calls in a fenced "
                             "block");
}

}  // namespace

extern const engine::RuleMeta read_calls_missing{
    .code = "HP104",
    .name = "read-calls-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.2 has neither Read() calls nor `NO DOCUMENTS TO READ`",
    .what_it_checks = R"md(
0.2 Required Document Reads must hold a fenced code block of `Read("/absolute/path")` calls (a
trailing `# comment` per call is fine), or the explicit marker `NO DOCUMENTS TO READ` (the
shorthand `NO DOCUMENTS` from spellbook's quality check is accepted too).

`Read()` calls that only appear in inline code are reported on the first of them.

The unsafe fix inserts `NO DOCUMENTS TO READ` under the heading: only the author knows whether there is
really nothing to restore, so it is applied only with `--unsafe-fixes`.
)md",
    .why_it_matters = R"md(
The documents in 0.2 are the plan and design the work follows. A blank 0.2 leaves the next
session guessing whether there were none or whether they were forgotten — spellbook forbids
both "Section 1.9/1.10 blank" and vague re-reads for this reason.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

Read the implementation plan before starting.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("/home/dev/plans/parser-impl.md")  # Phase 3 tasks
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
