#pragma once

// `baton hook claude-code`: answers Claude Code hook events so that an agent
// checks the handoffs it writes (see docs/agents.md for the contract).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace baton::cli {

// What one hook run answers Claude Code: the exit code, stdout (a JSON
// object for Stop and SessionStart, else empty) and stderr.
struct HookReply {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Claude Code cuts hook output that goes into the context (additionalContext,
// systemMessage, plain stdout) to a preview past this many characters.
inline constexpr std::size_t claude_hook_output_budget = 10000;

// Answers one event, the JSON object Claude Code writes to the hook's stdin:
// - PostToolUse of Write/Edit/MultiEdit on a file a directory scan would
//   lint: its errors on stderr with exit 2 (fed back to the agent);
// - Stop/SubagentStop: {"decision": "block", "reason"} while a handoff the
//   session wrote (found in transcript_path) has errors, unless
//   stop_hook_active says the agent is already continuing for a stop hook;
// - SessionStart: additionalContext naming the problems of the handoff the
//   new session would boot from — the newest in cwd, cwd/.claude or, with a
//   `home`, spellbook's home/.local/spellbook/distilled/<project-encoded>/ —
//   errors, and a size past claude_hook_output_budget.
// Anything else, bad input included, exits 0: a hook never breaks a session.
HookReply answer_claude_hook(std::string_view event_json, const std::optional<std::filesystem::path>& home);

}  // namespace baton::cli
