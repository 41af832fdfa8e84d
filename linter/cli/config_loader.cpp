#include "cli/config_loader.hpp"

#include <algorithm>

#include "cli/inputs.hpp"

namespace baton::cli {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal();
}

}  // namespace

ConfigResolver::ConfigResolver(std::optional<fs::path> explicit_config, engine::Registry registry)
    : explicit_config_(std::move(explicit_config)), registry_(registry) {
  if (explicit_config_ && !fs::is_regular_file(*explicit_config_)) {
    throw ConfigFailure("configuration file not found: " + explicit_config_->string());
  }
}

engine::Config ConfigResolver::load_chain(const fs::path& file, std::vector<fs::path>& stack) {
  if (std::find(stack.begin(), stack.end(), file) != stack.end()) {
    throw ConfigFailure(file.string() + ": `extends` forms a cycle");
  }
  std::string error;
  const auto text = read_file(file, error);
  if (!text) throw ConfigFailure("cannot read " + file.string() + ": " + error);
  auto parsed = engine::parse_config(*text, file.string(), registry_);
  if (auto* failure = std::get_if<engine::ConfigError>(&parsed)) throw ConfigFailure(failure->message);
  auto& config = std::get<engine::Config>(parsed);
  stack.push_back(file);
  engine::Config merged;
  bool have_base = false;
  for (const auto& base : config.extends) {
    const auto base_file = absolute_normal(file.parent_path() / base);
    if (!fs::is_regular_file(base_file)) {
      throw ConfigFailure(file.string() + ": extends \"" + base + "\", which does not exist");
    }
    auto loaded = load_chain(base_file, stack);
    merged = have_base ? engine::merge_config(merged, loaded) : std::move(loaded);
    have_base = true;
  }
  stack.pop_back();
  return have_base ? engine::merge_config(merged, config) : config;
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
    std::error_code ec;
    if (fs::is_regular_file(dir / config_file_name, ec)) {
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

engine::FileSettings ConfigResolver::settings(const ResolvedConfig& resolved, const fs::path& file) {
  const auto relative = absolute_normal(file).lexically_relative(resolved.directory);
  // Files outside the config's directory only get its rule settings.
  if (relative.empty() || *relative.begin() == "..") {
    engine::FileSettings outside;
    outside.rules = resolved.config.rules;
    return outside;
  }
  return engine::settings_for(resolved.config, relative.generic_string());
}

}  // namespace baton::cli
