#include "cli/hook_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/claude_hook.hpp"
#include "cli/inputs.hpp"

namespace baton::cli {

HookCommand::HookCommand(CLI::App& app) {
  hook_ =
      app.add_subcommand("hook", "Answer an agent's hook events (checks the handoffs it writes)");
  hook_->require_subcommand(1);
  claude_code_ = hook_->add_subcommand(
      "claude-code",
      "Answer one Claude Code hook event read from stdin (PostToolUse, Stop, SubagentStop, "
      "SessionStart)");
  hook_->footer("Exit status: see `baton hook claude-code --help`.");
  claude_code_->footer(
      "Exit status: 2 when a handoff the agent just wrote has errors (PostToolUse; the report "
      "on stderr goes back to the agent), else 0, also for input that is not a hook event. "
      "Stop and SessionStart answer with JSON on stdout. See docs/agents.md.");
}

bool HookCommand::parsed() const {
  return hook_->parsed();
}

int HookCommand::run(std::istream& in, std::ostream& out, std::ostream& err) const {
  std::string error;
  const auto event = read_stream(in, error);
  if (!event) {
    // A hook must never break the agent's session: warn and let it go on.
    err << "baton: warning: cannot read the hook event from stdin: " << error
        << " (nothing was checked)\n";
    return 0;
  }
  std::optional<std::filesystem::path> home;
  if (const char* value = std::getenv("HOME"); value && *value)
    home = value;
  const auto reply = answer_claude_hook(*event, home);
  out << reply.out;
  err << reply.err;
  return reply.exit_code;
}

}  // namespace baton::cli
