#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using source::TextRange;

// The block quote or list item an unclosed fence ends with (cmark-gfm closes
// the fence with its container), or nullptr for a top-level fence, which runs
// to the end of the file.
const doc::Block* container_of(const doc::Document& document, const doc::Fence& fence) {
  const auto blocks = document.blocks();
  const auto own = std::find_if(blocks.begin(), blocks.end(), [&](const doc::Block& block) {
    return block.kind == doc::BlockKind::fence && block.range.begin == fence.range.begin;
  });
  if (own == blocks.end())
    return nullptr;
  // In source order, the parent is the nearest block before it that is less deep.
  for (auto at = own; at != blocks.begin();) {
    --at;
    if (at->depth >= own->depth)
      continue;
    const bool holds = at->kind == doc::BlockKind::item || at->kind == doc::BlockKind::block_quote;
    return holds && at->range.begin <= fence.range.begin ? &*at : nullptr;
  }
  return nullptr;
}

// Lines of `range` that would be ATX headings outside the fence, once the
// container's "> " and indentation are set aside: the first one's line and how many.
struct SwallowedHeadings {
  std::uint32_t first_line = 0;
  std::size_t count = 0;
};

SwallowedHeadings headings_in(const doc::Document& document, TextRange range) {
  SwallowedHeadings found;
  if (range.empty())
    return found;
  const auto& source = document.source();
  const auto last = source.line_of(range.end > range.begin ? range.end - 1 : range.begin);
  for (auto line = source.line_of(range.begin); line <= last; ++line) {
    auto text = source.line_text(line);
    while (!text.empty() && (text.front() == '>' || doc::is_blank(text.front()))) {
      text.remove_prefix(1);
    }
    std::size_t hashes = 0;
    while (hashes < text.size() && text[hashes] == '#')
      ++hashes;
    if (hashes == 0 || hashes > 6 || (hashes < text.size() && !doc::is_blank(text[hashes]))) {
      continue;
    }
    if (found.count++ == 0)
      found.first_line = line;
  }
  return found;
}

std::string_view container_name(const doc::Block& container) {
  return container.kind == doc::BlockKind::item ? "list item" : "block quote";
}

std::string message(const doc::Document& document, const doc::Fence& fence,
                    const doc::Block* container) {
  const auto& source = document.source();
  if (!container) {
    const auto swallowed = headings_in(document, fence.content);
    if (swallowed.count == 0) {
      return "this code fence is never closed, so it runs to the end of the file and everything "
             "after it is code; add the closing fence";
    }
    return fmt::format(
        "this code fence is never closed, so it runs to the end of the file: {} after it ({}line "
        "{}) {} read as code, not as sections; add the closing fence",
        swallowed.count == 1 ? std::string("the heading")
                             : fmt::format("the {} headings", swallowed.count),
        swallowed.count == 1 ? "" : "the first on ", swallowed.first_line,
        swallowed.count == 1 ? "is" : "are");
  }
  const auto end_line =
      source.line_of(container->range.end > container->range.begin ? container->range.end - 1
                                                                   : container->range.begin);
  return fmt::format(
      "this code fence is never closed, so it runs to the end of its {} (line {}) and the lines up "
      "to there are code; what follows the {} is read as usual; add the closing fence",
      container_name(*container), end_line, container_name(*container));
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto& source = document.source();
  const auto text = source.text();
  const auto nested = support::first_nested_opener(context);
  for (const auto& fence : document.fences()) {
    if (fence.closed)
      continue;
    const auto opening = source.line_range(source.line_of(fence.range.begin));
    // A fence nested in an earlier block shifts every pairing after it: this
    // one is left over because of that line, and closing it here fixes nothing.
    if (nested && nested->line < source.line_of(fence.range.begin)) {
      context.report({fence.range.begin, opening.end},
                     fmt::format("this code fence is never closed: it is left over because the "
                                 "fences are paired wrong from line {}, where a fence with a "
                                 "language sits inside another block (fence-in-fence); fix that "
                                 "line first",
                                 nested->line));
      continue;
    }
    const auto* container = container_of(document, fence);
    // The closing fence repeats the opening run, behind the container's "> "
    // and with its list markers turned into indentation.
    std::size_t run = 0;
    const auto fence_text = text.substr(fence.range.begin, opening.end - fence.range.begin);
    while (run < fence_text.size() && (fence_text[run] == '`' || fence_text[run] == '~') &&
           fence_text[run] == fence_text.front()) {
      ++run;
    }
    std::string closing;
    for (const char c : text.substr(opening.begin, fence.range.begin - opening.begin)) {
      closing.push_back(c == '>' || doc::is_blank(c) ? c : ' ');
    }
    closing += fence_text.substr(0, run);
    // Unsafe: the fence may have been meant to end earlier than where the fix closes it.
    std::optional<engine::Fix> fix;
    if (!container && doc::trim(document.text(fence.content)).empty()) {
      // A fence with nothing after it ("```" as the last line, left from a paste)
      // hides nothing: it only draws an empty code box. Say so, and remove it.
      const auto begin = source.line_range(source.line_of(fence.range.begin)).begin;
      context.report({fence.range.begin, opening.end},
                     "this code fence opens on the last line and nothing follows it: it closes no "
                     "block and draws an empty one; remove it")
          .fix = engine::Fix{"Remove the stray fence", engine::FixSafety::unsafe,
                             {{{begin, static_cast<std::uint32_t>(source.size())}, ""}}};
      continue;
    }
    if (container) {
      const auto end = container->range.end;
      fix = engine::Fix{
          fmt::format("Close the fence at the end of its {}", container_name(*container)),
          engine::FixSafety::unsafe,
          {{{end, end}, "\n" + closing}}};
    } else {
      const auto end = source.size();
      const bool ends_with_newline = end > 0 && text[end - 1] == '\n';
      fix =
          engine::Fix{"Close the fence at the end of the file",
                      engine::FixSafety::unsafe,
                      {{{end, end}, std::string(ends_with_newline ? "" : "\n") + closing + "\n"}}};
    }
    context.report({fence.range.begin, opening.end}, message(document, fence, container)).fix =
        std::move(fix);
  }
}

}  // namespace

extern const engine::RuleMeta unclosed_fence{
    .code = "HP005",
    .name = "unclosed-fence",
    .family = "Document",
    .profile = engine::every_file_profile,
    .summary = "A fenced code block is never closed",
    .what_it_checks = R"md(
A fenced code block (```` ``` ```` or `~~~`) must be closed by a fence of the same character and
at least the same length. An unclosed fence runs to the end of its container. At the top level
that is the end of the file: every heading after it is read as code, and the message counts
them. Inside a list item or a block quote it is the end of that item or quote: the lines up to
there are code, and what follows is read as usual.

When a fence with a language sits inside an earlier block ([HP014 fence-in-fence](HP014.md)),
every pairing after it is shifted, and an unclosed fence after that line is its symptom: the
message names that line, and no fix is offered.

A fence with nothing after it — a stray ```` ``` ```` as the last non-blank line, often left
from a paste — hides nothing; it is reported as such (it draws an empty code block), and its
unsafe fix removes it.

The unsafe fix adds the closing fence where the fence now ends — at the end of the file, or at
the end of its list item or block quote, indented to match; the fence may have been meant to
end earlier, so check where it belongs.
)md",
    .why_it_matters = R"md(
Everything up to where an unclosed fence ends becomes code: at the top level the headings that
follow stop being sections, and the calls and markers in them are no longer seen by the next
session, or by baton.
)md",
    .bad_example =
        "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
        "```\nSkill(\"develop\", \"--resume Phase2.Task1\")\n\n"
        "### 0.2 Required Document Reads\n\nNO DOCUMENTS TO READ\n",
    .good_example =
        "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
        "```\nSkill(\"develop\", \"--resume Phase2.Task1\")\n```\n\n"
        "### 0.2 Required Document Reads\n\nNO DOCUMENTS TO READ\n",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
