#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "engine/config.hpp"

namespace baton::cli {

inline constexpr const char* config_file_name = ".baton.json";

// A bad configuration file: the message names the file and the problem.
struct ConfigFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A configuration ready to apply: its `extends` merged in, and the directory
// its globs are relative to.
struct ResolvedConfig {
  engine::Config config;
  std::filesystem::path directory;
};

// Finds and loads `.baton.json` files: the nearest one above each linted
// file, or one file for everything when given (--config). Throws
// ConfigFailure on a bad file or an `extends` cycle.
class ConfigResolver {
 public:
  ConfigResolver(std::optional<std::filesystem::path> explicit_config, engine::Registry registry);

  // nullptr when no configuration applies.
  const ResolvedConfig* for_file(const std::filesystem::path& file);
  const ResolvedConfig* for_directory(const std::filesystem::path& directory);

  // What the configuration says about `file`, relative to the config's directory.
  static engine::FileSettings settings(const ResolvedConfig& resolved, const std::filesystem::path& file);

 private:
  const ResolvedConfig* load(const std::filesystem::path& file);
  engine::Config load_chain(const std::filesystem::path& file, std::vector<std::filesystem::path>& stack);

  std::optional<std::filesystem::path> explicit_config_;
  engine::Registry registry_;
  std::map<std::filesystem::path, std::optional<ResolvedConfig>> by_file_;
  std::map<std::filesystem::path, const ResolvedConfig*> by_directory_;
};

}  // namespace baton::cli
