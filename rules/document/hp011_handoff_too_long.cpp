#include <fmt/format.h>

#include <algorithm>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// What one Claude Code Read call returns: the first 2,000 lines, and about
// 25,000 tokens, taken here as 100,000 bytes at 4 bytes a token. Fixed:
// they are Claude Code's, not the project's (severity is configurable).
constexpr std::uint32_t read_call_lines = 2000;
constexpr std::uint32_t read_call_bytes = 100000;

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  // A file past baton's own limits is HP009's or HP010's alone (the engine does not
  // run every-file rules on it; checked here too, as the message would be wrong).
  if (document.exceeded_limit())
    return;
  const auto& source = document.source();
  const auto text = source.text();
  const auto newlines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
  const std::uint32_t lines = newlines + (!text.empty() && text.back() != '\n' ? 1 : 0);
  const std::uint32_t bytes = source.size();
  if (lines <= read_call_lines && bytes <= read_call_bytes)
    return;
  // The first line a single Read call does not show.
  std::uint32_t first_unread = read_call_lines + 1;
  if (bytes > read_call_bytes)
    first_unread = std::min(first_unread, source.line_of(read_call_bytes));
  first_unread = std::clamp<std::uint32_t>(first_unread, 1, std::max<std::uint32_t>(lines, 1));
  context.report(
      source.line_range(first_unread),
      fmt::format("this handoff is {} lines and {} bytes (about {} tokens), more than one Read "
                  "call shows ({} lines, about {} tokens or {} bytes); the next session would "
                  "not see it whole from here on",
                  lines, bytes, bytes / 4, read_call_lines, read_call_bytes / 4, read_call_bytes));
}

}  // namespace

extern const engine::RuleMeta handoff_too_long{
    .code = "HP011",
    .name = "handoff-too-long",
    .family = "Document",
    .profile = engine::every_file_profile,
    .summary = "The handoff is longer than one Claude Code Read call shows",
    .what_it_checks = R"md(
Claude Code's Read tool returns at most 2,000 lines of a file, and about 25,000 tokens of it. A
handoff longer than that is reported once, on the first line a single Read call would not show.
baton counts the lines (a last line without a newline counts) and takes 4 bytes a token, so the
byte limit is 100,000. The message gives the file's lines, its bytes and its estimated tokens.

The limits are Claude Code's and are not configurable; the rule's severity is (set `HP011` to
`off` in `.baton.json` for documents that are never read whole). A file past baton's own size or
nesting limits is reported by HP009 or HP010 alone.

The bad example below is reported once its pasted log runs on to 2,000 lines; it is shortened here.
)md",
    .why_it_matters = R"md(
The next session reads the handoff with one Read call and acts on what it saw. Whatever lies past
the cut (often the verification checklist, the machine-readable state and Section 2) is silently
missing: the session starts without it and does not know it. `baton generate` keeps its output
within these limits by summarising long lists; a hand-edited handoff should stay within them too.
)md",
    .bad_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

The build log, pasted whole (2,000 lines of it):

    build step 1 ok
    build step 2 ok
)md",
    .good_example = R"md(# Notes for tomorrow
<!-- baton-profile spellbook-handoff -->

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
