#include "lsp/diagnostics.hpp"

namespace baton::lsp {

std::string rule_docs_url(const engine::RuleMeta& rule, std::string_view base) {
  return std::string(base) + std::string(rule.code) + ".md";
}

int lsp_severity(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error:
      return 1;
    case engine::Severity::warning:
      return 2;
    case engine::Severity::info:
      return 3;
  }
  return 1;
}

json text_edit_json(const engine::TextEdit& edit, const PositionMapper& mapper) {
  return {{"range", mapper.range(edit.range)}, {"newText", edit.replacement}};
}

json diagnostic_json(const engine::Diagnostic& diagnostic, const PositionMapper& mapper,
                     std::string_view uri, std::string_view docs_base) {
  json out = {{"range", mapper.range(diagnostic.range)},
              {"severity", lsp_severity(diagnostic.severity)},
              {"source", diagnostic_source},
              {"message", diagnostic.message}};
  if (diagnostic.rule) {
    out["code"] = diagnostic.rule->code;
    out["codeDescription"] = {{"href", rule_docs_url(*diagnostic.rule, docs_base)}};
  }
  if (!diagnostic.related.empty()) {
    auto related = json::array();
    for (const auto& location : diagnostic.related) {
      related.push_back({{"location", {{"uri", uri}, {"range", mapper.range(location.range)}}},
                         {"message", location.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
    auto edits = json::array();
    for (const auto& edit : diagnostic.fix->edits)
      edits.push_back(text_edit_json(edit, mapper));
    out["data"] = {{"fix",
                    {{"title", diagnostic.fix->title},
                     {"safety", engine::to_string(diagnostic.fix->safety)},
                     {"edits", std::move(edits)}}}};
  }
  return out;
}

json diagnostics_json(const Analysis& analysis, PositionEncoding encoding, std::string_view uri) {
  const PositionMapper mapper(analysis.document.source(), encoding);
  auto items = json::array();
  for (const auto& diagnostic : analysis.diagnostics)
    items.push_back(diagnostic_json(diagnostic, mapper, uri, analysis.rule_docs_url));
  return items;
}

}  // namespace baton::lsp
