#include <fmt/format.h>

#include "engine/handoff_keywords.hpp"
#include "rules/generic/outline.hpp"
#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// "**Next steps:** ..." or "Next: run the tests" opening a paragraph or list item.
bool labelled_resume_line(std::string_view line) {
  while (!line.empty() && (line.front() == '*' || line.front() == '_' || line.front() == '-' ||
                           line.front() == '>' || doc::is_blank(line.front()))) {
    line.remove_prefix(1);
  }
  const auto keyword = engine::keywords::resume_keyword(line);
  if (keyword.empty())
    return false;
  auto rest = line.substr(keyword.size());
  while (!rest.empty() && (rest.front() == '*' || rest.front() == '_'))
    rest.remove_prefix(1);
  return rest.starts_with(':');
}

// "## Phase 4 — Fasting timer" after "## Current state (end of Phase 3)": a
// plan of phases ahead is where the next session resumes, unless the heading
// says the phase is behind ("Phase 2 (done)"; "✅ Phase 1" is no phase title).
bool open_phase_heading(std::string_view title) {
  if (!implementation::is_phase_title(title))
    return false;
  for (std::string_view settled : {"done", "complete", "completed", "finished", "shipped",
                                   "merged", "closed"}) {
    if (support::find_phrase(title, settled) != std::string_view::npos)
      return false;
  }
  return true;
}

// "## 13. Improvement roadmap", "## 2. Yo'l xaritasi", "## Proposed v1 scope":
// the way ahead. Read here rather than as resume headings, which would make any
// README with a roadmap and a TODO list look like a handoff.
bool names_work_ahead(std::string_view title) {
  for (std::string_view word : {"roadmap", "road map", "yo'l xaritasi"}) {
    if (support::find_phrase(title, word) != std::string_view::npos)
      return true;
  }
  // "## Proposed v1 scope", "## Proposed fix": the work the handoff hands over.
  return engine::keywords::starts_with_phrase(engine::keywords::heading_words(title), "proposed");
}

// Word beginnings of a heading that may name the resume point in words the
// tables do not hold ("Specific TODOs the agent can pick up", "Where things
// are now", "Prossime attività"). Each held-out round of real handoffs found
// new ones, and a "never says" that is wrong teaches users to switch the rule
// off: with such a heading baton cannot tell, and says nothing.
constexpr std::string_view resume_stems[] = {
    "next",    "todo",     "to-do",    "task",     "remain",   "pending",  "priorit",
    "resum",   "continu",  "start",    "upcoming", "ahead",    "backlog",  "follow",
    "plan",    "prossim",  "próxim",   "proxim",   "prochain", "suivant",  "nächst",
    "naechst", "pendient", "pendent",  "siguient", "seguint",  "successiv", "weiter"};
constexpr std::string_view resume_words[] = {"left", "now", "where", "open", "fare", "hacer",
                                             "fazer", "faire", "offen"};

bool may_name_resume_point(std::string_view title) {
  std::size_t at = 0;
  while (at < title.size()) {
    while (at < title.size() && !(doc::is_alpha(title[at]) || static_cast<unsigned char>(title[at]) >= 0x80))
      ++at;
    const auto begin = at;
    while (at < title.size() && (doc::is_alpha(title[at]) || static_cast<unsigned char>(title[at]) >= 0x80 ||
                                 title[at] == '-'))
      ++at;
    const auto word = title.substr(begin, at - begin);
    if (word.empty()) continue;
    for (auto stem : resume_stems) {
      if (doc::istarts_with(word, stem)) return true;
    }
    for (auto whole : resume_words) {
      if (doc::iequals(word, whole)) return true;
    }
  }
  return false;
}

// A heading whose words are in a script without case (CJK, Korean, Thai,
// Cyrillic, …) after its numbering: the tables hold only some of their
// resume words, so their absence proves nothing.
bool in_another_script(std::string_view title) {
  const auto words = engine::keywords::heading_words(title);
  // Lead bytes C3-C9 are Latin letters (U+00C0-U+024F: é, ñ, Ł, ş); from CA on, other scripts.
  return !words.empty() && static_cast<unsigned char>(words.front()) >= 0xCA;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto& section : generic::outline(context)) {
    if (!section.resume_keyword.empty())
      return;
    const auto title = document.text(section.heading->text);
    if (section.heading->level <= 3 && (open_phase_heading(title) || names_work_ahead(title)))
      return;
  }
  for (const auto& heading : document.headings()) {
    const auto title = implementation::visible_text(document, heading.text);
    if (heading.level <= 3 && (may_name_resume_point(title) || in_another_script(title)))
      return;
  }
  const auto& source = document.source();
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::paragraph)
      continue;
    if (labelled_resume_line(source.line_text(source.line_of(block.range.begin))))
      return;
  }
  // On the title when there is one: that is where a reader looks for the outline.
  const auto headings = document.headings();
  context.report(headings.empty() ? source.line_range(1) : headings.front().range,
                 "the handoff never says where the next session resumes; add a section such as "
                 "`## Next steps`, `## Current task` or `## Where we left off` (the headings baton "
                 "recognises are listed in docs/generic-handoffs.md)");
}

}  // namespace

extern const engine::RuleMeta resume_point_missing{
    .code = "HP408",
    .name = "resume-point-missing",
    .family = "Tasks",
    .profile = "generic-handoff",
    .summary = "A free-form handoff has no section that says where to resume",
    .what_it_checks = R"md(
A free-form handoff must name where the next session picks up: a heading that starts with one of
the *resume headings* of [Free-form handoffs](../generic-handoffs.md) — `Next steps`,
`What's next`, `Current task`, `Where we left off`, `Resume`, `Pending`, `TODO`, `Start here`,
`Remaining`, `In progress` and their variants, after any emoji or numbering — or a paragraph
that opens with such a label and a colon (`**Next steps:** ...`), or a roadmap (a heading of
level 1 to 3 that says `roadmap`, `road map` or `yo'l xaritasi`: `## 13. Improvement roadmap`),
or a proposal (a heading of level 1 to 3 that starts with `Proposed`: `## Proposed v1 scope`),
or a plan of the phases ahead:
a heading of level 1 to 3 that is a phase title as implementation prompts read it — `Phase`,
`Milestone` or `Stage` and a number or capital, after an outline number if any
(`## Phase 4 — Fasting timer`, `## 6. Milestone B`) — and does not say the phase is behind it (`done`, `complete`,
`completed`, `finished`, `shipped`, `merged`, `closed`, or an emoji before it). The finding is
on the first heading.

Not reported either when baton cannot tell: a heading of level 1 to 3 has a word that may name
the resume point in terms the tables lack — one that begins with `next`, `todo`, `task`,
`remain`, `pending`, `priorit`, `resum`, `continu`, `start`, `upcoming`, `ahead`, `backlog`,
`follow`, `plan` or their Italian, Spanish, Portuguese, French and German forms (`prossim`,
`próxim`, `prochain`, `nächst`, `pendient`, …), or is `left`, `now`, `where`, `open` (`## 1.
Where things are now`, `## Specific TODOs`) — or a heading is written in a script other than
Latin (Chinese, Japanese, Korean, Thai, Cyrillic, …), whose resume words the tables hold only in
part. On real handoffs nobody here had seen, most findings of this rule were wrong for a word
the tables did not hold ([realworld.md](../realworld.md)); saying nothing is better than saying
"never" wrongly.
)md",
    .why_it_matters = R"md(
A handoff that records what was done but not what to do next leaves the fresh session to guess
its first move from a history it never saw. The resume point is the one thing a handoff cannot
leave out.
)md",
    .bad_example = R"md(# Handoff

## What was done this session

The parser accepts every fixture; the escape tests were written.
)md",
    .good_example = R"md(# Handoff

## What was done this session

The parser accepts every fixture; the escape tests were written.

## Next steps

- Make the escape tests pass: `ctest -R escapes`
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
