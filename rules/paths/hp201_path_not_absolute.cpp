#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using grammar::Value;

void check_path_value(engine::RuleContext& context, const Value& value) {
  if (value.kind != Value::Kind::string || value.text.empty() || value.text.front() == '/') return;
  auto& diagnostic = context.report(value.range, support::path_problem(value.text));
  diagnostic.fix = support::home_fix(context, value.range.begin + 1);
}

// Paths inside a Skill argument string: "--impl-plan docs/impl.md" or "--plan=x.md".
void check_argument_string(engine::RuleContext& context, const Value& value) {
  if (value.kind != Value::Kind::string) return;
  const std::string_view text = value.text;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && doc::is_space(text[at])) ++at;
    auto end = at;
    while (end < text.size() && !doc::is_space(text[end])) ++end;
    auto token_begin = at;
    auto token = text.substr(at, end - at);
    if (token.starts_with("-")) {
      const auto equals = token.find('=');
      if (equals == std::string_view::npos) token = {};
      else {
        token_begin += equals + 1;
        token = token.substr(equals + 1);
      }
    }
    // Surrounding quotes inside the string: --plan 'docs/x.md'.
    if (token.size() >= 2 && (token.front() == '\'' || token.front() == '"') && token.back() == token.front()) {
      token_begin += 1;
      token = token.substr(1, token.size() - 2);
    }
    if (support::looks_like_path(token) && token.front() != '/') {
      const auto range = support::substring_range(context.document(), value, token_begin, token.size());
      auto& diagnostic = context.report(range, support::path_problem(token));
      if (range != value.range) diagnostic.fix = support::home_fix(context, range.begin);
    }
    at = end;
  }
}

void check(engine::RuleContext& context) {
  for (const auto& located : context.document().calls()) {
    const auto& call = located.call;
    if (call.name == "Read") {
      if (const auto* path = support::argument(call, 0, "file_path")) check_path_value(context, path->value);
    } else if (call.name == "Skill") {
      if (const auto* args = support::argument(call, 1, "args")) check_argument_string(context, args->value);
    }
  }
}

}  // namespace

extern const engine::RuleMeta path_not_absolute{
    .code = "HP201",
    .name = "path-not-absolute",
    .family = "Paths",
    .profile = "*",
    .summary = "A call names a relative or ~ path",
    .what_it_checks = R"md(
Every path in a call must be absolute:

- the path of every `Read()` call, fenced or in inline code;
- every path-like word in a `Skill()` call's argument string (`--impl-plan docs/impl.md`,
  `--plan=./x.md`): words that start with `~`, `./` or `../`, contain a `/`, or end in a common
  file extension such as `.md`. URLs are not paths.

A path starting with `~` is reported too: `Read()` does not expand it. With
`baton check --fix --unsafe-fixes --home /home/me`, `~/` is replaced by that home directory
(unsafe: the next session may run under another user).
)md",
    .why_it_matters = R"md(
The next session may start in a different directory — a worktree, the home directory, another
project. Spellbook's rule is "All paths start with /; relative paths break on resume".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("docs/plans/parser-impl.md")
Read("~/notes/parser.md")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("/home/dev/parser/docs/plans/parser-impl.md")
Read("/home/dev/notes/parser.md")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
