#pragma once

// `baton mcp`: the Model Context Protocol server over stdio (see docs/agents.md).

#include <CLI/CLI.hpp>
#include <istream>
#include <ostream>

namespace baton::cli {

class McpCommand {
 public:
  // Registers the `mcp` subcommand on `app`; must outlive parsing.
  explicit McpCommand(CLI::App& app);
  McpCommand(const McpCommand&) = delete;
  McpCommand& operator=(const McpCommand&) = delete;

  bool parsed() const;

  // Serves one client on `in`/`out` until its input ends; 0.
  int run(std::istream& in, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* mcp_ = nullptr;
};

}  // namespace baton::cli
