#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// A row verifies a todo when its task cell names it: the same words, one
// contained in the other, or the todo's number in 0.3.
bool row_names(const doc::Document& document, const support::VerificationRow& row,
               const std::string& todo, std::size_t number) {
  const auto task = support::normalise_words(document.text(row.task->content));
  if (task.empty()) return false;
  // By number first: a todo with no ASCII words ("テストを書く") has only its number.
  if (task == std::to_string(number)) return true;
  if (todo.empty()) return false;
  return task == todo || task.find(todo) != std::string::npos || todo.find(task) != std::string::npos;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* checklist = support::sub(document, "1.13");
  if (!checklist) return;
  const auto todos = support::restored_todos(document);
  if (!todos) return;
  const auto rows = support::verification_rows(document, checklist->body);
  for (std::size_t i = 0; i < todos->size(); ++i) {
    const auto& todo = (*todos)[i];
    if (todo.status != "pending" && todo.status != "in_progress") continue;
    const auto words = support::normalise_words(todo.content);
    const bool verified = rows && std::any_of(rows->begin(), rows->end(), [&](const auto& row) {
                            return row_names(document, row, words, i + 1);
                          });
    if (verified) continue;
    context
        .report(todo.content_range,
                fmt::format("{} todo \"{}\" has no row in the 1.13 verification checklist; add "
                            "the command that proves it is done",
                            todo.status == "pending" ? "pending" : "in-progress",
                            support::excerpt(todo.content)))
        .related.push_back({support::heading_range(document, *checklist), "1.13 is here"});
  }
}

}  // namespace

extern const engine::RuleMeta task_without_verification{
    .code = "HP401",
    .name = "task-without-verification",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "A pending or in-progress todo of 0.3 has no row in the 1.13 verification checklist",
    .what_it_checks = R"md(
Every todo restored in 0.3 with status `pending` or `in_progress` must have a row in a 1.13
table (one with a Command column). A row names a todo when its Task cell has the same words
(case and punctuation aside), when one contains the other, or when it holds the todo's number in
the 0.3 list. The todo is reported in 0.3, with 1.13 as a related location. Whether the row's
command is runnable is `verification-not-runnable`'s business.
)md",
    .why_it_matters = R"md(
"Every task needs runnable check. Missing verification = not done." Without a command, the next
session marks the task complete on its own say-so — the "Task 4 is done" claim spellbook
forbids.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([{"content": "Port the string scanner", "status": "in_progress", "activeForm": "Porting the string scanner"}])
```

## SECTION 1: SESSION CONTEXT

### 1.13 Verification Checklist

| Task | Command | Expected | Actual |
|---|---|---|---|
| Port the number scanner | `cargo test lexer::numbers` | pass | pass |
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([{"content": "Port the string scanner", "status": "in_progress", "activeForm": "Porting the string scanner"}])
```

## SECTION 1: SESSION CONTEXT

### 1.13 Verification Checklist

| Task | Command | Expected | Actual |
|---|---|---|---|
| Port the string scanner | `cargo test lexer::strings` | pass | 4 failing |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
