#pragma once

// Extraction: the records of a session (and of its subagents) into the
// model the renderer writes. Pure apart from the World it is given.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generate/model.hpp"
#include "generate/world.hpp"
#include "session/records.hpp"

namespace baton::generate {

struct SessionInput {
  std::string session_file;                                    // as given on the command line
  std::vector<session::Record> records;                        // the session's records, in order
  std::map<std::string, std::vector<session::Record>> agents;  // agent id -> its transcript
  std::optional<std::string> project_dir;  // --project-dir: overrides the session's cwd
};

Model extract(const SessionInput& input, const World& world);

// Claude Code's built-in slash commands: typing them activates no skill.
bool is_builtin_command(std::string_view name);

// Whether a Bash command runs tests (pytest, cargo test, ctest, npm test, ...).
bool is_test_command(std::string_view command);

}  // namespace baton::generate
