#pragma once

#include <string_view>
#include <vector>

#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// The kind of the "fix all safe problems" source action, for codeActionsOnSave.
inline constexpr std::string_view fix_all_kind = "source.fixAll.baton";

// Whether `kind` is requested by a `context.only` list (absent: everything).
bool kind_requested(std::string_view kind, const std::vector<std::string>& only);

// The edits that disable `diagnostic`'s rule for its line: a trailing
// `<!-- baton-disable-line CODE -->` (or the code added to the one already
// there), or, inside a code block where a comment would be code, a
// `baton-disable`/`baton-enable` pair around the block. Empty when no such
// comment can be placed (front matter).
std::vector<engine::TextEdit> disable_for_line_edits(const Analysis& analysis,
                                                     const engine::Diagnostic& diagnostic);

// Every safe fix of the document, non-overlapping (first come, first kept),
// sorted by position.
std::vector<engine::TextEdit> fix_all_edits(const Analysis& analysis);

// textDocument/codeAction: for each diagnostic touching `range`, its fix
// (quickfix, preferred when safe) and "disable for this line"; then
// source.fixAll.baton when there are safe fixes.
json code_actions(const Analysis& analysis, std::string_view uri, PositionEncoding encoding,
                  const Range& range, const std::vector<std::string>& only);

}  // namespace baton::lsp
