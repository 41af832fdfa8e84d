#include <fmt/format.h>

#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  if (!implementation::asks_for_every_part(context)) return;  // only the parts it has
  if (implementation::has_test_command(document)) return;
  context.report(implementation::document_anchor(document),
                 "no test command: neither a fenced block nor inline code holds a command that "
                 "runs the tests; put them in a ```sh fence the session can copy");
}

}  // namespace

extern const engine::RuleMeta test_commands_missing{
    .code = "HP706",
    .name = "test-commands-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "No test command written as code",
    .what_it_checks = R"md(
At least one fenced block written as a shell session — info string empty or one of `sh`,
`bash`, `shell`, `console`, `zsh`, `fish`, `powershell`, `ps1`, `pwsh`, `cmd`, `bat`, `text`,
`terminal`, `shell-session`, `sh-session` — must hold a test command: a line (after an optional
`$ `, `> ` or `% ` prompt, not a `#` comment) starting like a command whose words include `test`,
`tests`, `e2e` or a test runner (`pytest`, `vitest`, `jest`, `ctest`, `mocha`, `rspec`,
`phpunit`, `tox`, `nox`, `playwright`, `cypress`, `unittest`), also as part of a word
(`test:unit`, `run-tests.sh`), or `make test` / `make check`. Path arguments (`cat tests/x`) do
not count. A step number and a short label before the command are read past
(`4. Run: cd backend && pytest -v`).

An inline code span that holds such a whole command, with its arguments (`` `pnpm test` ``,
`` `cargo test -p lots` ``), counts too: it is as exact as a fence, copied rather than
reconstructed. A lone runner name (`` `pytest` ``) does not.

Reported on the title (the first level-1 heading) or line 1. A warning: the phases' exit criteria
may already say how each phase is proved.
)md",
    .why_it_matters = R"md(
Commands written as code are copied and run exactly; commands paraphrased in prose ("run the
unit tests") are reconstructed, and the reconstruction is where a session tests the wrong
package or skips the integration suite. The seed pattern lists "test commands" among what the prompt holds.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

Run the unit tests after each phase.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

Run after each phase:

```sh
pnpm test --filter contracts
```
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
