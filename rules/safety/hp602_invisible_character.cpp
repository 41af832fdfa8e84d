#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "rules/rules.hpp"
#include "rules/safety/invisible.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Distinct code points named in one message; the rest are counted.
constexpr std::size_t max_named = 4;

// "U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE ×3": distinct code
// points in order of first appearance.
std::string describe(const safety::InvisibleRun& run) {
  std::vector<std::pair<std::uint32_t, std::size_t>> counts;
  for (const auto code_point : run.code_points) {
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& c) { return c.first == code_point; });
    if (found == counts.end()) {
      counts.emplace_back(code_point, 1);
    } else {
      ++found->second;
    }
  }
  std::string list;
  for (std::size_t i = 0; i < counts.size() && i < max_named; ++i) {
    if (i > 0)
      list += ", ";
    list += fmt::format("U+{:04X} {}", counts[i].first, safety::invisible_name(counts[i].first));
    if (counts[i].second > 1)
      list += fmt::format(" \u00D7{}", counts[i].second);
  }
  if (counts.size() > max_named)
    list += fmt::format(" and {} other kinds", counts.size() - max_named);
  return list;
}

void check(engine::RuleContext& context) {
  const auto text = context.document().source().text();
  for (const auto& run : safety::find_invisible_runs(text)) {
    const auto count = run.code_points.size();
    const bool reorders =
        std::any_of(run.code_points.begin(), run.code_points.end(), safety::is_bidi_control);
    const auto spelled = safety::tag_text(run);
    const auto it = count == 1 ? "it" : "them";
    std::string message =
        count == 1 ? "invisible character " : fmt::format("{} invisible characters ", count);
    message += describe(run);
    if (!spelled.empty())
      message += fmt::format(" (the tag characters spell \"{}\")", support::excerpt(spelled, 60));
    message +=
        reorders
            ? fmt::format(
                  ": {} reorder{} the text around {}, so what a reviewer sees is not what the "
                  "agent reads; remove {}",
                  count == 1 ? "it" : "they", count == 1 ? "s" : "", count == 1 ? "it" : "them", it)
            : fmt::format(": the agent reads {}, a reviewer does not see {}; remove {}", it, it,
                          it);
    const source::TextRange range{static_cast<std::uint32_t>(run.offset),
                                  static_cast<std::uint32_t>(run.offset + run.length)};
    context.report(range, std::move(message)).fix = engine::Fix{
        count == 1 ? "Remove the invisible character" : "Remove the invisible characters",
        engine::FixSafety::safe,
        {{range, ""}}};
  }
}

}  // namespace

extern const engine::RuleMeta invisible_character{
    .code = "HP602",
    .name = "invisible-character",
    .family = "Safety",
    .profile = engine::every_file_profile,
    .summary = "The prompt contains invisible or text-reordering Unicode characters",
    .what_it_checks = R"md(
The whole file — prose, code blocks, tables and HTML comments alike — must not contain characters
that are invisible or that reorder the text around them:

- zero-width characters: U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH NON-JOINER, U+200D ZERO
  WIDTH JOINER, U+2060 WORD JOINER, U+2061–U+2064 (invisible operators), and U+FEFF ZERO WIDTH
  NO-BREAK SPACE anywhere but at the very start of the file, where it is a byte order mark;
- bidirectional controls: U+200E and U+200F (the direction marks), U+202A–U+202E (embeddings and
  overrides, such as U+202E RIGHT-TO-LEFT OVERRIDE) and U+2066–U+2069 (isolates);
- tag characters U+E0000–U+E007F, which shadow ASCII and can spell a whole hidden sentence: the
  message shows what they spell.

Adjacent characters are one finding, whose message lists each code point with its Unicode name
(and how often it repeats). Not reported, because they spell something: a zero width joiner
between two emoji (👩‍💻, 🏳️‍🌈), a zero width joiner or non-joiner between two letters of a
script that needs them (Arabic and Persian, the Indic scripts, Tibetan, Myanmar, Khmer,
Mongolian), and the tag characters of an emoji subdivision flag (U+1F3F4, tag letters, U+E007F
CANCEL TAG). Invalid UTF-8 is passed over.

The safe fix removes the characters.
)md",
    .why_it_matters = R"md(
A handoff is executed by an agent with the user's permissions. A reviewer reads the prompt in an
editor or a rendered page; the agent reads its code points. Invisible characters let the two
diverge: a right-to-left override makes the characters after it display backwards, so a command or
a path reads as something harmless (the "Trojan Source" technique), zero-width characters split a
word so that a reviewer's search does not find it, and tag characters carry a whole instruction
that no one sees. A handoff has no use for any of them; pasted ones are removed without loss.
)md",
    .bad_example =
        "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration (EXECUTE FIRST)\n\n"
        "```\nSkill(\"develop\", \"--resume Phase2.Task3\")\n```\n\n"
        "### 0.2 Required Document Reads (EXECUTE SECOND)\n\n"
        "NO DOCUMENTS TO READ\n\nClean up with `rm -rf build/\u202Etxt.*` first.\n",
    .good_example =
        "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration (EXECUTE FIRST)\n\n"
        "```\nSkill(\"develop\", \"--resume Phase2.Task3\")\n```\n\n"
        "### 0.2 Required Document Reads (EXECUTE SECOND)\n\n"
        "NO DOCUMENTS TO READ\n",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::safe,
    .check = &check,
};

}  // namespace baton::rules
