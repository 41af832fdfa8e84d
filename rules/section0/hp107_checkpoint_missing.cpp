#include <fmt/format.h>

#include <array>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

struct Question {
  std::string_view what;  // used in the message
  std::array<std::string_view, 4> words;  // unused slots stay empty
};

// The three checks of spellbook's checkpoint: skill invoked, documents read,
// todos restored. Any of the words counts as asking the question.
const Question questions[] = {
    {"whether the skill was invoked", {"skill"}},
    {"whether the documents were read", {"document", "documents", "docs", "read"}},
    {"whether the todos were restored", {"todo", "todos"}},
};

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "0.4");
  if (!section) return;
  const auto body = document.text(section->body);
  std::vector<std::string_view> missing;
  for (const auto& question : questions) {
    const bool asked = std::any_of(question.words.begin(), question.words.end(), [&](auto word) {
      return !word.empty() && support::find_phrase(body, word) != std::string_view::npos;
    });
    if (!asked) missing.push_back(question.what);
  }
  if (missing.empty()) return;
  const auto message =
      missing.size() == std::size(questions)
          ? std::string("0.4 has no restoration checkpoint; ask whether the skill was invoked, "
                        "the documents read and the todos restored")
          : fmt::format("0.4 checkpoint does not ask {}", fmt::join(missing, " or "));
  context.report(support::heading_range(document, *section), message);
}

}  // namespace

extern const engine::RuleMeta checkpoint_missing{
    .code = "HP107",
    .name = "checkpoint-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.4 does not check that the skill, documents and todos were restored",
    .what_it_checks = R"md(
0.4 Restoration Checkpoint must ask the three restoration questions: was the skill invoked, were
the documents read, were the todos restored. baton looks for each in the subsection's text (a
mention of the skill; of documents, docs or reading; of todos) and reports the heading when any
is missing.
)md",
    .why_it_matters = R"md(
The checkpoint is where the next session stops and verifies that 0.1–0.3 actually ran before it
reads the context in Section 1. "If ANY fails, fix before continuing" only works if every check
is asked.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.4 Restoration Checkpoint

Make sure everything is ready.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.4 Restoration Checkpoint

**STOP. Before reading Section 1, verify:**
- [ ] Skill invoked (or confirmed no active skill)?
- [ ] Documents read (or confirmed none needed)?
- [ ] Todos restored?
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
