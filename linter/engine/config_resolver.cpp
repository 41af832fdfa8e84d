#include "engine/config_resolver.hpp"

#include <algorithm>

#include <fstream>
#include <sstream>

namespace baton::engine {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal();
}

}  // namespace

ConfigFiles system_config_files() {
  ConfigFiles files;
  files.read = [](const fs::path& path, std::string& error) -> std::optional<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error = "cannot read the file";
      return std::nullopt;
    }
    // `text << in.rdbuf()` fails on an empty file, which is bad JSON, not unreadable.
    std::ostringstream text;
    if (in.peek() != std::ifstream::traits_type::eof()) text << in.rdbuf();
    if (in.bad()) {
      error = "cannot read the file";
      return std::nullopt;
    }
    return text.str();
  };
  files.is_file = [](const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
  };
  return files;
}

ConfigResolver::ConfigResolver(std::optional<fs::path> explicit_config, Registry registry,
                               ConfigFiles files)
    : explicit_config_(std::move(explicit_config)), registry_(registry), files_(std::move(files)) {
  if (explicit_config_ && !files_.is_file(*explicit_config_)) {
    throw ConfigFailure("configuration file not found: " + explicit_config_->string());
  }
}

Config ConfigResolver::load_chain(const fs::path& file, std::vector<fs::path>& stack) {
  if (std::find(stack.begin(), stack.end(), file) != stack.end()) {
    throw ConfigFailure(file.string() + ": `extends` forms a cycle");
  }
  std::string error;
  const auto text = files_.read(file, error);
  if (!text) throw ConfigFailure("cannot read " + file.string() + ": " + error);
  auto parsed = parse_config(*text, file.string(), registry_);
  if (auto* failure = std::get_if<ConfigError>(&parsed)) throw ConfigFailure(failure->message);
  auto& config = std::get<Config>(parsed);
  stack.push_back(file);
  Config merged;
  bool have_base = false;
  for (const auto& base : config.extends) {
    const auto base_file = absolute_normal(file.parent_path() / base);
    if (!files_.is_file(base_file)) {
      throw ConfigFailure(file.string() + ": extends \"" + base + "\", which does not exist");
    }
    auto loaded = load_chain(base_file, stack);
    merged = have_base ? merge_config(merged, loaded) : std::move(loaded);
    have_base = true;
  }
  stack.pop_back();
  if (!have_base) return config;
  auto chain = merge_config(merged, config);
  if (auto problem = check_profile_references(chain)) throw ConfigFailure(file.string() + ": " + *problem);
  return chain;
}

const ResolvedConfig* ConfigResolver::load(const fs::path& file) {
  const auto key = absolute_normal(file);
  if (auto it = by_file_.find(key); it != by_file_.end()) return it->second ? &*it->second : nullptr;
  std::vector<fs::path> stack;
  auto config = load_chain(key, stack);
  auto& slot = by_file_[key];
  slot = ResolvedConfig{std::move(config), key.parent_path()};
  return &*slot;
}

const ResolvedConfig* ConfigResolver::for_directory(const fs::path& directory) {
  if (explicit_config_) return load(*explicit_config_);
  const auto start = absolute_normal(directory);
  if (auto it = by_directory_.find(start); it != by_directory_.end()) return it->second;
  const ResolvedConfig* found = nullptr;
  for (auto dir = start;; dir = dir.parent_path()) {
    if (files_.is_file(dir / config_file_name)) {
      found = load(dir / config_file_name);
      break;
    }
    if (dir == dir.parent_path()) break;
  }
  by_directory_[start] = found;
  return found;
}

const ResolvedConfig* ConfigResolver::for_file(const fs::path& file) {
  return for_directory(absolute_normal(file).parent_path());
}

FileSettings ConfigResolver::settings(const ResolvedConfig& resolved, const fs::path& file) {
  const auto relative = absolute_normal(file).lexically_relative(resolved.directory);
  // Files outside the config's directory only get its rule settings.
  if (relative.empty() || *relative.begin() == "..") {
    FileSettings outside;
    outside.rules = resolved.config.rules;
    for (const auto& [name, spec] : resolved.config.profile_definitions) outside.profile_definitions.push_back(spec);
    return outside;
  }
  return settings_for(resolved.config, relative.generic_string());
}

std::optional<std::string> enclosing_work_tree(const fs::path& file) {
  std::error_code ec;
  auto directory = fs::absolute(file, ec).lexically_normal().parent_path();
  if (ec) return std::nullopt;
  while (true) {
    if (fs::exists(directory / ".git", ec)) return directory.string();
    const auto parent = directory.parent_path();
    if (parent == directory || parent.empty()) return std::nullopt;
    directory = parent;
  }
}

}  // namespace baton::engine
