#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "format/report.hpp"

namespace baton::cli {

// Known findings a team accepts for now, keyed by file, rule and content
// fingerprint (not line numbers), so edits elsewhere in a file do not bring
// them back.
class Baseline {
 public:
  using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint

  // Reads a baseline written by write(); an error message on failure.
  static std::variant<Baseline, std::string> read(const std::filesystem::path& path);
  // Writes the findings of `reports` atomically; an error message on failure.
  static std::optional<std::string> write(const std::filesystem::path& path,
                                          std::span<const format::FileReport> reports);

  // Drops the findings the baseline knows (each entry absorbs one finding),
  // or with `keep_known` marks them suppressed (external, justified by
  // `origin`, the baseline's path); either way the others are marked new.
  // Findings already suppressed inline are left alone.
  void filter(std::vector<format::FileReport>& reports, const std::string& origin, bool keep_known);
  // Entries that matched nothing: fixed findings, to be removed from the file.
  std::size_t stale() const;

 private:
  std::map<Key, int> remaining_;
};

}  // namespace baton::cli
