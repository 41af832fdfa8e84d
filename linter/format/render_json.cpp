#include <algorithm>
#include <nlohmann/json.hpp>

#include "baton/version.hpp"
#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format::detail {

namespace {

using Json = nlohmann::ordered_json;

void put_range(Json& object, const source::SourceFile& source, source::TextRange range) {
  const auto start = location_of(source, range.begin);
  const auto end = location_of(source, std::max(range.begin, range.end));
  object["line"] = start.line;
  object["column"] = start.column;
  object["end_line"] = end.line;
  object["end_column"] = end.column;
}

Json fix_json(const source::SourceFile& source, const engine::Fix& fix) {
  Json edits = Json::array();
  for (const auto& edit : fix.edits) {
    Json item;
    put_range(item, source, edit.range);
    item["replacement"] = edit.replacement;
    edits.push_back(std::move(item));
  }
  return Json{
      {"title", fix.title}, {"safety", engine::to_string(fix.safety)}, {"edits", std::move(edits)}};
}

}  // namespace

// Exactly one object: {version, files, checked_files, diagnostics, summary}. Keys keep this
// order; text that is not UTF-8 is written with U+FFFD in place of bad bytes.
void render_json(std::span<const FileReport> reports, const RenderOptions&, std::ostream& out) {
  Json diagnostics = Json::array();
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    const auto& source = *report->source;
    Json item;
    item["file"] = source.path();
    put_range(item, source, diagnostic->range);
    item["rule"] = rule_code(*diagnostic);
    item["name"] = rule_name(*diagnostic);
    item["severity"] = engine::to_string(diagnostic->severity);
    item["message"] = diagnostic->message;
    if (diagnostic->fix)
      item["fix"] = fix_json(source, *diagnostic->fix);
    if (!diagnostic->related.empty()) {
      Json related = Json::array();
      for (const auto& location : diagnostic->related) {
        Json entry;
        put_range(entry, source, location.range);
        entry["message"] = location.message;
        related.push_back(std::move(entry));
      }
      item["related"] = std::move(related);
    }
    diagnostics.push_back(std::move(item));
  }

  const auto counts = count_severities(reports);
  Json document;
  document["version"] = baton::version;
  document["files"] = reports.size();
  // Every file linted, with its profile and how it was chosen, in path order.
  std::vector<const FileReport*> by_path;
  for (const auto& report : reports) by_path.push_back(&report);
  std::stable_sort(by_path.begin(), by_path.end(), [](const FileReport* a, const FileReport* b) {
    return a->source->path() < b->source->path();
  });
  Json checked = Json::array();
  for (const auto* report : by_path) {
    checked.push_back(Json{{"file", report->source->path()},
                           {"profile", report->profile.name},
                           {"detected_by", report->profile.detected_by}});
  }
  document["checked_files"] = std::move(checked);
  document["diagnostics"] = std::move(diagnostics);
  document["summary"] = {
      {"errors", counts.errors}, {"warnings", counts.warnings}, {"infos", counts.infos}};
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace baton::format::detail
