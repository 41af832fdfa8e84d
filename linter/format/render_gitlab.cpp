#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format::detail {

namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlab_severity(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error:
      return "major";
    case engine::Severity::warning:
      return "minor";
    case engine::Severity::info:
      return "info";
  }
  return "major";
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

void append_hex(std::string& out, std::uint64_t value) {
  static constexpr char digits[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4)
    out += digits[(value >> shift) & 0xF];
}

// 32 hex digits (the size of the MD5 GitLab's examples use) from two FNV-1a
// passes with different offset bases.
std::string hash_hex(std::string_view text) {
  std::string hex;
  hex.reserve(32);
  append_hex(hex, fnv1a(text, 0xcbf29ce484222325ULL));
  append_hex(hex, fnv1a(text, 0x84222325cbf29ce4ULL));
  return hex;
}

}  // namespace

// GitLab Code Quality: one JSON array of {description, check_name,
// fingerprint, severity, location {path, lines {begin}}}.
void render_gitlab(std::span<const FileReport> reports, const RenderOptions&, std::ostream& out) {
  std::vector<std::vector<std::string>> fingerprints;
  fingerprints.reserve(reports.size());
  for (const auto& report : reports)
    fingerprints.push_back(report_fingerprints(report));

  std::set<std::string> used;
  Json issues = Json::array();
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    const auto& source = *report->source;
    const auto path = repository_path(source.path());
    const auto report_index = static_cast<std::size_t>(report - reports.data());
    const auto diagnostic_index = static_cast<std::size_t>(diagnostic - report->diagnostics.data());
    // The engine's identity is unique within a file and line-independent; the
    // path makes it unique across files. A file reported twice would repeat
    // identities, so a repeat is hashed again with a counter.
    const auto identity = path + '\0' + fingerprints[report_index][diagnostic_index];
    auto fingerprint = hash_hex(identity);
    for (int repeat = 2; !used.insert(fingerprint).second; ++repeat)
      fingerprint = hash_hex(identity + '\0' + std::to_string(repeat));

    const auto start = location_of(source, diagnostic->range.begin);
    Json issue;
    issue["description"] = diagnostic->message;
    issue["check_name"] = diagnostic->rule ? std::string(diagnostic->rule->code) + " " +
                                                 std::string(diagnostic->rule->name)
                                           : std::string("baton");
    issue["fingerprint"] = std::move(fingerprint);
    issue["severity"] = gitlab_severity(diagnostic->severity);
    issue["location"] = {{"path", path}, {"lines", {{"begin", start.line}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace baton::format::detail
