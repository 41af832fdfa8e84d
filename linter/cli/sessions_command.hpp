#pragma once

// `baton sessions`: spellbook's distill_session.py commands (list-sessions,
// get-last-compact, split-by-char-limit, extract-chunk, get-content-after,
// get-content-from-start, get-agent-output, list-agents) with the same
// arguments, JSON results and exit codes. See docs/sessions.md.

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

namespace baton::cli {

class SessionsCommand {
 public:
  // Registers the `sessions` subcommand and its subcommands on `app`. The
  // object must outlive parsing: CLI11 writes the arguments into it.
  explicit SessionsCommand(CLI::App& app);
  SessionsCommand(const SessionsCommand&) = delete;
  SessionsCommand& operator=(const SessionsCommand&) = delete;

  bool parsed() const;

  // Runs the parsed subcommand; returns the exit code (0, 2, 3 or 4; 1 for
  // anything unexpected, as distill_session.py does).
  int run(std::ostream& out, std::ostream& err) const;

 private:
  struct Arguments {
    std::string path;  // FILE or PROJECT_DIR
    std::optional<std::string> project_dir;
    std::optional<std::string> cwd;
    long long limit = 5;
    long long start_line = 0;
    long long end_line = 0;
    long long char_limit = 0;
    std::string agent_id;
    std::string session_id;
    bool strict_json = false;
  };

  int run_parsed(std::ostream& out, std::ostream& err) const;
  std::string project_dir(std::ostream& err, bool& found) const;

  Arguments arguments_;
  CLI::App* sessions_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* last_compact_ = nullptr;
  CLI::App* chunks_ = nullptr;
  CLI::App* extract_ = nullptr;
  CLI::App* after_ = nullptr;
  CLI::App* all_ = nullptr;
  CLI::App* agent_output_ = nullptr;
  CLI::App* agents_ = nullptr;
};

}  // namespace baton::cli
