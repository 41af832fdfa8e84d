#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/diagnostic.hpp"
#include "engine/lint.hpp"

namespace baton::lsp {

// One lint of an open document: the document model (for symbols, hover and
// code actions) and its diagnostics, whose ranges are byte ranges into it.
struct Analysis {
  doc::Document document;
  std::vector<engine::Diagnostic> diagnostics;
};

// ---------------------------------------------------------------------------
// HOOK(config): the one place the LSP resolves configuration for a document.
// `path` is the file system path of the document (from its file:// URI; other
// URIs are passed as they are). Until `.baton.json` discovery lands in the
// engine, this returns the default options. Plug the CLI's discovery in here
// (nearest .baton.json, `extends`, per-glob overrides, `off`, ignores); when
// a file is ignored by configuration, return `ignored = true`.
// The server calls `on_configuration_changed()` (see server.cpp) when a
// `.baton.json` changes; any cache kept here must be dropped there.
// ---------------------------------------------------------------------------
struct DocumentSettings {
  engine::LintOptions options;
  bool ignored = false;  // configuration excludes the file: no diagnostics
};
// The nearest `.baton.json` (as the CLI finds it) applied to `path`; a bad
// configuration lints with the defaults. Configurations are cached until
// forget_configuration() (the server calls it when a .baton.json changes).
DocumentSettings settings_for_document(std::string_view path);
void forget_configuration();

// Lints an open document exactly as `baton check` lints a file: the one
// function the server calls for diagnostics.
Analysis lint_open_document(std::string_view path, std::string text);

}  // namespace baton::lsp
