#include "lsp/settings.hpp"

#include <filesystem>

#include "engine/profile.hpp"
#include "engine/profile_definitions.hpp"
#include "rules/registry.hpp"

namespace baton::lsp {

namespace {

// An array of strings, or one string; anything else is a problem.
std::optional<std::vector<std::string>> read_list(const json& value, const char* key,
                                                  std::vector<std::string>& problems) {
  if (value.is_null())
    return std::vector<std::string>{};
  // A blank entry would select nothing, which --select reads as "no rule"; a
  // settings UI leaves such entries behind.
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().find_first_not_of(" \t,") == std::string::npos)
      return std::vector<std::string>{};
    return std::vector<std::string>{value.get<std::string>()};
  }
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : value) {
      if (!item.is_string()) {
        problems.push_back(std::string("baton setting '") + key + "' must hold only strings");
        return std::nullopt;
      }
      if (item.get_ref<const std::string&>().find_first_not_of(" \t,") != std::string::npos)
        items.push_back(item.get<std::string>());
    }
    return items;
  }
  problems.push_back(std::string("baton setting '") + key +
                     "' must be an array of rule codes or names, or one comma-separated string");
  return std::nullopt;
}

}  // namespace

ParsedSettings parse_editor_settings(const json& value, const std::string& root) {
  ParsedSettings parsed;
  const json& object = value.is_object() && value.contains("baton") ? value["baton"] : value;
  if (!object.is_object())
    return parsed;
  for (const char* key : {"profile", "select", "enable", "ignore", "configPath"}) {
    if (object.contains(key))
      parsed.present = true;
  }
  if (&object != &value)
    parsed.present = true;
  auto& settings = parsed.settings;
  auto& problems = parsed.problems;

  if (const auto it = object.find("profile"); it != object.end() && !it->is_null()) {
    const auto name = it->is_string() ? it->get<std::string>() : std::string();
    const auto builtin = engine::parse_profile(name);
    if (name.empty()) {
      // "" is how a settings UI says "detect".
    } else if ((builtin && *builtin != engine::Profile::unknown) ||
               (!builtin && engine::valid_profile_definition_name(name))) {
      settings.profile = name;
    } else {
      problems.push_back("baton setting 'profile': unknown profile '" + name + "'");
    }
  }
  const auto list = [&](const char* key) {
    const auto it = object.find(key);
    return read_list(it == object.end() ? json() : *it, key, problems)
        .value_or(std::vector<std::string>{});
  };
  engine::RuleSelection selection{list("select"), list("enable"), list("ignore")};
  // Checked entry by entry, so one unknown rule leaves the others in force.
  const auto known = [&](std::vector<std::string>& entries, const char* key) {
    std::erase_if(entries, [&](const std::string& entry) {
      auto selected = engine::select_rules(rules::registry(), entry);
      if (const auto* bad = std::get_if<std::string>(&selected)) {
        problems.push_back(std::string("baton setting '") + key + "': unknown rule '" + *bad + "'");
        return true;
      }
      return false;
    });
  };
  known(selection.select, "select");
  known(selection.enable, "enable");
  known(selection.ignore, "ignore");
  settings.rules = std::move(selection);

  if (const auto it = object.find("configPath");
      it != object.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
    std::filesystem::path path(it->get<std::string>());
    if (path.is_relative() && !root.empty())
      path = std::filesystem::path(root) / path;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      problems.push_back("baton setting 'configPath': no file " + path.string() +
                         "; the nearest .baton.json is used");
    } else {
      settings.config_path = path.lexically_normal().string();
    }
  }
  return parsed;
}

}  // namespace baton::lsp
