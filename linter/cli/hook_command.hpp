#pragma once

// `baton hook claude-code`: a Claude Code hook that checks the handoffs an
// agent writes (see docs/agents.md).

#include <CLI/CLI.hpp>
#include <istream>
#include <ostream>

namespace baton::cli {

class HookCommand {
 public:
  // Registers the `hook` subcommand and its `claude-code` child on `app`;
  // must outlive parsing.
  explicit HookCommand(CLI::App& app);
  HookCommand(const HookCommand&) = delete;
  HookCommand& operator=(const HookCommand&) = delete;

  bool parsed() const;

  // Reads one event from `in` and answers it: 2 when the agent must repair a
  // handoff it just wrote, else 0, bad input included.
  int run(std::istream& in, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* hook_ = nullptr;
  CLI::App* claude_code_ = nullptr;
};

}  // namespace baton::cli
