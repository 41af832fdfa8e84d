#pragma once

#include <string>
#include <string_view>

#include "engine/diagnostic.hpp"
#include "engine/rule.hpp"
#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// The LSP `source` of every diagnostic.
inline constexpr std::string_view diagnostic_source = "baton";

// Where a rule's page lives: `codeDescription.href` is the base (the
// configuration's rule_docs_url, else engine::default_rule_docs_url) plus "HP102.md".
std::string rule_docs_url(const engine::RuleMeta& rule, std::string_view base);

// 1 error, 2 warning, 3 information.
int lsp_severity(engine::Severity severity);

// A TextEdit {range, newText}.
json text_edit_json(const engine::TextEdit& edit, const PositionMapper& mapper);

// An LSP Diagnostic: range, severity, code, codeDescription, source, message,
// relatedInformation (same document) and, when the rule offers one, the fix
// as `data.fix` {title, safety, edits}.
json diagnostic_json(const engine::Diagnostic& diagnostic, const PositionMapper& mapper,
                     std::string_view uri, std::string_view docs_base);

// Every diagnostic of the analysis, as a JSON array.
json diagnostics_json(const Analysis& analysis, PositionEncoding encoding, std::string_view uri);

}  // namespace baton::lsp
