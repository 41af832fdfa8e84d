#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  for (const auto& error : context.document().call_errors()) {
    context.report(error.range, fmt::format("malformed {}() call: {}", error.call_name, error.message));
  }
}

}  // namespace

extern const engine::RuleMeta call_syntax{
    .code = "HP110",
    .name = "call-syntax",
    .family = "Section 0",
    .profile = "*",
    .summary = "A Skill/Read/TodoWrite/Task/Agent call in a code block does not parse",
    .what_it_checks = R"md(
In fenced code blocks, a line that starts with `Skill`, `Read`, `TodoWrite`, `Task` or `Agent`
followed by `(` is parsed as a call: quoted strings (either quote style, with escapes), numbers,
`true`/`false`/`null`, arrays, objects and `name=value` keyword arguments, separated by commas,
across as many lines as needed, then `)` and optionally a `# comment`. The first error in each call
is reported at the offending character, with what was expected there.

Calls in inline code are parsed too, but fragments there (`` `TodoWrite(` ``) are not reported.
)md",
    .why_it_matters = R"md(
The next session copies these calls into tool invocations. A missing quote or bracket makes the
call fail — or worse, be "repaired" by guesswork — and the state it was meant to restore is lost.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task7)
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task7")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
