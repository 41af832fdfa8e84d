#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/handoff_keywords.hpp"
#include "rules/generic/outline.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using source::TextRange;
using namespace std::string_view_literals;

// Fences that hold commands rather than program text.
constexpr std::string_view command_fence_infos[] = {"",        "sh",  "bash",       "shell",
                                                    "console", "zsh", "powershell", "ps1"};
// Headings of subsections that say how the work is checked.
constexpr std::string_view verification_heading_words[] = {
    "verif", "success criteria", "done when", "acceptance", "tests", "how to check"};

bool has_code(const doc::Document& document, TextRange range) {
  for (const auto* code : doc::Document::within(document.inline_code(), range)) {
    if (!doc::trim(document.text(code->content)).empty())
      return true;
  }
  return !doc::Document::within(document.fences(), range).empty();
}

// An item that hands its check to another section of the handoff by its
// title: `see "REMAINING OPEN SET" above`. The items there are judged there.
bool refers_to_section(const doc::Document& document, TextRange item) {
  const auto text = document.text(item);
  for (auto [open, close] : {std::pair{"\""sv, "\""sv}, std::pair{"\u201c"sv, "\u201d"sv}}) {
    for (auto at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1)) {
      const auto begin = at + open.size();
      const auto end = text.find(close, begin);
      if (end == std::string_view::npos) break;
      const auto quoted = doc::trim(text.substr(begin, end - begin));
      at = end;
      if (quoted.size() < 4) continue;
      for (const auto& heading : document.headings()) {
        if (doc::istarts_with(doc::trim(document.text(heading.text)), quoted)) return true;
      }
    }
  }
  return false;
}

// Two wordings of one item ("User confirmation that all links work" and
// "User confirms the links work"): three fifths of the shorter one's words of
// four or more letters are in the other.
std::vector<std::string> item_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (doc::is_alpha(c) || doc::is_digit(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      if (word.size() >= 4 && std::find(words.begin(), words.end(), word) == words.end())
        words.push_back(word);
      word.clear();
    }
  }
  return words;
}

bool same_item(std::string_view a, std::string_view b) {
  const auto left = item_words(a), right = item_words(b);
  if (left.empty() || right.empty()) return a == b;
  std::size_t shared = 0;
  for (const auto& word : left) shared += std::find(right.begin(), right.end(), word) != right.end();
  return 5 * shared >= 3 * std::min(left.size(), right.size());
}

// "Optional: add a harness ...", "(optional) tidy ...": offered, not asked.
bool optional_item(const doc::Document& document, const doc::ListItem& item) {
  auto text = doc::trim(document.text(item.content));
  while (!text.empty() && (text.front() == '*' || text.front() == '_' || text.front() == '('))
    text.remove_prefix(1);
  if (doc::istarts_with(text, "optional") || doc::istarts_with(text, "nice to have") ||
      doc::istarts_with(text, "maybe"))
    return true;
  // "Migrate off the legacy runtime when ready", "… if a clean lint output is desired".
  for (std::string_view condition : {"if desired", "is desired", "are desired", "when ready",
                                     "if needed", "if wanted", "if time permits"}) {
    if (support::find_phrase(text, condition) != std::string_view::npos)
      return true;
  }
  return false;
}

// "Decide how the runner is bundled": a decision to take, which no command proves.
bool decision_item(const doc::Document& document, const doc::ListItem& item) {
  auto text = doc::trim(document.text(item.content));
  while (!text.empty() && (text.front() == '*' || text.front() == '_'))
    text.remove_prefix(1);
  for (std::string_view verb : {"decide", "discuss", "choose between"}) {
    if (engine::keywords::starts_with_phrase(text, verb))
      return true;
  }
  return false;
}

// An item that says it is settled: "**#29 drift** — CLOSED and RELEASED",
// "✅ parser merged", "~~port the scanner~~".
bool settled_item(const doc::Document& document, const doc::ListItem& item) {
  const auto text = doc::trim(document.text(item.content));
  if (text.starts_with("\u2705") || text.starts_with("\u2714") ||
      (text.starts_with("~~") && text.ends_with("~~")))
    return true;
  for (std::string_view status : {"CLOSED", "DONE", "RESOLVED", "FIXED"}) {
    // Upper case, as a word: a status stamp, not "done" in a sentence.
    for (auto at = text.find(status); at != std::string_view::npos; at = text.find(status, at + 1)) {
      const bool before = at == 0 || !doc::is_alpha(text[at - 1]);
      const auto end = at + status.size();
      const bool after = end == text.size() || !doc::is_alpha(text[end]);
      if (before && after)
        return true;
    }
  }
  return false;
}

// A count under a bold label: "**Total pending:** 1 items", "**Scout → Shea:** 0".
// A fact about a queue, not a task.
bool count_item(const doc::Document& document, const doc::ListItem& item) {
  const auto text = doc::trim(document.text(item.content));
  if (!text.starts_with("**")) return false;
  const auto close = text.find("**", 2);
  if (close == std::string_view::npos) return false;
  const auto label = text.substr(2, close - 2);
  auto rest = text.substr(close + 2);
  if (!label.ends_with(':') && !rest.starts_with(':')) return false;
  if (rest.starts_with(':')) rest.remove_prefix(1);
  rest = doc::trim(rest);
  return !rest.empty() && doc::is_digit(rest.front());
}

// A section that checks its work as a whole: a command fence, or a
// subsection about verification.
bool verified_as_a_whole(const doc::Document& document, const generic::OutlineSection& section) {
  for (const auto* fence : doc::Document::within(document.fences(), section.body)) {
    for (auto info : command_fence_infos) {
      if (fence->info == info)
        return true;
    }
  }
  for (const auto* heading : doc::Document::within(document.headings(), section.body)) {
    const auto title = document.text(heading->text);
    for (auto word : verification_heading_words) {
      if (doc::ifind(title, word) != std::string_view::npos)
        return true;
    }
  }
  return false;
}

// A heading of a completed or optional part: its items are no work to verify.
bool not_work(std::string_view title) {
  for (std::string_view word : {"done", "completed", "finished", "optional", "future", "ideas",
                                "archived", "nice to have", "nice-to-have", "someday", "deferred",
                                "backlog"}) {
    if (support::find_phrase(title, word) != std::string_view::npos)
      return true;
  }
  return false;
}

// "Known issues / TODO": a list of what is wrong now, each item a fact about
// the state (with, at most, what to do about it), read by the next session
// as context; a task heading alone still asks for checks.
bool names_known_issues(std::string_view title) {
  for (std::string_view phrase : {"known issues", "known issue", "known bugs", "known problems",
                                  "known limitations", "caveats", "gotchas"}) {
    if (support::find_phrase(title, phrase) != std::string_view::npos)
      return true;
  }
  return false;
}

// "### Scenario D — the user reports a bug", "### If the release fails": a
// playbook for a case that may come, whose steps are a procedure, not the
// next session's tasks.
bool names_a_scenario(std::string_view title) {
  const auto words = engine::keywords::heading_words(title);
  for (std::string_view opening : {"scenario", "if", "when", "case", "시나리오", "escenario",
                                   "cenário", "szenario", "scénario"}) {
    if (engine::keywords::starts_with_phrase(words, opening))
      return true;
  }
  return false;
}

// "Prossimi passi consigliati (da decidere con l'utente)": proposals that wait
// for a decision, not the next session's work yet.
bool awaits_decision(std::string_view title) {
  for (std::string_view phrase : {"to decide", "to be decided", "da decidere", "a decidir",
                                  "à décider", "zu entscheiden", "decisions", "decision"}) {
    if (support::find_phrase(title, phrase) != std::string_view::npos)
      return true;
  }
  return false;
}

// "Phase 9 contains future/nice-to-have items:": the list after it is a menu.
// "Things deliberately NOT in scope right now:": the list after it is fenced off.
bool offers_rather_than_asks(std::string_view sentence) {
  for (std::string_view word : {"optional", "future", "nice to have", "nice-to-have", "someday", "ideas",
                                "not in scope", "out of scope", "non-goals", "not now"}) {
    if (support::find_phrase(sentence, word) != std::string_view::npos)
      return true;
  }
  return false;
}

// A paragraph that labels the list after it: "**Immediate next actions:**".
// Returns the label's words, or "" when the paragraph is no short label.
std::string_view label_of(const doc::Document& document, const doc::Block& block) {
  auto text = doc::trim(document.text(block.range));
  if (text.size() > 120 ||
      !(text.starts_with("**") || text.starts_with("__") || text.ends_with(':')))
    return {};
  return engine::keywords::heading_words(text);
}

// The top-level items of the task lists in a section's own text: in a task
// section ("Next steps"), every list not labelled as something else; in any
// resume section, a list labelled as tasks ("**Next actions:**").
void collect_tasks(const doc::Document& document, const generic::OutlineSection& section,
                   bool task_section, std::vector<const doc::ListItem*>& tasks) {
  std::string_view label;
  bool labelled = false;
  bool offered = false;  // the sentence before the list says its items are optional or future
  for (const auto* top : doc::Document::within(document.blocks(), section.own_body)) {
    const auto& block = *top;
    if (block.depth != 0)
      continue;
    if (block.kind == doc::BlockKind::paragraph) {
      const auto sentence = doc::trim(document.text(block.range));
      offered = sentence.ends_with(':') && offers_rather_than_asks(sentence);
      // A bold label decides for its list; a sentence ending in ':' only
      // when it names tasks ("Then, in order:" leaves the section's default).
      label = label_of(document, block);
      const auto text = doc::trim(document.text(block.range));
      const bool bold = text.starts_with("**") || text.starts_with("__");
      labelled = !label.empty() && (bold || !engine::keywords::task_keyword(label).empty());
      continue;
    }
    if (block.kind != doc::BlockKind::list) {
      labelled = false;
      offered = false;
      continue;
    }
    const bool tasks_here =
        !offered && (labelled ? !engine::keywords::task_keyword(label).empty() : task_section);
    labelled = false;
    offered = false;
    if (!tasks_here)
      continue;
    for (const auto* item : generic::top_level_items(document, block.range)) {
      if (!item->checked.value_or(false))
        tasks.push_back(item);
    }
  }
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto& source = document.source();
  const auto& sections = generic::outline(context);
  // A resume heading repeated at one level is a log of sessions, newest
  // first: only the first of them is the next session's.
  std::vector<std::pair<std::string_view, int>> seen;
  std::uint32_t covered = 0;  // a resume section inside another is judged with it
  // The same items listed again ("### Remaining" and "## Next Steps"): one finding.
  std::vector<std::string_view> reported;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& section = sections[i];
    if (section.resume_keyword.empty() || section.heading->range.begin < covered)
      continue;
    // "# Next session — kick-off prompt" is the document's title: the
    // sections under it are judged by their own headings.
    if (section.heading->level == 1 && section.heading == &document.headings().front() &&
        i + 1 < sections.size() && section.body.contains(sections[i + 1].heading->range.begin))
      continue;
    const std::pair<std::string_view, int> key{section.resume_keyword, section.heading->level};
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      continue;
    seen.push_back(key);
    covered = section.body.end;
    if (verified_as_a_whole(document, section) ||
        awaits_decision(document.text(section.heading->text)) ||
        names_known_issues(document.text(section.heading->text)))
      continue;
    // A subsection's lists are tasks when it or the section is a task heading.
    const bool task_parent =
        !engine::keywords::task_keyword(document.text(section.heading->text)).empty();
    std::vector<const doc::ListItem*> tasks;
    for (std::size_t j = i;
         j < sections.size() && (j == i || section.body.contains(sections[j].heading->range.begin));
         ++j) {
      const auto title = document.text(sections[j].heading->text);
      // A reading list inside a task section ("### Key files to study") names
      // files, not work.
      if (j != i && (not_work(title) || awaits_decision(title) || names_known_issues(title) ||
                     names_a_scenario(title) ||
                     !sections[j].reading_keyword.empty()))
        continue;
      collect_tasks(document, sections[j],
                    task_parent || !engine::keywords::task_keyword(title).empty(), tasks);
    }
    std::vector<const doc::ListItem*> unverified;
    bool repeated = false;  // every unverified item was reported under an earlier section
    for (const auto* item : tasks) {
      if (!has_code(document, item->range) && !refers_to_section(document, item->range) &&
          !optional_item(document, *item) && !decision_item(document, *item) &&
          !settled_item(document, *item) && !count_item(document, *item))
        unverified.push_back(item);
    }
    if (!unverified.empty()) {
      // A repeated list: every item matches an earlier one, and at least one
      // word for word (two items that merely resemble each other stay apart).
      const auto text_of = [&](const doc::ListItem* item) { return doc::trim(document.text(item->content)); };
      repeated =
          std::all_of(unverified.begin(), unverified.end(), [&](const doc::ListItem* item) {
            return std::any_of(reported.begin(), reported.end(),
                               [&](std::string_view earlier) { return same_item(earlier, text_of(item)); });
          }) &&
          std::any_of(unverified.begin(), unverified.end(), [&](const doc::ListItem* item) {
            return std::any_of(reported.begin(), reported.end(), [&](std::string_view earlier) {
              return item_words(earlier) == item_words(text_of(item));
            });
          });
      for (const auto* item : unverified) reported.push_back(doc::trim(document.text(item->content)));
    }
    if (unverified.empty() || repeated)
      continue;
    std::string lines;
    for (std::size_t k = 0; k < unverified.size() && k < 8; ++k) {
      lines += (k == 0 ? "" : ", ") + std::to_string(source.line_of(unverified[k]->range.begin));
    }
    if (unverified.size() > 8)
      lines += ", …";
    auto& finding = context.report(
        section.heading->range,
        fmt::format(
            "{} of the {} next steps under `{}` {} no check that proves {} done "
            "(line {}); give each a command in backticks, a test to run or a file to look at",
            unverified.size(), tasks.size(),
            support::excerpt(document.text(section.heading->text), 60),
            unverified.size() == 1 ? "names" : "name", unverified.size() == 1 ? "it" : "them",
            lines));
    for (const auto* item : unverified) {
      finding.related.push_back(
          {source.line_range(source.line_of(item->range.begin)), "no verification"});
    }
  }
}

}  // namespace

extern const engine::RuleMeta next_step_without_verification{
    .code = "HP407",
    .name = "next-step-without-verification",
    .family = "Tasks",
    .profile = "generic-handoff",
    .summary = "Next steps of a free-form handoff say no check that proves them done",
    .what_it_checks = R"md(
In a free-form handoff, the tasks of the next session are the top-level items of the lists in a
*task section* (`Next steps`, `Pending`, `TODO`, ... — the task headings of
[Free-form handoffs](../generic-handoffs.md)) and its subsections, except a list introduced by a
label that names something else (`**Blockers:**`), and the lists of any *resume section*
(`Start here`, `Current task`, ...) introduced by a task label (`**Next actions:**`). A resume
heading repeated at the same level (`## RESUME — ...` once per session) is a log, newest first:
only the first is read. Each must carry something runnable that proves it done: a command or a
test name in backticks, a fenced block, or a file to look at in backticks — or hand its check to
another section by quoting that section's title (`see "Remaining open set" above`): the items
there are judged there.

Not counted as tasks: checked items (`- [x]`), items offered rather than asked
(`Optional: …`, `(optional) …`, `Nice to have: …`, `Maybe …`, and items on a condition:
`… when ready`, `… if desired`, `… is desired`, `… if needed`, `… if wanted`, `… if time
permits`), decisions
to take (`Decide …`, `Discuss …`, `Choose between …`: no command proves them), items stamped
settled (`CLOSED`, `DONE`, `RESOLVED` or `FIXED` in capitals as a word, a leading ✅ or ✔, or
struck through with `~~`), counts under a bold label (`**Total pending:** 1 items`: a fact about
a queue), a list introduced by a sentence that calls its items optional, future
or out of scope ("… contains future/nice-to-have items:", "Things deliberately NOT in scope right
now:"), the document's title when
sections follow it (`# Next session — kick-off prompt` is a title, not a task list), the items of reading subsections (`### Key files to study`), and the items of subsections whose heading says
the work is done, completed, optional, future, archived, deferred, nice-to-have or backlog. A
section (or subsection) whose heading says its items wait for a decision — `to decide`, `to be
decided`, `da decidere`, `a decidir`, `à décider`, `zu entscheiden`, `decision(s)` ("Prossimi
passi consigliati (da decidere con l'utente)", "What's left (operator decisions)") — is not read for tasks: they are proposals, not work yet; nor is
one whose heading names known issues — `Known issues`, `Known bugs`, `Known limitations`,
`Caveats`, `Gotchas`, also beside a task word (`Known issues / TODO`) — whose items say what is
wrong now, facts the next session reads as context. Nor are the subsections of a playbook, whose
heading opens on a case that may come — `Scenario`, `If`, `When`, `Case` (`### Scenario D — the
user reports a bug`, `### If the release fails`, also `시나리오`, `Escenario`, `Cenário`,
`Szenario`, `Scénario`): their steps are a procedure for that case. A section that checks its work as a
whole — it holds a shell fence, or a subsection about verification, success criteria, acceptance
or tests — is not reported.

One finding per section, on its heading, with the items that lack a check as related locations;
a section whose unchecked items were all reported under an earlier section — the same list
repeated, at least one item word for word and the others reworded — is not reported again.
)md",
    .why_it_matters = R"md(
"Missing verification = not done." A next step without a check is finished whenever the next
session says so; with one, it is finished when the command passes. Spelling out the command is
also the fastest way to tell the next session what "done" means.
)md",
    .bad_example = R"md(# Handoff

## Next steps

- Make the escape tests pass
- Port the number scanner
)md",
    .good_example = R"md(# Handoff

## Next steps

- Make the escape tests pass: `ctest -R escapes`
- Port the number scanner; `tests/numbers.txt` must parse
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
