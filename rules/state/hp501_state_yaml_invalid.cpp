#include <algorithm>

#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/state/state_yaml.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

bool has_unlabelled_fence(const doc::Document& document, const doc::Section& section) {
  const auto fences = doc::Document::within(document.fences(), section.body);
  return std::any_of(fences.begin(), fences.end(),
                     [](const doc::Fence* fence) { return fence->info.empty(); });
}

// libyaml names the problem, not its usual cause: the causes of the common ones.
std::string_view hint(std::string_view message) {
  struct Hint {
    std::string_view message;
    std::string_view hint;
  };
  static constexpr Hint hints[] = {
      {"mapping values are not allowed", " — a value that contains \": \" must be quoted"},
      {"found a tab character", " — indent with spaces"},
      {"did not find expected key", " — check the indentation of this line"},
      {"did not find expected '-' indicator", " — check the indentation of this line"},
      {"did not find expected ',' or ']'", " — a [ list is not closed"},
      {"did not find expected ',' or '}'", " — a { mapping is not closed"},
      {"found unknown escape character",
       " — in double quotes a backslash starts an escape; use single quotes"},
      {"found unexpected end of stream (while scanning a quoted scalar)",
       " — a quoted value is not closed"},
  };
  for (const auto& entry : hints) {
    if (message.starts_with(entry.message)) return entry.hint;
  }
  return {};
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto& state = state::load(context);
  if (!state) return;  // no 1.20: section-missing reports it
  switch (state->status) {
    case state::Status::no_fence:
      context.report(support::heading_range(document, *state->section),
                     has_unlabelled_fence(document, *state->section)
                         ? "1.20 has no ```yaml block with the machine-readable state (its code "
                           "block has no `yaml` label)"
                         : "1.20 has no ```yaml block with the machine-readable state");
      return;
    case state::Status::unclosed:
      return;  // unclosed-fence reports it
    case state::Status::empty:
      context.report(state::opening_range(*state), "the 1.20 YAML block is empty");
      return;
    case state::Status::parse_error:
      context.report(state->error->range, fmt::format("the 1.20 YAML does not parse: {}{}",
                                                      support::excerpt(state->error->message, 200),
                                                      hint(state->error->message)));
      return;
    case state::Status::parsed:
      if (state->extra_document) {
        context.report(*state->extra_document,
                       "the 1.20 YAML holds more than one document and a second one starts here; "
                       "the state must be a single YAML document");
      }
      return;
  }
}

}  // namespace

extern const engine::RuleMeta state_yaml_invalid{
    .code = "HP501",
    .name = "state-yaml-invalid",
    .family = "Machine state",
    .profile = "spellbook-handoff",
    .summary = "The 1.20 machine-readable state is missing, empty or not valid YAML",
    .what_it_checks = R"md(
Section 1.20 (Machine-Readable State) must hold a fenced ```` ```yaml ```` block (```` ```yml ````
is accepted) with the session state, and that block must parse as a single YAML document.

- no `yaml` block in 1.20 is reported at the 1.20 heading;
- an empty block (only blank lines or comments) at its opening fence;
- a YAML syntax error at the exact line and column libyaml stops at, with its message and the
  usual cause — for example a second `: ` inside a plain value (`content: Fix the scanner:
  escapes`), a tab used for indentation, or an unclosed `[` or quote; lists and mappings nested
  more than 256 deep, and an alias (`*name`) with no anchor before it, are errors too;
- a second YAML document in the block (after `---`) where it starts.

A block that is never closed is left to `unclosed-fence`. Whether the YAML matches the schema is
checked by `state-schema`, whether it agrees with the sections by `state-mismatch`.
)md",
    .why_it_matters = R"md(
The 1.20 block is the part of the handoff that tools read: spellbook's resume path and scripts
load it to restore the skill stack, todos and documents. Template instructions say it "must be
complete and parseable"; YAML that does not parse restores nothing, and the failure shows up only
when the next session is already running.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL

## SECTION 1: SESSION CONTEXT

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
todos:
  explicit:
    - content: Fix the scanner: escapes
      status: pending
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL

## SECTION 1: SESSION CONTEXT

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
todos:
  explicit:
    - content: "Fix the scanner: escapes"
      status: pending
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
