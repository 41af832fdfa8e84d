#include "cli/baseline.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

#include "cli/fix_output.hpp"
#include "cli/inputs.hpp"
#include "engine/fingerprint.hpp"
#include "engine/rule.hpp"

namespace baton::cli {

namespace {

constexpr int baseline_version = 1;

std::string file_key(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

template <typename Visit>
void each_finding(std::span<const format::FileReport> reports, Visit visit) {
  for (const auto& report : reports) {
    const auto fingerprints = engine::fingerprints(report.diagnostics, *report.source);
    for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
      if (report.diagnostics[i].suppression) continue;  // silenced inline: not a finding to accept
      visit(report, i, Baseline::Key{file_key(report.source->path()),
                                     std::string(report.diagnostics[i].rule->code), fingerprints[i]});
    }
  }
}

}  // namespace

std::variant<Baseline, std::string> Baseline::read(const std::filesystem::path& path) {
  std::string error;
  const auto text = read_file(path, error);
  if (!text) return "cannot read baseline " + path.string() + ": " + error;
  Baseline baseline;
  try {
    const auto json = nlohmann::json::parse(*text);
    if (json.value("version", 0) != baseline_version || !json.contains("findings")) {
      return path.string() + " is not a baton baseline (version " + std::to_string(baseline_version) + ")";
    }
    for (const auto& entry : json.at("findings")) {
      ++baseline.remaining_[{entry.at("file").get<std::string>(), entry.at("rule").get<std::string>(),
                             entry.at("fingerprint").get<std::string>()}];
    }
  } catch (const nlohmann::json::exception& exception) {
    return path.string() + " is not a valid baseline: " + exception.what();
  }
  return baseline;
}

std::optional<std::string> Baseline::write(const std::filesystem::path& path,
                                           std::span<const format::FileReport> reports) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  each_finding(reports, [&](const format::FileReport& report, std::size_t i, const Key& key) {
    const auto& diagnostic = report.diagnostics[i];
    findings.push_back({{"file", std::get<0>(key)},
                        {"rule", std::get<1>(key)},
                        {"fingerprint", std::get<2>(key)},
                        // For readers; matching ignores it.
                        {"line", report.source->position_of(diagnostic.range.begin).line},
                        {"message", diagnostic.message}});
  });
  const nlohmann::ordered_json json = {{"version", baseline_version}, {"findings", findings}};
  const auto text = json.dump(2) + "\n";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    // write_atomically replaces a file; create an empty one to replace.
    std::ofstream create(path, std::ios::binary);
    if (!create) return "cannot create " + path.string();
  }
  if (auto failure = write_atomically(path, text)) return "cannot write " + path.string() + ": " + *failure;
  return std::nullopt;
}

void Baseline::filter(std::vector<format::FileReport>& reports, const std::string& origin,
                      bool keep_known) {
  for (auto& report : reports) {
    const auto fingerprints = engine::fingerprints(report.diagnostics, *report.source);
    std::vector<engine::Diagnostic> kept;
    for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
      auto& diagnostic = report.diagnostics[i];
      if (diagnostic.suppression) {
        kept.push_back(std::move(diagnostic));
        continue;
      }
      const Key key{file_key(report.source->path()), std::string(diagnostic.rule->code), fingerprints[i]};
      const auto it = remaining_.find(key);
      const bool known = it != remaining_.end() && it->second > 0;
      if (known) --it->second;
      if (known && !keep_known) continue;
      diagnostic.baseline_state = known ? engine::BaselineState::unchanged : engine::BaselineState::new_finding;
      if (known) diagnostic.suppression = engine::Suppression{engine::Suppression::Kind::external, origin};
      kept.push_back(std::move(diagnostic));
    }
    report.diagnostics = std::move(kept);
  }
}

std::size_t Baseline::stale() const {
  std::size_t count = 0;
  for (const auto& [key, left] : remaining_) count += static_cast<std::size_t>(left);
  return count;
}

}  // namespace baton::cli
