#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using doc::Document;
using source::TextRange;

// A heading or label that looks like a Definition of Done under a name the
// table does not hold ("Completion checklist", "When we are finished"): the
// message then names it rather than claim there is nothing.
bool looks_like_done(std::string_view title) {
  for (auto word : {"done", "checklist", "criteria", "complete", "completion", "finished",
                    "finish", "acceptance", "deliverable", "deliverables"}) {
    if (implementation::contains_word(title, word)) return true;
  }
  return false;
}

// A sentence of running text that defines done without a heading or label:
// "Phase 0's \"done\" definition: list + detail pages live …". Quotes and
// case are ignored. The range is the sentence that holds the phrase.
std::optional<TextRange> prose_done_definition(const Document& document) {
  static constexpr std::string_view phrases[] = {"definition of done", "done definition"};
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::paragraph) continue;
    const auto raw = document.text(block.range);
    // The paragraph folded to lower case without quotes and with blank runs
    // as one space; offsets[i] is where folded[i] came from.
    std::string folded;
    std::vector<std::uint32_t> offsets;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const auto c = static_cast<unsigned char>(raw[i]);
      if (c == '"' || c == '\'' || c == '`' || c == '*') continue;
      // Curly quotes: U+2018/2019/201C/201D are E2 80 98..9D.
      if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
          static_cast<unsigned char>(raw[i + 2]) >= 0x98 &&
          static_cast<unsigned char>(raw[i + 2]) <= 0x9D) {
        i += 2;
        continue;
      }
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank && (folded.empty() || folded.back() == ' ')) continue;
      folded.push_back(blank ? ' ' : static_cast<char>(std::tolower(c)));
      offsets.push_back(static_cast<std::uint32_t>(i));
    }
    for (const auto phrase : phrases) {
      const auto at = folded.find(phrase);
      if (at == std::string::npos) continue;
      const auto match_end = offsets[at + phrase.size() - 1] + 1;
      auto sentence = offsets[at];
      while (sentence > 0) {
        const auto before = raw.substr(0, sentence);
        if (before.ends_with(". ") || before.ends_with(".\n")) break;
        --sentence;
      }
      auto end = raw.find(". ", match_end);
      end = end == std::string_view::npos ? raw.size() : end + 1;
      return TextRange{block.range.begin + sentence,
                       block.range.begin + static_cast<std::uint32_t>(end)};
    }
  }
  return std::nullopt;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  const auto topics = implementation::find_topics(document, &implementation::is_done_title);
  if (topics.empty()) {
    if (!implementation::asks_for_every_part(context)) return;
    const auto near = implementation::find_topics(document, &looks_like_done);
    if (!near.empty()) {
      const auto& source = document.source();
      auto title = implementation::visible_text(document, near.front().anchor);
      title.erase(0, title.find_first_not_of("# "));
      auto& finding = context.report(
          implementation::document_anchor(document),
          fmt::format("no Definition of Done was recognised; the closest is line {} (`{}`): title "
                      "it `## Definition of Done` with a checklist of `- [ ]` items that must all "
                      "hold when the work is finished",
                      source.line_of(near.front().anchor.begin),
                      support::excerpt(title, 50)));
      finding.related.push_back({near.front().anchor, "the closest look-alike"});
      return;
    }
    if (const auto sentence = prose_done_definition(document)) {
      const auto& source = document.source();
      auto& finding = context.report(
          implementation::document_anchor(document),
          fmt::format("no Definition of Done checklist was recognised; the closest is line {}, "
                      "running text that defines done (`{}`): give it a `## Definition of Done` "
                      "heading with a checklist of `- [ ]` items that must all hold when the work "
                      "is finished",
                      source.line_of(sentence->begin),
                      support::excerpt(implementation::visible_text(document, *sentence), 60)));
      finding.related.push_back({*sentence, "done is defined here, in running text"});
      return;
    }
    context.report(implementation::document_anchor(document),
                   "no Definition of Done: add a `## Definition of Done` heading with a checklist "
                   "of `- [ ]` items that must all hold when the work is finished");
    return;
  }
  // A small task's Definition of Done may be one sentence of conditions.
  if (implementation::is_small_task(context)) return;
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

A *small task* (at most 80 lines, with a fenced test command; see `docs/implementation-prompts.md`)
may state its Definition of Done in one sentence of conditions
(`Definition of done: the transcript persists and all checks pass.`).
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
