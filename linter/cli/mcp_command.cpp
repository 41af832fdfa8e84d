#include "cli/mcp_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/generate_command.hpp"
#include "lsp/transport.hpp"
#include "mcp/server.hpp"
#include "session/locate.hpp"

namespace baton::cli {

McpCommand::McpCommand(CLI::App& app) {
  mcp_ =
      app.add_subcommand("mcp",
                         "Run the MCP server on stdin/stdout (tools: check_handoff, explain_rule, "
                         "list_rules, generate_handoff, list_sessions)");
  mcp_->footer("Exit status: 0 when the client closes stdin. See docs/agents.md.");
}

bool McpCommand::parsed() const {
  return mcp_->parsed();
}

int McpCommand::run(std::istream& in, std::ostream& out, std::ostream& err) const {
  if (&in == &std::cin)
    std::ios::sync_with_stdio(false);
  const SystemWorld world{};
  mcp::Environment environment;
  environment.world = &world;
  std::error_code ec;
  environment.working_directory = std::filesystem::current_path(ec);
  if (ec)
    environment.working_directory = "/";
  environment.claude_config_dir =
      session::claude_config_dir(std::getenv("CLAUDE_CONFIG_DIR"), std::getenv("HOME"));
  lsp::Transport transport(in, out, lsp::Framing::newline);
  return mcp::serve(transport, environment, &err);
}

}  // namespace baton::cli
