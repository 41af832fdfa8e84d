#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/config.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// What the editor asks of the server, from `initializationOptions` and
// `workspace/didChangeConfiguration`. It sits above the nearest .baton.json
// as the command line does: `profile` forces a profile like --profile, the
// rule lists apply on top of the file's rules like --select/--enable/
// --ignore, and `config_path` replaces the search like --config.
struct EditorSettings {
  std::optional<std::string> profile;
  engine::RuleSelection rules;
  std::optional<std::string> config_path;  // absolute (resolved against the workspace root)
  friend bool operator==(const EditorSettings& a, const EditorSettings& b) {
    return a.profile == b.profile && a.rules.select == b.rules.select &&
           a.rules.enable == b.rules.enable && a.rules.ignore == b.rules.ignore &&
           a.config_path == b.config_path;
  }
};

struct ParsedSettings {
  EditorSettings settings;
  // Whether `value` held baton settings at all: a "baton" member or one of
  // the keys. Clients send other servers' settings (or {}) too; those leave
  // the current settings alone.
  bool present = false;
  std::vector<std::string> problems;  // one line each, for window/showMessage
};

// Reads {profile, select, enable, ignore, configPath} from `value`, or from
// its "baton" member when it has one (VS Code and Neovim send settings under
// the section name). Rule lists are arrays of strings or one comma-separated
// string. Unknown rules and profiles are problems, and the setting that holds
// them is left out; other keys are ignored. A relative configPath resolves
// against `root` (the workspace folder).
ParsedSettings parse_editor_settings(const json& value, const std::string& root);

}  // namespace baton::lsp
