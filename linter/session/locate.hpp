#pragma once

// Where Claude Code keeps sessions: $CLAUDE_CONFIG_DIR (default ~/.claude),
// then projects/<encoded cwd>/. The encoding has changed over versions (long
// paths are hashed differently since 2.1.224), so a project directory is
// found by the `cwd` recorded inside its sessions, the encoded name only
// being tried first.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace baton::session {

// $CLAUDE_CONFIG_DIR if set and non-empty, else $HOME/.claude. The values of
// the two variables are passed in (nullptr when unset).
std::filesystem::path claude_config_dir(const char* claude_config_dir_env, const char* home_env);

// Claude Code's directory name for a working directory: every character
// outside [A-Za-z0-9] becomes '-' (each byte of a non-ASCII character too).
std::string encode_project_path(std::string_view cwd);

// The first `cwd` recorded in a session file (within its first records), if any.
std::optional<std::string> session_cwd(const std::filesystem::path& session_file);

// The project directory under <config_dir>/projects whose sessions were
// recorded in `cwd`.
std::optional<std::filesystem::path> find_project_dir(const std::filesystem::path& config_dir,
                                                      const std::filesystem::path& cwd);

// spellbook's resolve_project_dir: if the directory does not exist, try its
// name with a leading '-' added or removed. Returns the input otherwise.
std::filesystem::path resolve_project_dir(const std::filesystem::path& project_dir);

}  // namespace baton::session
