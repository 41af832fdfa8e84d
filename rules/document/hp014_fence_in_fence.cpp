#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto nested = support::first_nested_opener(context);
  if (!nested) return;
  const auto& source = document.source();
  const auto& outer = *nested->outer;
  const auto opened = source.line_of(outer.range.begin);
  const auto row = doc::trim(source.line_text(nested->line));
  // Where the outer block really ends: its closing line, or the end of the file.
  const auto closes =
      outer.closed ? fmt::format("the bare fence on line {} closes the block of line {}",
                                 source.line_of(outer.range.end > 0 ? outer.range.end - 1 : 0), opened)
                   : fmt::format("the block of line {} runs to the end of the file", opened);
  // One finding: every later fence is paired off wrong from here, so later
  // nested lines are consequences of this one.
  context.report(source.line_range(nested->line),
                 fmt::format("`` {} `` is inside the code block opened on line {}, so it opens "
                             "nothing: {}, and every fence after it pairs with the wrong partner; "
                             "make the outer fence longer than the fences it holds, or close it "
                             "before this line",
                             support::excerpt(row, 40), opened, closes));
}

}  // namespace

extern const engine::RuleMeta fence_in_fence{
    .code = "HP014",
    .name = "fence-in-fence",
    .family = "Document",
    .profile = engine::every_file_profile,
    .summary = "A fence with a language sits inside another fenced block",
    .what_it_checks = R"md(
Inside a fenced code block, a line that would open a fence of its own — the same character
(`` ` `` or `~`), at least as many of them as the block's opening fence, then a language or info
string (```` ```python ````) — opens nothing: CommonMark reads it as code, and the next bare fence
closes the *outer* block. Every fence after that point pairs with the wrong partner: code is read
as prose and the prose and headings after it as code. Reported once, on the first such line.

A longer outer fence is the way to hold fences: ````` ```` ````` around a block that contains
```` ``` ```` lines is not reported.
)md",
    .why_it_matters = R"md(
A prompt that nests a ```` ```python ```` example inside a ```` ``` ```` block looks right in the
editor and falls apart when read: the phases after it render as code, and a session (or baton)
no longer sees their headings, calls or paths. The error is at the nested line; the unclosed
fence it leaves at the end of the file is only its symptom.
)md",
    .bad_example = "<!-- baton-profile implementation-prompt -->\n## Phase 3: Strategy builder\n\n```\nReplace the scanner. Keep this helper:\n"
                   "```python\ndef analyse(symbol):\n    ...\n```\nThen wire the page.\n```\n",
    .good_example = "<!-- baton-profile implementation-prompt -->\n## Phase 3: Strategy builder\n\n````\nReplace the scanner. Keep this helper:\n"
                    "```python\ndef analyse(symbol):\n    ...\n```\nThen wire the page.\n````\n",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
