#pragma once

#include <optional>

#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// textDocument/hover: over a rule named in a `baton-disable…` directive, or
// over a diagnostic, the rule's documentation (docs/rules/<CODE>.md, from the
// registry). nullopt when there is nothing to show.
std::optional<json> hover(const Analysis& analysis, PositionEncoding encoding, Position position,
                          bool markdown);

}  // namespace baton::lsp
