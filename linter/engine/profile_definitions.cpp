#include "engine/profile_definitions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "engine/profile.hpp"

namespace baton::engine {

namespace {

using json = nlohmann::json;

constexpr std::string_view definition_keys[] = {"description", "files", "title", "ordered",
                                                "sections"};
constexpr std::string_view section_keys[] = {
    "name", "heading", "level", "required", "empty_markers", "calls", "absolute_paths"};

std::string key_list(std::span<const std::string_view> keys) {
  std::string out;
  for (auto key : keys)
    out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Call names as the call grammar reads them: an identifier.
bool valid_call_name(std::string_view name) {
  if (name == "*")
    return true;
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::optional<std::string> read_string_list(const json& value, const std::string& where,
                                            std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return std::nullopt;
  }
  if (!value.is_array())
    return where + " must be a string or an array of strings";
  for (const auto& item : value) {
    if (!item.is_string())
      return where + " must contain only strings";
    out.push_back(item.get<std::string>());
  }
  return std::nullopt;
}

std::optional<std::string> read_pattern(const json& value, const std::string& where,
                                        std::optional<HeadingPattern>& out) {
  if (!value.is_string())
    return where + " must be a string (a regular expression)";
  auto compiled = compile_heading_pattern(value.get<std::string>());
  if (auto* error = std::get_if<std::string>(&compiled))
    return fmt::format("{}: {}", where, *error);
  out = std::move(std::get<HeadingPattern>(compiled));
  return std::nullopt;
}

std::optional<std::string> read_bool(const json& value, const std::string& where, bool& out) {
  if (!value.is_boolean())
    return where + " must be true or false";
  out = value.get<bool>();
  return std::nullopt;
}

std::optional<std::string> read_section(const json& value, const std::string& where,
                                        SectionSpec& section) {
  if (!value.is_object())
    return where + " must be an object";
  if (!value.contains("name"))
    return where + " needs \"name\"";
  std::optional<HeadingPattern> heading;
  for (const auto& [key, item] : value.items()) {
    const auto at = where + "." + key;
    std::optional<std::string> error;
    if (std::find(std::begin(section_keys), std::end(section_keys), key) ==
        std::end(section_keys)) {
      return fmt::format("{}: unknown key \"{}\" (known keys: {})", where, key,
                         key_list(section_keys));
    } else if (key == "name") {
      if (!item.is_string() || item.get<std::string>().empty())
        return at + " must be a non-empty string";
      section.name = item.get<std::string>();
    } else if (key == "heading") {
      error = read_pattern(item, at, heading);
    } else if (key == "level") {
      if (!item.is_number_integer() || item.get<int>() < 1 || item.get<int>() > 6) {
        return at + " must be a heading level from 1 to 6";
      }
      section.level = item.get<int>();
    } else if (key == "required") {
      error = read_bool(item, at, section.required);
    } else if (key == "empty_markers") {
      error = read_string_list(item, at, section.empty_markers);
      for (const auto& marker : section.empty_markers) {
        if (marker.find_first_not_of(" \t") == std::string::npos)
          return at + " must not contain blank markers";
      }
    } else if (key == "calls") {
      error = read_string_list(item, at, section.calls);
      for (const auto& call : section.calls) {
        if (!valid_call_name(call)) {
          return fmt::format(
              "{}: \"{}\" is not a call name (an identifier such as Skill, or \"*\" for any call)",
              at, call);
        }
      }
    } else if (key == "absolute_paths") {
      error = read_bool(item, at, section.absolute_paths);
    }
    if (error)
      return error;
  }
  section.heading = heading ? std::move(*heading) : literal_heading_pattern(section.name);
  return std::nullopt;
}

std::optional<std::string> read_definition(const json& value, const std::string& where,
                                           ProfileSpec& spec) {
  if (!value.is_object())
    return where + " must be an object";
  if (!value.contains("sections"))
    return where + " needs \"sections\"";
  for (const auto& [key, item] : value.items()) {
    const auto at = where + "." + key;
    std::optional<std::string> error;
    if (std::find(std::begin(definition_keys), std::end(definition_keys), key) ==
        std::end(definition_keys)) {
      return fmt::format("{}: unknown key \"{}\" (known keys: {})", where, key,
                         key_list(definition_keys));
    } else if (key == "description") {
      if (!item.is_string())
        return at + " must be a string";
      spec.description = item.get<std::string>();
    } else if (key == "files") {
      error = read_string_list(item, at, spec.file_globs);
    } else if (key == "title") {
      error = read_pattern(item, at, spec.title);
    } else if (key == "ordered") {
      error = read_bool(item, at, spec.ordered);
    } else if (key == "sections") {
      if (!item.is_array() || item.empty())
        return at + " must be a non-empty array of sections";
      for (std::size_t i = 0; i < item.size(); ++i) {
        SectionSpec section;
        if ((error = read_section(item[i], fmt::format("{}[{}]", at, i), section)))
          return error;
        for (const auto& earlier : spec.sections) {
          if (earlier.name == section.name) {
            return fmt::format("{}[{}].name: the section \"{}\" is defined twice", at, i,
                               section.name);
          }
        }
        spec.sections.push_back(std::move(section));
      }
    }
    if (error)
      return error;
  }
  return std::nullopt;
}

}  // namespace

bool valid_profile_definition_name(std::string_view name) {
  if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z') || name.back() == '-')
    return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '-' ? name[i - 1] == '-' : !is_lower_alnum(c))
      return false;
  }
  return name != to_string(Profile::unknown) && name != to_string(Profile::custom) &&
         !parse_profile(name);
}

std::optional<std::string> read_profile_definitions(const json& value, ProfileDefinitions& out) {
  if (!value.is_object())
    return std::string("profile_definitions must be an object of name: definition");
  for (const auto& [name, item] : value.items()) {
    const auto where = "profile_definitions." + name;
    if (!valid_profile_definition_name(name)) {
      return fmt::format(
          "{}: \"{}\" cannot name a profile (use kebab-case, such as team-handoff, and not the "
          "name of a "
          "built-in profile)",
          where, name);
    }
    auto spec = std::make_shared<ProfileSpec>();
    spec->name = name;
    if (auto error = read_definition(item, where, *spec))
      return error;
    out[name] = std::move(spec);
  }
  return std::nullopt;
}

}  // namespace baton::engine
