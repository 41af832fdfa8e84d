#pragma once

// `baton mcp`: a Model Context Protocol server over stdio (JSON-RPC 2.0, one
// message per line). The tools are in tools.hpp; see docs/agents.md.

#include <ostream>
#include <span>
#include <string_view>

#include "lsp/protocol.hpp"
#include "lsp/transport.hpp"
#include "mcp/tools.hpp"

namespace baton::mcp {

using json = lsp::json;

// The protocol versions the server speaks, newest first.
std::span<const std::string_view> supported_protocol_versions();
// The client's requested version when the server speaks it, else the newest.
std::string_view negotiate_protocol_version(std::string_view requested);

// JSON-RPC dispatch: initialize, ping, tools/list, tools/call. Single-threaded.
class Server {
 public:
  explicit Server(const Environment& environment);

  // The response to one message body: a parse error for text that is not
  // JSON, nothing (an empty string) for a notification or a response.
  std::string handle_body(std::string_view body);
  // The response to one parsed message, or null for a notification.
  json handle(const json& message);

 private:
  json dispatch(const std::string& method, const json& params);

  const Environment& environment_;
};

// Serves one client on `transport` until its input ends; `log` (may be null)
// gets a line per unreadable frame. Returns 0.
int serve(lsp::Transport& transport, const Environment& environment, std::ostream* log = nullptr);

}  // namespace baton::mcp
