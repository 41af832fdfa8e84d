#pragma once

#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// textDocument/completion: after "## ", "### " or "#### " at the start of a
// line, the canonical section headings of the layout (SECTION 0: …, 0.1 …,
// Step 0: …); on a line of plain text, the explicit markers (NO ACTIVE SKILL -
// proceed to 0.2, NO DOCUMENTS TO READ, …). An empty list otherwise.
json completion(const Analysis& analysis, PositionEncoding encoding, Position position);

}  // namespace baton::lsp
