#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/diagnostic.hpp"
#include "engine/config_resolver.hpp"
#include "engine/lint.hpp"
#include "engine/rule.hpp"
#include "lsp/settings.hpp"

namespace baton::lsp {

// One lint of an open document: the document model (for symbols, hover and
// code actions) and its diagnostics, whose ranges are byte ranges into it.
struct Analysis {
  doc::Document document;
  std::vector<engine::Diagnostic> diagnostics;
  // The profile and why ("generic-handoff", "name: file name `HANDOFF.md`"):
  // shown in hover on the title, as the CLI prints "checked as ..."; empty
  // for an ignored file.
  std::string profile;
  std::string profile_reason;
  // The base of the rule pages that codeDescription links to (rule_docs_url
  // of the configuration, else the default).
  std::string rule_docs_url = std::string(engine::default_rule_docs_url);
};

struct DocumentSettings {
  engine::LintOptions options;
  doc::Limits limits;    // max_file_size from the configuration
  bool ignored = false;  // configuration excludes the file: no diagnostics
  std::optional<std::string> rule_docs_url;
};

// The nearest `.baton.json` (found by `resolver` exactly as the CLI finds it)
// applied to `path`, the document's file system path, then the editor's
// settings on top, as command-line options go on top in the CLI. A bad
// configuration lints with the defaults (the CLI reports it); no resolver
// means defaults.
DocumentSettings settings_for_document(std::string_view path, engine::ConfigResolver* resolver,
                                       const EditorSettings& editor = {});

// A text linted as `baton check` lints the file `path`: its document model
// and the whole lint result (profile and diagnostics).
struct CheckedText {
  doc::Document document;
  engine::LintResult result;
  bool ignored = false;  // the configuration excludes the file: nothing was linted
  std::optional<std::string> rule_docs_url;  // the configuration's, when it sets one
};

// Lints `text` under the configuration of `path` (no resolver: defaults);
// `profile` forces a profile as --profile does; `editor` is the language
// server's settings on top of the configuration. A file the configuration
// ignores gets no diagnostics. The language server, the MCP server and the
// Claude Code hook all lint through here.
CheckedText check_text(std::string_view path, std::string text, engine::ConfigResolver* resolver,
                       std::optional<engine::Profile> profile = std::nullopt,
                       const EditorSettings& editor = {});

// Lints an open document exactly as `baton check` lints a file: the one
// function the server calls for diagnostics.
Analysis lint_open_document(std::string_view path, std::string text,
                            engine::ConfigResolver* resolver = nullptr,
                            const EditorSettings& editor = {});

}  // namespace baton::lsp
