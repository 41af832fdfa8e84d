#include <filesystem>
#include "engine/config.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "document/text_scan.hpp"
#include "engine/glob.hpp"

namespace baton::engine {

namespace {

using json = nlohmann::json;

constexpr std::string_view top_level_keys[] = {"$schema", "extends", "rules", "overrides",
                                                "profiles", "ignore", "profile_definitions",
                                                "max_file_size", "project_root", "rule_docs_url"};
constexpr std::string_view override_keys[] = {"files", "rules", "profile"};

std::string list_of(std::span<const std::string_view> keys) {
  std::string out;
  for (auto key : keys) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

bool known(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Reads a string or an array of strings.
std::optional<std::string> read_strings(const json& value, std::string_view where,
                                        std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return std::nullopt;
  }
  if (!value.is_array()) return fmt::format("{} must be a string or an array of strings", where);
  for (const auto& item : value) {
    if (!item.is_string()) return fmt::format("{} must contain only strings", where);
    out.push_back(item.get<std::string>());
  }
  return std::nullopt;
}

std::optional<std::string> read_rules(const json& value, std::string_view where, Registry registry,
                                      RuleSeverities& out) {
  if (!value.is_object()) return fmt::format("{} must be an object of rule: severity", where);
  for (const auto& [rule, severity] : value.items()) {
    if (!severity.is_string()) {
      return fmt::format("{}.{}: the severity must be one of \"error\", \"warning\", \"info\", \"off\"",
                         where, rule);
    }
    if (auto error = set_rule_severity(out, registry, rule, severity.get<std::string>())) {
      return fmt::format("{}: {}", where, *error);
    }
  }
  return std::nullopt;
}

std::string unknown_profile_message(std::string_view where, std::string_view name) {
  std::string names;
  for (auto p : selectable_profiles()) names += (names.empty() ? "" : ", ") + std::string(to_string(p));
  return fmt::format("{}: unknown profile \"{}\" (profiles: {}, or a name from profile_definitions)", where,
                     name, names);
}

// A built-in profile, or the name of a user-defined one in `custom` (which
// check_profile_references resolves once `extends` are merged).
std::optional<std::string> read_profile(const json& value, std::string_view where, Profile& out,
                                        std::string& custom) {
  const auto name = value.is_string() ? value.get<std::string>() : std::string();
  if (const auto profile = parse_profile(name)) {
    out = *profile;
    return std::nullopt;
  }
  if (!valid_profile_definition_name(name)) return unknown_profile_message(where, name);
  out = Profile::custom;
  custom = name;
  return std::nullopt;
}

std::optional<std::string> read_config(const json& root, Registry registry, Config& config) {
  if (!root.is_object()) return std::string("the configuration must be a JSON object");
  for (const auto& [key, value] : root.items()) {
    std::optional<std::string> error;
    if (!known(top_level_keys, key)) {
      return fmt::format("unknown key \"{}\" (known keys: {})", key, list_of(top_level_keys));
    } else if (key == "extends") {
      error = read_strings(value, "extends", config.extends);
    } else if (key == "rules") {
      error = read_rules(value, "rules", registry, config.rules);
    } else if (key == "ignore") {
      error = read_strings(value, "ignore", config.ignore);
    } else if (key == "max_file_size") {
      if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0) {
        return std::string("max_file_size must be a positive whole number of bytes");
      }
      config.max_file_size = value.get<std::uint64_t>();
    } else if (key == "project_root") {
      if (!value.is_string() || value.get<std::string>().empty()) {
        return std::string("project_root must be a non-empty path (relative to the .baton.json, "
                           "or absolute)");
      }
      const std::filesystem::path root(value.get<std::string>());
      config.project_root =
          (root.is_absolute() ? root : std::filesystem::path(config.origin).parent_path() / root)
              .lexically_normal()
              .string();
      // "dir/." normalises to "dir/"; the root is named without the slash.
      while (config.project_root->size() > 1 && config.project_root->back() == '/') config.project_root->pop_back();
    } else if (key == "rule_docs_url") {
      if (!value.is_string() || value.get<std::string>().find("://") == std::string::npos) {
        return std::string("rule_docs_url must be a URL, the base of the rule pages (\"https://"
                           "example.com/baton/rules/\"; HP102.md is appended)");
      }
      config.rule_docs_url = value.get<std::string>();
      if (!config.rule_docs_url->ends_with('/')) *config.rule_docs_url += '/';
    } else if (key == "profiles") {
      if (!value.is_object()) return std::string("profiles must be an object of profile: globs");
      for (const auto& [name, globs] : value.items()) {
        Profile profile{};
        std::string custom;
        if ((error = read_profile(json(name), "profiles", profile, custom))) return error;
        auto& target = profile == Profile::custom
                           ? config.custom_profiles.emplace_back(custom, std::vector<std::string>{}).second
                           : config.profiles.emplace_back(profile, std::vector<std::string>{}).second;
        if ((error = read_strings(globs, "profiles." + name, target))) return error;
      }
    } else if (key == "profile_definitions") {
      error = read_profile_definitions(value, config.profile_definitions);
    } else if (key == "overrides") {
      if (!value.is_array()) return std::string("overrides must be an array of objects");
      for (std::size_t i = 0; i < value.size(); ++i) {
        const auto where = fmt::format("overrides[{}]", i);
        const auto& item = value[i];
        if (!item.is_object()) return where + " must be an object";
        ConfigOverride entry;
        for (const auto& [item_key, item_value] : item.items()) {
          if (!known(override_keys, item_key)) {
            return fmt::format("{}: unknown key \"{}\" (known keys: {})", where, item_key,
                               list_of(override_keys));
          } else if (item_key == "files") {
            error = read_strings(item_value, where + ".files", entry.files);
          } else if (item_key == "rules") {
            error = read_rules(item_value, where + ".rules", registry, entry.rules);
          } else {
            Profile profile{};
            error = read_profile(item_value, where + ".profile", profile, entry.custom_profile);
            entry.profile = profile;
          }
          if (error) return error;
        }
        if (entry.files.empty()) return where + " needs \"files\"";
        config.overrides.push_back(std::move(entry));
      }
    }
    if (error) return error;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> set_rule_severity(RuleSeverities& severities, Registry registry,
                                             std::string_view rule, std::string_view severity) {
  const auto* meta = find_rule(registry, rule);
  if (!meta) return fmt::format("unknown rule \"{}\"", rule);
  if (severity == "off") {
    severities[std::string(meta->code)] = std::nullopt;
    return std::nullopt;
  }
  const auto parsed = parse_severity(severity);
  if (!parsed || severity != to_string(*parsed)) {
    return fmt::format("{}: unknown severity \"{}\" (use error, warning, info or off)", rule, severity);
  }
  severities[std::string(meta->code)] = *parsed;
  return std::nullopt;
}

std::variant<std::vector<const RuleMeta*>, std::string> select_rules(Registry registry,
                                                                     std::string_view list) {
  std::vector<const RuleMeta*> selected;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const auto entry = doc::trim(list.substr(start, end - start));
    start = end + 1;
    if (entry.empty()) continue;
    bool matched = false;
    for (const auto* rule : registry) {
      const bool prefix = entry.size() >= 2 && doc::istarts_with(rule->code, entry);
      if (prefix || rule->name == entry) {
        selected.push_back(rule);
        matched = true;
      }
    }
    if (!matched) return std::string(entry);
  }
  return selected;
}

std::optional<std::string> apply_rule_selection(Registry registry, const RuleSelection& selection,
                                                RuleSeverities& severities) {
  using Rules = std::vector<const RuleMeta*>;
  std::optional<std::string> failure;
  const auto resolve = [&](const std::vector<std::string>& lists, std::string_view option) {
    Rules all;
    for (const auto& list : lists) {
      auto selected = select_rules(registry, list);
      if (auto* bad = std::get_if<std::string>(&selected)) {
        if (!failure) failure = fmt::format("{}: unknown rule \"{}\"", option, *bad);
        continue;
      }
      const auto& rules = std::get<Rules>(selected);
      all.insert(all.end(), rules.begin(), rules.end());
    }
    return all;
  };
  const auto selected = resolve(selection.select, "--select");
  const auto enabled = resolve(selection.enable, "--enable");
  const auto ignored = resolve(selection.ignore, "--ignore");
  if (failure) return failure;

  const auto turn_on = [&](const RuleMeta* rule) {
    auto& severity = severities[std::string(rule->code)];
    if (!severity) severity = rule->default_severity;
  };
  if (!selection.select.empty()) {
    for (const auto* rule : registry) {
      if (std::find(selected.begin(), selected.end(), rule) == selected.end())
        severities[std::string(rule->code)] = std::nullopt;
    }
    // A prefix such as HP1 selects the family as it runs by default; an
    // opt-in rule runs when it is named.
    for (const auto& list : selection.select) {
      std::size_t start = 0;
      while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const auto* rule = find_rule(registry, doc::trim(std::string_view(list).substr(start, end - start)));
        if (rule && rule->opt_in && !severities.contains(rule->code)) turn_on(rule);
        start = end + 1;
      }
    }
  }
  for (const auto* rule : enabled) turn_on(rule);
  for (const auto* rule : ignored) severities[std::string(rule->code)] = std::nullopt;
  return std::nullopt;
}

std::variant<Config, ConfigError> parse_config(std::string_view text, std::string_view origin,
                                               Registry registry) {
  Config config;
  config.origin = std::string(origin);
  json root;
  try {
    root = json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::exception& error) {
    // parse_error, and out_of_range for a number too large for a double (1e400).
    std::string_view what = error.what();
    if (const auto at = what.find("] "); at != std::string_view::npos) what.remove_prefix(at + 2);
    return ConfigError{fmt::format("{}: not valid JSON: {}", origin, what)};
  }
  if (auto error = read_config(root, registry, config)) {
    return ConfigError{fmt::format("{}: {}", origin, *error)};
  }
  if (config.extends.empty()) {
    if (auto error = check_profile_references(config)) return ConfigError{fmt::format("{}: {}", origin, *error)};
  }
  return config;
}

Config merge_config(const Config& base, const Config& child) {
  Config merged = base;
  merged.origin = child.origin;
  merged.extends = child.extends;
  for (const auto& [code, severity] : child.rules) merged.rules[code] = severity;
  merged.overrides.insert(merged.overrides.end(), child.overrides.begin(), child.overrides.end());
  merged.profiles.insert(merged.profiles.end(), child.profiles.begin(), child.profiles.end());
  merged.ignore.insert(merged.ignore.end(), child.ignore.begin(), child.ignore.end());
  for (const auto& [name, spec] : child.profile_definitions) merged.profile_definitions[name] = spec;
  merged.custom_profiles.insert(merged.custom_profiles.end(), child.custom_profiles.begin(),
                                child.custom_profiles.end());
  if (child.max_file_size) merged.max_file_size = child.max_file_size;
  if (child.project_root) merged.project_root = child.project_root;
  if (child.rule_docs_url) merged.rule_docs_url = child.rule_docs_url;
  return merged;
}

std::optional<std::string> check_profile_references(const Config& config) {
  for (const auto& [name, globs] : config.custom_profiles) {
    if (!config.profile_definitions.contains(name)) return unknown_profile_message("profiles", name);
  }
  for (std::size_t i = 0; i < config.overrides.size(); ++i) {
    const auto& name = config.overrides[i].custom_profile;
    if (!name.empty() && !config.profile_definitions.contains(name)) {
      return unknown_profile_message(fmt::format("overrides[{}].profile", i), name);
    }
  }
  return std::nullopt;
}

FileSettings settings_for(const Config& config, std::string_view relative_path) {
  FileSettings settings;
  settings.rules = config.rules;
  settings.max_file_size = config.max_file_size;
  settings.project_root = config.project_root;
  settings.rule_docs_url = config.rule_docs_url;
  for (const auto& glob : config.ignore) {
    if (glob_match(glob, relative_path)) settings.ignored = true;
  }
  // A definition's own globs first; "profiles" globs and overrides win over them.
  const auto set_custom = [&](std::string_view name) {
    const auto it = config.profile_definitions.find(name);
    if (it == config.profile_definitions.end()) return;
    settings.profile = Profile::custom;
    settings.profile_spec = it->second;
  };
  for (const auto& [name, spec] : config.profile_definitions) {
    settings.profile_definitions.push_back(spec);
    for (const auto& glob : spec->file_globs) {
      if (glob_match(glob, relative_path)) set_custom(name);
    }
  }
  for (const auto& [profile, globs] : config.profiles) {
    for (const auto& glob : globs) {
      if (glob_match(glob, relative_path)) {
        settings.profile = profile;
        settings.profile_spec = nullptr;
      }
    }
  }
  for (const auto& [name, globs] : config.custom_profiles) {
    for (const auto& glob : globs) {
      if (glob_match(glob, relative_path)) set_custom(name);
    }
  }
  // Later overrides win over earlier ones, as in ESLint and ruff.
  for (const auto& entry : config.overrides) {
    const bool applies = std::any_of(entry.files.begin(), entry.files.end(),
                                     [&](const auto& glob) { return glob_match(glob, relative_path); });
    if (!applies) continue;
    for (const auto& [code, severity] : entry.rules) settings.rules[code] = severity;
    if (entry.profile == Profile::custom) {
      set_custom(entry.custom_profile);
    } else if (entry.profile) {
      settings.profile = entry.profile;
      settings.profile_spec = nullptr;
    }
  }
  return settings;
}

}  // namespace baton::engine
