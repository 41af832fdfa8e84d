#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "document/text_scan.hpp"
#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// The Definition of Done holds a list: "all Definition of Done items checked"
// then points at conditions the session can check one by one.
bool has_done_list(const doc::Document& document) {
  for (const auto& topic : implementation::find_topics(document, &implementation::is_done_title)) {
    if (!doc::Document::within(document.list_items(), topic.body).empty()) return true;
  }
  return false;
}

bool is_verification_title(std::string_view title) {
  for (const std::string_view label :
       {"verification", "verify", "how to verify", "validation", "verification steps"}) {
    if (doc::iequals(title, label)) return true;
  }
  return false;
}

// The innermost heading whose section holds `offset`: the last one that
// starts before it (a section runs until a heading of its level or higher),
// as an index into headings(), or npos before the first heading.
std::size_t enclosing_heading(const doc::Document& document, std::uint32_t offset) {
  const auto headings = document.headings();
  const auto after = std::upper_bound(headings.begin(), headings.end(), offset,
                                      [](std::uint32_t at, const doc::Heading& heading) {
                                        return at < heading.range.begin;
                                      });
  return after == headings.begin() ? std::string::npos
                                   : static_cast<std::size_t>(after - headings.begin()) - 1;
}

bool is_tests_title(std::string_view title) {
  for (const std::string_view label : {"tests", "required tests", "test plan", "testing"}) {
    if (doc::iequals(title, label)) return true;
  }
  return false;
}

// The sections (by heading) with a block under a matching label whose items
// are measurable or name a check.
std::set<std::size_t> sections_proved_by(const doc::Document& document,
                                         implementation::TitleMatcher matches) {
  const auto proves = [&](source::TextRange range) {
    return implementation::measurable(document, range) != implementation::Evidence::none ||
           implementation::names_check(implementation::visible_text(document, range));
  };
  std::set<std::size_t> sections;
  for (const auto& topic : implementation::find_topics(document, matches)) {
    if (topic.body.empty()) continue;
    const auto items = doc::Document::within(document.list_items(), topic.body);
    const bool proved = items.empty() ? proves(topic.body)
                                      : std::any_of(items.begin(), items.end(),
                                                    [&](const doc::ListItem* item) { return proves(item->range); });
    if (proved) sections.insert(enclosing_heading(document, topic.anchor.begin));
  }
  sections.erase(std::string::npos);
  return sections;
}

// The sections whose "**Verification:**" block proves their criteria
// ("Acceptance criteria" followed by "Verification: `pnpm typecheck`"): a
// check there needs no outcome word ("Adapter unit tests cover empty results").
std::set<std::size_t> verified_sections(const doc::Document& document) {
  return sections_proved_by(document, &is_verification_title);
}

// The sections whose "**Tests**:" list names the tests the phase adds
// ("**Unit**: `category-map.ts` routes unknown categories to Others"): a
// criterion there that names a check without an outcome ("confirm counts,
// sort, search, filters work + test results") means those tests.
std::set<std::size_t> tested_sections(const doc::Document& document) {
  return sections_proved_by(document, &is_tests_title);
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  std::optional<bool> done_list;  // looked up at the first criterion that refers to it
  std::optional<std::set<std::size_t>> verified;  // likewise
  std::optional<std::set<std::size_t>> tested;    // likewise
  for (const auto& phase : implementation::find_phases(context).phases) {
    if (phase.gated_by_commands) continue;  // the gate's commands prove its items
    for (const auto criterion : phase.criteria) {
      if (implementation::measurable(document, criterion) != implementation::Evidence::none)
        continue;
      if (!verified) verified = verified_sections(document);
      if (verified->count(enclosing_heading(document, criterion.begin))) continue;
      if (implementation::names_check(implementation::visible_text(document, criterion))) {
        if (!tested) tested = tested_sections(document);
        if (tested->count(enclosing_heading(document, criterion.begin))) continue;
      }
      if (implementation::is_done_title(implementation::visible_text(document, criterion))) {
        if (!done_list) done_list = has_done_list(document);
        if (*done_list) continue;
      }
      context.report(
          criterion,
          fmt::format("exit criterion \"{}\" of {} is not measurable; name the "
                      "command, test, file, HTTP check or number that proves it",
                      support::excerpt(implementation::visible_text(document, criterion), 60),
                      phase.name));
    }
  }
}

}  // namespace

extern const engine::RuleMeta exit_criteria_vague{
    .code = "HP704",
    .name = "exit-criteria-vague",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "An exit criterion names no command, test, file, HTTP check or number",
    .what_it_checks = R"md(
Every exit criterion (found as `exit-criteria-missing` describes: a table cell, a list item, the
text after a `**Checkpoint**:` label, …) must be *measurable*. A criterion is measurable when it
holds at least one of these, checked in this order (HTML comments do not count):

1. **code** — an inline code span (`` `pnpm build` ``, `` `GET /lots/42` ``) that is not a
   `[placeholder]`, or a fenced block inside the criterion;
2. **a URL** — a word containing `://`;
3. **a path** — a token that starts with `/`, `./`, `../` or `~/`; ends in `/`; has a slash
   and a last part with a short extension (`src/lots.ts`, `src/Lots.kt`); or is a file name with
   a common extension (`README.md`, `schema.sql`) — not `and/or`, `K/M/B` or `Next.js`;
4. **a number** — digits that start a word (`5`, `~6k`, `≥14`, `200ms`, `95%`, `HTTP 410`,
   `$0`) or the word `zero`, except ordinals and references: a number after `Phase`, `Step`,
   `Stage`, `Section`, `Part`, `Milestone`, `Task`, `Item` or `Todo`, after `§` or `#`, or inside
   a word (`e2e`, `v2`, `OAuth2`);
5. **a named check with its outcome** — one of the words `test(s)`, `spec(s)`, `suite(s)`,
   `build(s)`, `typecheck(s)`, `lint`, `linter`, `linting`, `compile(s)`, `compilation`, `CI`,
   `pipeline`, `benchmark(s)`, `curl`, `wget`, `checks`, `e2e`, `smoke`, `DoD` or the phrase
   "definition of done", **together with** one of `pass`, `passes`, `passed`, `passing`,
   `green`, `succeed(s/ed)`, `successfully`, `clean`, `match(es)`, `fail(s)`, `failing`
   ("Unit tests green", "Build passes", "Curl checks match").

An HTTP check is caught by these too: `GET /lots/L42` has a path, `returns 410` a number,
`https://preview.example.com/health` a URL.

A criterion is measurable too when its section (the innermost heading it is under, a task of the
phase) has a `**Verification:**` block (also `Verify`, `How to verify`, `Verification steps`, `Validation`) whose list
names a command or a check (one of the check words of 5 above; no outcome word is needed under
that label): "Acceptance criteria: Client rows render from the
row model" followed by "Verification: `pnpm typecheck`; focused DataGrid tests pass" is proved by
the commands that follow it.

The items under a phase's exit-criteria heading ("Milestone 1 test gate", "Phase 2 exit
criteria") are measurable when that heading's section gives the commands to run in a shell
fence ("Run and pass:" followed by a `sh` fence holding `pytest tests/e2e -q`): they say what
those commands show. A paragraph that ends with a colon ("Run and pass:", "**Assertions:**")
introduces the criteria after it and is not judged as one.

A criterion that names the Definition of Done under any of its labels ("every Definition of Done
item holds", "验收标准全部满足") is measurable too when the prompt's Definition of Done holds a
list: the session checks its items one by one.

A criterion that names a check without an outcome is measurable too when its section has a
`**Tests**:` list (also a `Tests`, `Required tests`, `Test plan` or `Testing` heading) whose items
name the tests or the files they cover: "confirm counts, sort, search, filters work + test
results" under a phase that lists "**Unit**: prefix-boost ranking …" means those tests. Only such
a criterion: "the workspace looks good" next to a tests list stays vague.

Anything else is vague and reported on the criterion, quoting it: "looks good", "done", "works",
"is complete", "as expected", "filters work + test results" with no tests listed (a check without
an outcome).

A prose paragraph is judged as one criterion; write criteria as a list to have each judged.
)md",
    .why_it_matters = R"md(
"Looks good" is decided by whoever reads it, and a session executing cold will always find that
its own work looks good. A criterion that names a command, a test, a file, an HTTP check or a
number can be rerun by the session, the reviewer and CI, and gives the same answer to each.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

| Phase | Goal | Deliverables | Exit Criteria |
|---|---|---|---|
| 1 | Handlers | Routes and services | Everything looks good |
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

| Phase | Goal | Deliverables | Exit Criteria |
|---|---|---|---|
| 1 | Handlers | Routes and services | `curl -s localhost:3000/lots/L42` returns HTTP 200 |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
