#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include <functional>

#include "engine/config.hpp"

namespace baton::engine {

inline constexpr const char* config_file_name = ".baton.json";

// A bad configuration file: the message names the file and the problem.
struct ConfigFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A configuration ready to apply: its `extends` merged in, and the directory
// its globs are relative to.
struct ResolvedConfig {
  Config config;
  std::filesystem::path directory;
};

// How the resolver reads configuration files; the CLI and the language
// server use the real file system, tests may inject another.
struct ConfigFiles {
  std::function<std::optional<std::string>(const std::filesystem::path&, std::string& error)> read;
  std::function<bool(const std::filesystem::path&)> is_file;
};
ConfigFiles system_config_files();

// Finds and loads `.baton.json` files: the nearest one above each linted
// file, or one file for everything when given (--config). Throws
// ConfigFailure on a bad file or an `extends` cycle.
// The git work tree `file` lies in: the nearest directory above it holding a
// `.git` directory or file (a worktree or submodule). A handoff committed
// there is read by a session started at that root, so it is the default
// project root when the configuration declares none.
std::optional<std::string> enclosing_work_tree(const std::filesystem::path& file);

class ConfigResolver {
 public:
  ConfigResolver(std::optional<std::filesystem::path> explicit_config, Registry registry,
                 ConfigFiles files = system_config_files());

  // nullptr when no configuration applies.
  const ResolvedConfig* for_file(const std::filesystem::path& file);
  const ResolvedConfig* for_directory(const std::filesystem::path& directory);

  // What the configuration says about `file`, relative to the config's directory.
  static FileSettings settings(const ResolvedConfig& resolved, const std::filesystem::path& file);

 private:
  const ResolvedConfig* load(const std::filesystem::path& file);
  Config load_chain(const std::filesystem::path& file, std::vector<std::filesystem::path>& stack);

  std::optional<std::filesystem::path> explicit_config_;
  Registry registry_;
  ConfigFiles files_;
  std::map<std::filesystem::path, std::optional<ResolvedConfig>> by_file_;
  std::map<std::filesystem::path, const ResolvedConfig*> by_directory_;
};

}  // namespace baton::engine
