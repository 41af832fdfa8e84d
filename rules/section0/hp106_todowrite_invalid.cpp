#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using grammar::Value;
using source::TextRange;

constexpr std::string_view statuses[] = {"pending", "in_progress", "completed"};

const Value* member(const Value& object, std::string_view key) {
  for (const auto& m : object.members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

// nlohmann's message without its "[json.exception...] parse error at line
// L, column C: " prefix; the position is shown by the diagnostic itself.
std::string json_error_text(const nlohmann::json::parse_error& error) {
  std::string_view what = error.what();
  if (const auto at = what.find(": "); at != std::string_view::npos) what.remove_prefix(at + 2);
  return std::string(what);
}

void check_item(engine::RuleContext& context, const Value& item, std::size_t number) {
  if (item.kind != Value::Kind::object) {
    context.report(item.range, fmt::format("todo {} is not an object; each todo is "
                                           "{{\"content\", \"status\", \"activeForm\"}}",
                                           number));
    return;
  }
  auto require_text = [&](std::string_view key, std::string_view hint) {
    const Value* value = member(item, key);
    if (!value) {
      context.report(item.range, fmt::format("todo {} has no \"{}\" ({})", number, key, hint));
    } else if (value->kind != Value::Kind::string || doc::trim(value->text).empty()) {
      context.report(value->range, fmt::format("todo {}: \"{}\" must be a non-empty string", number, key));
    }
  };
  require_text("content", "what the task is");
  const Value* status = member(item, "status");
  if (!status) {
    context.report(item.range, fmt::format("todo {} has no \"status\" (pending, in_progress or "
                                           "completed)",
                                           number));
  } else if (status->kind != Value::Kind::string ||
             std::find(std::begin(statuses), std::end(statuses), status->text) == std::end(statuses)) {
    context.report(status->range, fmt::format("todo {} has status {}; TodoWrite accepts pending, "
                                              "in_progress or completed",
                                              number, support::excerpt(context.document().text(status->range))));
  }
  require_text("activeForm", "the present-continuous form Claude Code shows, e.g. \"Writing the tests\"");
}

void check_call(engine::RuleContext& context, const grammar::Call& call) {
  const auto& document = context.document();
  const bool single = call.arguments.size() == 1;
  const auto* arg = support::argument(call, 0, "todos");
  if (!single || !arg) {
    context.report(call.range, "TodoWrite takes exactly one argument: the array of todos");
    return;
  }
  const Value* todos = &arg->value;
  // The tool's own input shape {"todos": [...]} is accepted as well.
  if (todos->kind == Value::Kind::object) {
    if (const Value* inner = member(*todos, "todos")) todos = inner;
  }
  const auto raw = document.text(todos->range);
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(raw);
  } catch (const nlohmann::json::parse_error& error) {
    const auto byte = static_cast<std::uint32_t>(error.byte == 0 ? 0 : error.byte - 1);
    const auto at = std::min(todos->range.begin + byte, todos->range.end - 1);
    const bool single_quote = document.source().text()[at] == '\'';
    context.report({at, at + 1},
                   single_quote ? std::string("the TodoWrite argument is not valid JSON: strings "
                                              "must be in double quotes")
                                : "the TodoWrite argument is not valid JSON: " + json_error_text(error));
    return;
  }
  if (!parsed.is_array() || todos->kind != Value::Kind::array) {
    context.report(todos->range, "the TodoWrite argument must be an array of todos");
    return;
  }
  if (todos->elements.empty()) {
    context.report(todos->range,
                   "TodoWrite([]) restores nothing; write `NO TODOS TO RESTORE` instead");
    return;
  }
  for (std::size_t i = 0; i < todos->elements.size(); ++i) {
    check_item(context, todos->elements[i], i + 1);
  }
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section0 = support::part(document, "0");
  const auto* todo_section = support::sub(document, "0.3");
  const auto scope = section0 ? section0->body : todo_section ? todo_section->body : TextRange{};
  for (const auto* located : support::calls_named(document, scope, "TodoWrite")) {
    if (located->site == doc::CallSite::fence) check_call(context, located->call);
  }
}

}  // namespace

extern const engine::RuleMeta todowrite_invalid{
    .code = "HP106",
    .name = "todowrite-invalid",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "The TodoWrite() call in Section 0 is not valid JSON or not a valid todo list",
    .what_it_checks = R"md(
The argument of each fenced `TodoWrite()` call in Section 0 must be a JSON array (the tool's own
input shape `{"todos": [...]}` is accepted too) in which every todo is an object with:

- `content`: a non-empty string;
- `status`: `pending`, `in_progress` or `completed`;
- `activeForm`: a non-empty string (the present-continuous form Claude Code requires since
  1.0.89).

Other keys (`id`, `priority` from older transcripts) are allowed. JSON errors point at the
offending character; schema errors at the todo or the value. An empty array is reported too:
`NO TODOS TO RESTORE` says the same thing explicitly.
)md",
    .why_it_matters = R"md(
The next session pastes this call into its first turn. Single quotes, a trailing comma, a status
such as `done`, or a missing `activeForm` make the tool call fail, and the todo list — the
session's record of what is finished — is not restored.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([
  {'content': 'Finish the tokenizer', 'status': 'doing'}
])
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([
  {"content": "Finish the tokenizer", "status": "in_progress", "activeForm": "Finishing the tokenizer"}
])
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
