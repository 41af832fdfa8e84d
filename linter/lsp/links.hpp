#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// "/a/b c.md" → "file:///a/b%20c.md" (the inverse of uri_to_path).
std::string path_to_uri(std::string_view path);

// textDocument/documentLink: the absolute paths of Read("/abs") calls and of
// the "Path" columns of tables, each a link to its file when `exists` says
// the file is there (a link to nothing would only mislead).
json document_links(const Analysis& analysis, PositionEncoding encoding,
                    const std::function<bool(std::string_view path)>& exists);

}  // namespace baton::lsp
