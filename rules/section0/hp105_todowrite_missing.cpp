#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  support::check_restoration(context, support::todo_restoration(),
                             "0.3 has no TodoWrite() call and no `NO TODOS TO RESTORE` marker; "
                             "restore the todo list verbatim with TodoWrite([...]) in a fenced "
                             "block");
}

}  // namespace

extern const engine::RuleMeta todowrite_missing{
    .code = "HP105",
    .name = "todowrite-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.3 has neither a TodoWrite() call nor `NO TODOS TO RESTORE`",
    .what_it_checks = R"md(
0.3 Todo State Restoration must hold a fenced `TodoWrite([...])` call that restores the todo list
verbatim, or the explicit marker `NO TODOS TO RESTORE` (`NO TODOS` is accepted too). Whether the
call's argument is valid is checked by `todowrite-invalid`.

The unsafe fix inserts `NO TODOS TO RESTORE` under the heading: only the author knows whether there is
really nothing to restore, so it is applied only with `--unsafe-fixes`.
)md",
    .why_it_matters = R"md(
The todo list is the session's working memory of what is done and what is not. Without it, the
next session rebuilds the list from prose — and spellbook's gate "Todos EXACTLY preserved
(verbatim)" is lost.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

- Finish the tokenizer
- Write the parser tests
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([
  {"content": "Finish the tokenizer", "status": "in_progress", "activeForm": "Finishing the tokenizer"},
  {"content": "Write the parser tests", "status": "pending", "activeForm": "Writing the parser tests"}
])
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
