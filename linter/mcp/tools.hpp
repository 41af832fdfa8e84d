#pragma once

// The tools of `baton mcp`: thin adapters from MCP arguments to the code of
// `baton check`, `explain`, `rules`, `generate` and `sessions list`.

#include <filesystem>
#include <string>

#include "generate/world.hpp"
#include "lsp/protocol.hpp"

namespace baton::mcp {

// What the tools need from outside the process, supplied by the command.
struct Environment {
  const generate::World* world = nullptr;   // file states, git, the clock, $HOME
  std::filesystem::path working_directory;  // relative paths resolve against it
  std::filesystem::path claude_config_dir;  // $CLAUDE_CONFIG_DIR, else ~/.claude
};

// The `tools` array of a tools/list result.
lsp::json tool_definitions();

// A CallToolResult. What goes wrong while the tool runs (a missing file, an
// unknown rule) is a result with isError: true, for the model to read;
// throws lsp::RpcError(invalid_params) for an unknown tool or arguments that
// do not match the tool's inputSchema.
lsp::json call_tool(const std::string& name, const lsp::json& arguments,
                    const Environment& environment);

}  // namespace baton::mcp
