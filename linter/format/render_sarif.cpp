#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "baton/version.hpp"
#include "engine/rule.hpp"
#include "format/renderers.hpp"
#include "format/rule_docs.hpp"
#include "source/unicode.hpp"

namespace baton::format::detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view information_uri = "https://github.com/baton-lint/baton";
constexpr std::string_view source_root = "%SRCROOT%";
// GitHub code scanning rejects longer short and full descriptions.
constexpr std::size_t max_description_bytes = 1024;

std::string_view sarif_level(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error:
      return "error";
    case engine::Severity::warning:
      return "warning";
    case engine::Severity::info:
      return "note";
  }
  return "error";
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n";
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos)
    return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// At most `max_description_bytes`, cut between code points and marked with
// an ellipsis when cut.
std::string description(std::string_view text, std::string_view fallback) {
  text = trimmed(text);
  if (text.empty())
    text = fallback;
  if (text.size() <= max_description_bytes)
    return std::string(text);
  constexpr std::string_view ellipsis = "\u2026";
  std::size_t end = 0;
  while (end < text.size()) {
    const auto length = codepoint_length(text, end);
    if (end + length > max_description_bytes - ellipsis.size())
      break;
    end += length;
  }
  return std::string(text.substr(0, end)).append(ellipsis);
}

// {uri, uriBaseId}: a path relative to the directory baton ran in (taken as
// the repository root) becomes a relative URI under %SRCROOT%; an absolute
// path a file:// URI of its own.
Json artifact_location(std::string_view display_path) {
  const auto path = repository_path(display_path);
  if (!path.empty() && path.front() == '/')
    return Json{{"uri", "file://" + source::percent_encode_path(path)}};
  const bool drive = path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) &&
                     path[1] == ':' && path[2] == '/';
  if (drive)
    return Json{{"uri", "file:///" + path.substr(0, 2) + source::percent_encode_path(path.substr(2))}};
  return Json{{"uri", source::percent_encode_path(path)}, {"uriBaseId", source_root}};
}

Json region(const source::SourceFile& source, source::TextRange range) {
  const auto start = location_of(source, range.begin);
  const auto end = location_of(source, std::max(range.begin, range.end));
  return Json{{"startLine", start.line},
              {"startColumn", start.column},
              {"endLine", end.line},
              {"endColumn", end.column}};
}

Json physical_location(const source::SourceFile& source, source::TextRange range) {
  return Json{{"artifactLocation", artifact_location(source.path())},
              {"region", region(source, range)}};
}

Json rule_descriptor(const engine::RuleMeta& rule, const std::string& docs_url) {
  std::ostringstream help_text;
  print_rule_text(rule, help_text);
  Json descriptor;
  descriptor["id"] = rule.code;
  descriptor["name"] = rule.name;
  descriptor["shortDescription"] = {{"text", description(rule.summary, rule.name)}};
  descriptor["fullDescription"] = {
      {"text", description(rule.what_it_checks, description(rule.summary, rule.name))}};
  descriptor["helpUri"] = docs_url + std::string(rule.code) + ".md";
  descriptor["help"] = {{"text", help_text.str()}, {"markdown", rule_page_markdown(rule)}};
  descriptor["defaultConfiguration"] = {{"level", sarif_level(rule.default_severity)}};
  // An opt-in rule is off unless enabled (SARIF's reportingConfiguration.enabled).
  if (rule.opt_in) descriptor["defaultConfiguration"]["enabled"] = false;
  Json tags = Json::array();
  if (!rule.family.empty())
    tags.push_back(rule.family);
  descriptor["properties"] = {{"tags", std::move(tags)}};
  return descriptor;
}

// A SARIF fix: one artifactChange of replacements (deletedRegion +
// insertedContent; an empty region inserts). The safety is in the
// description for people and in properties for tools.
Json sarif_fix(const source::SourceFile& source, const engine::Fix& fix) {
  Json replacements = Json::array();
  for (const auto& edit : fix.edits) {
    replacements.push_back(
        Json{{"deletedRegion", region(source, edit.range)}, {"insertedContent", {{"text", edit.replacement}}}});
  }
  const auto safety = engine::to_string(fix.safety);
  const auto flag = fix.safety == engine::FixSafety::unsafe ? " (unsafe fix: --fix --unsafe-fixes)"
                                                            : " (safe fix: --fix)";
  return Json{{"description", {{"text", fix.title + flag}}},
              {"artifactChanges",
               Json::array({Json{{"artifactLocation", artifact_location(source.path())},
                                 {"replacements", std::move(replacements)}}})},
              {"properties", {{"safety", safety}}}};
}

Json sarif_suppression(const engine::Suppression& suppression) {
  const bool in_source = suppression.kind == engine::Suppression::Kind::in_source;
  Json entry{{"kind", in_source ? "inSource" : "external"}, {"status", "accepted"}};
  if (!suppression.justification.empty())
    entry["justification"] = in_source ? suppression.justification
                                       : "recorded in the baseline " + suppression.justification;
  return entry;
}

// The rules of the run's descriptors: the registry (or, without one, the rules
// that fired, by code), plus any rule that fired and is not in it.
std::vector<const engine::RuleMeta*> described_rules(std::span<const FileReport> reports,
                                                     engine::Registry registry) {
  std::vector<const engine::RuleMeta*> rules(registry.begin(), registry.end());
  std::vector<const engine::RuleMeta*> extra;
  auto known = [&](const engine::RuleMeta* rule) {
    auto same = [rule](const engine::RuleMeta* other) { return other->code == rule->code; };
    return std::any_of(rules.begin(), rules.end(), same) ||
           std::any_of(extra.begin(), extra.end(), same);
  };
  for (const auto& report : reports) {
    for (const auto& diagnostic : report.diagnostics) {
      if (diagnostic.rule && !known(diagnostic.rule))
        extra.push_back(diagnostic.rule);
    }
  }
  std::stable_sort(extra.begin(), extra.end(),
                   [](const auto* a, const auto* b) { return a->code < b->code; });
  rules.insert(rules.end(), extra.begin(), extra.end());
  return rules;
}

}  // namespace

// SARIF 2.1.0 as GitHub code scanning ingests it: one run, a descriptor per
// rule, one result per diagnostic with a region and partialFingerprints.
void render_sarif(std::span<const FileReport> reports, const RenderOptions& options,
                  std::ostream& out) {
  const auto rules = described_rules(reports, options.rules);
  std::map<std::string_view, std::size_t> rule_index;
  Json descriptors = Json::array();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    rule_index.emplace(rules[i]->code, i);
    descriptors.push_back(rule_descriptor(*rules[i], options.rule_docs_url));
  }

  std::vector<std::vector<std::string>> fingerprints;
  fingerprints.reserve(reports.size());
  for (const auto& report : reports)
    fingerprints.push_back(report_fingerprints(report));

  Json results = Json::array();
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    const auto& source = *report->source;
    Json result;
    if (diagnostic->rule) {
      result["ruleId"] = diagnostic->rule->code;
      result["ruleIndex"] = rule_index.at(diagnostic->rule->code);
    }
    result["level"] = sarif_level(diagnostic->severity);
    result["message"] = {{"text", diagnostic->message}};
    result["locations"] =
        Json::array({Json{{"physicalLocation", physical_location(source, diagnostic->range)}}});
    const auto report_index = static_cast<std::size_t>(report - reports.data());
    const auto diagnostic_index = static_cast<std::size_t>(diagnostic - report->diagnostics.data());
    result["partialFingerprints"] = {
        {"primaryLocationLineHash", fingerprints[report_index][diagnostic_index]}};
    if (!diagnostic->related.empty()) {
      Json related = Json::array();
      for (const auto& location : diagnostic->related) {
        related.push_back(Json{{"physicalLocation", physical_location(source, location.range)},
                               {"message", {{"text", location.message}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    if (diagnostic->fix && diagnostic->fix->safety != engine::FixSafety::none &&
        !diagnostic->fix->edits.empty())
      result["fixes"] = Json::array({sarif_fix(source, *diagnostic->fix)});
    if (diagnostic->suppression)
      result["suppressions"] = Json::array({sarif_suppression(*diagnostic->suppression)});
    if (diagnostic->baseline_state != engine::BaselineState::not_compared)
      result["baselineState"] =
          diagnostic->baseline_state == engine::BaselineState::unchanged ? "unchanged" : "new";
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "baton";
  driver["version"] = baton::version;
  driver["semanticVersion"] = baton::version;
  driver["informationUri"] = information_uri;
  driver["rules"] = std::move(descriptors);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["originalUriBaseIds"] = {
      {source_root,
       {{"description",
         {{"text", "The directory baton ran in, normally the root of the repository."}}}}}};
  run["columnKind"] = "unicodeCodePoints";
  // Every file linted, with the profile it was checked under: SARIF keeps
  // per-file facts on the run's artifacts.
  Json artifacts = Json::array();
  std::vector<const FileReport*> by_path;
  for (const auto& report : reports) by_path.push_back(&report);
  std::stable_sort(by_path.begin(), by_path.end(), [](const FileReport* a, const FileReport* b) {
    return a->source->path() < b->source->path();
  });
  for (const auto* report : by_path) {
    artifacts.push_back(Json{{"location", artifact_location(report->source->path())},
                             {"properties",
                              {{"profile", report->profile.name},
                               {"profileDetectedBy", report->profile.detected_by}}}});
  }
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);

  Json log;
  log["$schema"] = sarif_schema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace baton::format::detail
