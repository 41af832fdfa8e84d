#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using grammar::Value;

std::size_t positional_count(const grammar::Call& call) {
  return static_cast<std::size_t>(std::count_if(call.arguments.begin(), call.arguments.end(),
                                                [](const auto& arg) { return !arg.keyword; }));
}

// A required string argument: present, a string, not blank.
bool check_text(engine::RuleContext& context, const grammar::Call& call,
                const grammar::Argument* arg, std::string_view what) {
  if (!arg) {
    context.report(call.range, fmt::format("{}() needs {} as its first argument", call.name, what));
    return false;
  }
  if (arg->value.kind != Value::Kind::string) {
    context.report(arg->value.range, fmt::format("{} must be a quoted string", what));
    return false;
  }
  if (doc::trim(arg->value.text).empty()) {
    context.report(arg->value.range, fmt::format("{} is empty", what));
    return false;
  }
  return true;
}

void check_skill(engine::RuleContext& context, const grammar::Call& call) {
  check_text(context, call, support::argument(call, 0, "skill"), "the skill name");
  if (const auto* args = support::argument(call, 1, "args");
      args && args->value.kind != Value::Kind::string) {
    context.report(args->value.range, "the skill arguments must be one quoted string");
  }
  if (positional_count(call) > 2) {
    context.report(call.range, fmt::format("Skill() takes the skill name and one arguments string, "
                                           "not {} arguments",
                                           positional_count(call)));
  }
}

void check(engine::RuleContext& context) {
  for (const auto& located : context.document().calls()) {
    if (located.site != doc::CallSite::fence) continue;
    const auto& call = located.call;
    if (call.name == "Skill") {
      check_skill(context, call);
    } else if (call.name == "Read") {
      check_text(context, call, support::argument(call, 0, "file_path"), "the file path");
    }
  }
}

}  // namespace

extern const engine::RuleMeta call_arguments{
    .code = "HP111",
    .name = "call-arguments",
    .family = "Section 0",
    .profile = "*",
    .summary = "A Skill() or Read() call in a code block has the wrong arguments",
    .what_it_checks = R"md(
Fenced calls must have the arguments their tool takes:

- `Skill("name", "args")`: the skill name as a non-empty string, then at most one string of
  arguments (keyword forms `skill=` and `args=` are accepted);
- `Read("/path")`: the file path as a non-empty string (or `file_path=`); further arguments such as
  `offset=` are allowed.

`TodoWrite()` arguments are checked by `todowrite-invalid`; `Task()`/`Agent()` prompts are free
text.
)md",
    .why_it_matters = R"md(
A call that parses but names no skill or no file cannot be executed: the next session either
fails on it or guesses what was meant.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill(develop, "--resume", "Phase3.Task7")
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
