#pragma once

#include <string_view>

#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// textDocument/documentSymbol: the numbered sections as an outline,
// SECTION 0 → 0.1 …, SECTION 1 → 1.1 → 1.1.1, SECTION 2 → Step 0 …; a
// section's range runs to the end of its body, its selectionRange is the
// heading. Clients without hierarchical support get a flat
// SymbolInformation list with containerName.
json document_symbols(const Analysis& analysis, PositionEncoding encoding, std::string_view uri,
                      bool hierarchical);

}  // namespace baton::lsp
