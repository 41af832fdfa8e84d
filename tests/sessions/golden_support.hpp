#pragma once

// Golden files of the session toolkit: what distill_session.py printed,
// compared as parsed JSON with file paths reduced to their names (the goldens
// were produced from other working directories).

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace baton::test {

inline nlohmann::ordered_json golden(const std::string& name) {
  return nlohmann::ordered_json::parse(
      read_text(std::filesystem::path(BATON_SOURCE_DIR) / "tests/sessions/golden" / name));
}

inline void normalize_paths(nlohmann::ordered_json& value) {
  if (value.is_object()) {
    for (auto& [key, item] : value.items()) {
      if ((key == "path" || key == "file_path") && item.is_string())
        item = std::filesystem::path(item.get<std::string>()).filename().string();
      else
        normalize_paths(item);
    }
  } else if (value.is_array()) {
    for (auto& item : value) normalize_paths(item);
  }
}

inline nlohmann::ordered_json normalized(nlohmann::ordered_json value) {
  normalize_paths(value);
  return value;
}

}  // namespace baton::test
