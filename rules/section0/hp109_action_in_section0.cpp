#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Tool calls that change things or reach out; Task/Agent dispatch subagents.
constexpr std::string_view acting_tools[] = {"Bash",     "Write",     "Edit",      "MultiEdit",
                                             "NotebookEdit", "WebFetch", "WebSearch", "Task",
                                             "Agent"};
// Shell commands that act, reported only inside code.
constexpr std::string_view acting_commands[] = {"curl ", "wget ", "rm -"};

// Whether a tool name or a command starts with `c`: most positions are passed over at once.
bool may_start_action(char c) {
  for (auto tool : acting_tools)
    if (tool.front() == c) return true;
  for (auto command : acting_commands)
    if (command.front() == c) return true;
  return false;
}

bool word_start(std::string_view text, std::size_t at) {
  return at == 0 || !(doc::is_alpha(text[at - 1]) || doc::is_digit(text[at - 1]) || text[at - 1] == '_');
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section0 = support::part(document, "0");
  if (!section0) return;
  const auto& source = document.source();
  const auto text = source.text().substr(0, section0->body.end);
  // A shell command inside a reported tool call (`Bash("rm -rf x")`) is the same finding.
  std::uint32_t reported_line = 0;
  for (auto at = section0->body.begin; at < text.size(); ++at) {
    if (!may_start_action(text[at]) || !word_start(text, at) || document.in_comment(at)) continue;
    const auto rest = text.substr(at);
    for (auto tool : acting_tools) {
      if (!rest.starts_with(tool)) continue;
      auto paren = tool.size();
      while (paren < rest.size() && doc::is_blank(rest[paren])) ++paren;
      if (paren >= rest.size() || rest[paren] != '(') continue;
      const auto verb = tool == "Task" || tool == "Agent" ? "dispatches a subagent" : "acts";
      context.report({at, at + static_cast<std::uint32_t>(paren + 1)},
                     fmt::format("`{}(` {}, but Section 0 only restores state (Skill, Read, "
                                 "TodoWrite); move it to Section 2 or the verification checklist",
                                 tool, verb));
      reported_line = source.line_of(at);
    }
    for (auto command : acting_commands) {
      if (!rest.starts_with(command) || !document.in_code(at)) continue;
      if (source.line_of(at) == reported_line) continue;
      const auto name = doc::trim(command);
      context.report({at, at + static_cast<std::uint32_t>(name.size())},
                     fmt::format("`{}` acts, but Section 0 only restores state (Skill, Read, "
                                 "TodoWrite); move it to Section 2 or the verification checklist",
                                 name));
    }
  }
}

}  // namespace

extern const engine::RuleMeta action_in_section0{
    .code = "HP109",
    .name = "action-in-section0",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "Section 0 contains a command that acts instead of restoring",
    .what_it_checks = R"md(
Section 0 may contain `Skill(`, `Read(` and `TodoWrite(` calls, the explicit markers, headings,
bullets, checklists and short instructions. baton reports, anywhere in Section 0 outside HTML
comments:

- calls of tools that change or fetch things: `Bash(`, `Write(`, `Edit(`, `MultiEdit(`,
  `NotebookEdit(`, `WebFetch(`, `WebSearch(` — and `Task(` / `Agent(`, which dispatch subagents;
- inside code (fenced blocks and inline code): the shell commands `curl`, `wget` and `rm -`.

Tool names must be whole words, so `TodoWrite(` is not `Write(`. Shell commands mentioned in prose
(such as a constraint "never use rm -rf") are not reported.
)md",
    .why_it_matters = R"md(
Section 0 is executed before the session has read its context. An action there runs blind: a
`Bash("rm -rf build")` or a `Write(...)` from the previous session's state may no longer be right.
Spellbook's own boot-prompt validator treats these patterns as critical.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Bash("rm -rf build && make")
Skill("develop", "--resume Phase3.Task7")
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
