#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"

namespace baton::rules {

namespace {

std::string call_list(const std::vector<std::string>& calls) {
  std::string list;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (i > 0)
      list += i + 1 == calls.size() ? " or " : ", ";
    list += calls[i] == "*" ? std::string("any call") : fmt::format("`{}()`", calls[i]);
  }
  return list;
}

void check(engine::RuleContext& context) {
  const auto* profile = context.profile_spec();
  const auto& document = context.document();
  for (const auto& found : spec::found_sections(document, *profile)) {
    const auto& calls = found.spec->calls;
    // A blank section is section-empty-without-marker's; a marker says there is nothing to call.
    if (calls.empty() || found.content != spec::Content::text)
      continue;
    const bool has_call = std::any_of(calls.begin(), calls.end(), [&](const std::string& name) {
      for (const auto* located : document.calls_in(found.body)) {
        if (name == "*" || located->call.name == name)
          return true;
      }
      return false;
    });
    if (has_call)
      continue;
    context.report(
        found.heading->range,
        fmt::format("the section \"{}\" holds no {} call; the {} profile needs the call the next "
                    "session runs, in a fenced block",
                    found.spec->name, call_list(calls), profile->name));
  }
}

}  // namespace

extern const engine::RuleMeta section_call_missing{
    .code = "HP804",
    .name = "section-call-missing",
    .family = "Profile",
    .profile = engine::spec_rule_profile,
    .summary = "A section that must hold a call has none",
    .what_it_checks = R"md(
A profile defined as data can require calls in a section: `"calls": ["Skill", "Task"]` means the
section must hold at least one `Skill()` or `Task()` call (`"*"`: any call), in a fenced block or
inline code, written in baton's call grammar. A section that holds one of its `empty_markers`
instead is accepted; a blank section is reported by `section-empty-without-marker`.

The examples below use the `team-handoff` profile of [profiles](../profiles.md), whose "Next
Step" section must hold a `Skill()` or `Task()` call; the built-in `spellbook-develop` profile
requires no calls.
)md",
    .why_it_matters = R"md(
"Continue with the review" is an intention; `Skill("requesting-code-review", "--files src/lexer")`
is an action the next session can execute without interpreting anything. A team that wants its
handoffs to end in an executable step says so in its profile, and baton holds every handoff to it.
)md",
    .bad_example = R"md(# Team handoff: parser-rewrite

## Goal

Replace the hand-written lexer with the generated one.

## State

- Branch `parser-rewrite`, tests green

## Next Step

Continue with the code review of the lexer.
)md",
    .good_example = R"md(# Team handoff: parser-rewrite

## Goal

Replace the hand-written lexer with the generated one.

## State

- Branch `parser-rewrite`, tests green

## Next Step

```
Skill("requesting-code-review", "--files /home/dev/parser/src/lexer")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
