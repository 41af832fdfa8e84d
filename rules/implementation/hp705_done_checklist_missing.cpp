#include <fmt/format.h>

#include <algorithm>

#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Every phase of the plan has exit criteria: those are the items the session
// ticks off, so the Definition of Done need only state what the whole
// delivers, in a sentence if it likes.
bool every_phase_gated(const engine::RuleContext& context) {
  const auto& plan = implementation::find_phases(context);
  return !plan.phases.empty() &&
         std::all_of(plan.phases.begin(), plan.phases.end(),
                     [](const implementation::Phase& phase) { return !phase.criteria.empty(); });
}

// A sentence that defines done and says what it is: "Phase 0's \"done\"
// definition: list + detail pages live for all protocols, …" — a colon, then
// at least three words.
bool states_conditions(std::string_view sentence) {
  const auto colon = sentence.find(':');
  if (colon == std::string_view::npos) return false;
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : sentence.substr(colon + 1)) {
    const bool letter = !doc::is_space(c);
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 3;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  const auto topics = implementation::find_topics(document, &implementation::is_done_title);
  if (topics.empty()) {
    if (!implementation::asks_for_every_part(context)) return;
    const auto near = implementation::find_done_look_alike(document);
    if (near && near->in_running_text &&
        states_conditions(implementation::visible_text(document, near->range)) &&
        every_phase_gated(context)) {
      return;
    }
    if (near) {
      auto& finding = context.report(
          implementation::document_anchor(document),
          near->in_running_text
              ? fmt::format("no Definition of Done checklist was recognised; the closest is line "
                            "{}, running text that defines done (`{}`): give it a `## Definition "
                            "of Done` heading with a checklist of `- [ ]` items that must all hold "
                            "when the work is finished",
                            near->line, near->excerpt)
              : fmt::format("no Definition of Done was recognised; the closest is line {} (`{}`): "
                            "title it `## Definition of Done` with a checklist of `- [ ]` items "
                            "that must all hold when the work is finished",
                            near->line, near->excerpt));
      finding.related.push_back({near->range, near->in_running_text
                                                  ? "done is defined here, in running text"
                                                  : "the closest look-alike"});
      return;
    }
    context.report(implementation::document_anchor(document),
                   "no Definition of Done: add a `## Definition of Done` heading with a checklist "
                   "of `- [ ]` items that must all hold when the work is finished");
    return;
  }
  // A small task's Definition of Done may be one sentence of conditions, and
  // so may a plan's whose every phase has its exit criteria.
  if (implementation::is_small_task(context) || every_phase_gated(context)) return;
  // A numbered or bulleted list of conditions is a checklist as much as
  // `- [ ]` items are; only a Definition of Done with no list at all is one
  // the session cannot tick off.
  for (const auto& topic : topics) {
    for (const auto* item : doc::Document::within(document.list_items(), topic.body)) {
      const auto text = implementation::visible_text(document, item->content);
      // cmark-gfm reads an empty box ("- [ ]") as a plain item "[ ]".
      if (!text.empty() && text != "[ ]" && text != "[x]" && text != "[X]") return;
    }
  }
  context.report(topics.front().anchor,
                 "the Definition of Done has no checklist; list the conditions that must all hold "
                 "as `- [ ]` items");
}

}  // namespace

extern const engine::RuleMeta done_checklist_missing{
    .code = "HP705",
    .name = "done-checklist-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "No Definition of Done, or one without a list of conditions",
    .what_it_checks = R"md(
The prompt must end the work with a Definition of Done: a heading whose title holds one of the
Definition of Done labels — `Definition of Done`, `DoD`, `Acceptance criteria`, `Acceptance
checklist`, `Success criteria`, … and their forms in other languages (`Critérios de Aceitação`,
`最终交付标准`; the whole table is in `docs/implementation-prompts.md`) — or a paragraph labelled
so (`**Definition of Done**:`), holding at least one list item with text: `- [ ] …` boxes,
bullets or numbers, in the heading's text up to the next heading of the same or a higher level,
or in the list right below the label.

Reported on the title (the first level-1 heading) or line 1 when there is no Definition of Done
at all — naming the closest look-alike when a heading or label speaks of being done, complete,
finished, a checklist, acceptance or deliverables ("no Definition of Done was recognised; the
closest is line 12 (`Completion checklist`)"), else the sentence of running text that speaks of
a definition of done (`Phase 0's "done" definition: …`), never claiming outright that there is
none;
on the Definition of Done itself when it holds no list at all.

A *small task* (at most 80 lines, with a test command written as code; see
`docs/implementation-prompts.md`) may state its Definition of Done in one sentence of conditions
(`Definition of done: the transcript persists and all checks pass.`). So may a prompt whose
every phase has exit criteria — the phases' criteria are then the items the session ticks off —
under a Definition of Done label, or in a sentence of running text that defines done and says
what it is after a colon ("Phase 0's \"done\" definition: list + detail pages live for all
protocols, fully static, no database"; three words or more after the colon).
)md",
    .why_it_matters = R"md(
Exit criteria end phases; the Definition of Done ends the work. Without a checklist the
executing session declares victory after the last phase, however much is left; with one it keeps
going "until the definition of done is satisfied", and the reviewer can see which box is not
ticked.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Definition of Done

When the endpoint works.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

## Definition of Done

- [ ] `pnpm test` passes
- [ ] `docs/runbook.md` describes the endpoint
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
