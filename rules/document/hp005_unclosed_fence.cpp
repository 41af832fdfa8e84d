#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto& source = document.source();
  for (const auto& fence : document.fences()) {
    if (fence.closed) continue;
    const auto opening = source.line_range(source.line_of(fence.range.begin));
    // Unsafe: the fence may have been meant to end earlier than the end of the file.
    const auto line = doc::trim(document.text(opening));
    std::size_t run = 0;
    while (run < line.size() && (line[run] == '`' || line[run] == '~') && line[run] == line.front()) ++run;
    const auto end = source.size();
    const bool ends_with_newline = end > 0 && source.text()[end - 1] == '\n';
    context
        .report({fence.range.begin, opening.end},
                "this code fence is never closed, so everything after it is code; add the "
                "closing fence")
        .fix = engine::Fix{"Close the fence at the end of the file", engine::FixSafety::unsafe,
                           {{{end, end}, std::string(ends_with_newline ? "" : "\n") +
                                             std::string(line.substr(0, run)) + "\n"}}};
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
at least the same length. An unclosed fence runs to the end of its container — usually the end
of the document.

The unsafe fix adds the closing fence at the end of the file; the fence may have been meant to
end earlier, so check where it belongs.
)md",
    .why_it_matters = R"md(
Everything after an unclosed fence becomes code: the headings that follow stop being sections,
and the calls and markers in them are no longer seen by the next session, or by baton.
)md",
    .bad_example = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
                   "```\nSkill(\"develop\", \"--resume Phase2.Task1\")\n\n"
                   "### 0.2 Required Document Reads\n\nNO DOCUMENTS TO READ\n",
    .good_example = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
                    "```\nSkill(\"develop\", \"--resume Phase2.Task1\")\n```\n\n"
                    "### 0.2 Required Document Reads\n\nNO DOCUMENTS TO READ\n",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
