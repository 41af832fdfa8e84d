// The MCP server's JSON-RPC layer in process: version negotiation, errors,
// notifications and one call per kind of tool result (docs/agents.md). The
// real-client test is mcp_e2e.mjs.

#include <gtest/gtest.h>

#include <sstream>

#include "mcp/server.hpp"

namespace {

using baton::mcp::json;

json request(baton::mcp::Server& server, const std::string& method, json params, int id = 1) {
  return server.handle(
      {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
}

TEST(McpServer, AnswersTheRequestedProtocolVersionWhenSupportedElseItsLatest) {
  baton::mcp::Environment environment;
  baton::mcp::Server server(environment);
  for (const char* version : {"2025-06-18", "2025-03-26", "2024-11-05"}) {
    const auto reply = request(server, "initialize",
                               {{"protocolVersion", version},
                                {"capabilities", json::object()},
                                {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
    EXPECT_EQ(reply.at("result").at("protocolVersion"), version);
  }
  const auto newer = request(server, "initialize", {{"protocolVersion", "2099-01-01"}});
  EXPECT_EQ(newer.at("result").at("protocolVersion"), "2025-06-18");
  EXPECT_EQ(newer.at("result").at("serverInfo").at("name"), "baton");
  EXPECT_TRUE(newer.at("result").at("capabilities").contains("tools"));
}

TEST(McpServer, ProtocolErrorsAreJsonRpcErrors) {
  baton::mcp::Environment environment;
  baton::mcp::Server server(environment);
  EXPECT_EQ(json::parse(server.handle_body("{not json")).at("error").at("code"), -32700);
  EXPECT_EQ(server.handle(json::array()).at("error").at("code"), -32600);
  EXPECT_EQ(request(server, "resources/list", json::object()).at("error").at("code"), -32601);
  EXPECT_EQ(request(server, "tools/call", {{"name", "nope"}}).at("error").at("code"), -32602);
  EXPECT_EQ(request(server, "tools/call", {{"name", "explain_rule"}, {"arguments", json::object()}})
                .at("error")
                .at("code"),
            -32602);
  EXPECT_EQ(
      request(server, "tools/call", {{"name", "list_rules"}, {"arguments", {{"format", "json"}}}})
          .at("error")
          .at("code"),
      -32602);
}

TEST(McpServer, NotificationsAndResponsesGetNoReply) {
  baton::mcp::Environment environment;
  baton::mcp::Server server(environment);
  EXPECT_EQ(server.handle_body(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"), "");
  EXPECT_EQ(server.handle_body(R"({"jsonrpc":"2.0","id":7,"result":{}})"), "");
  EXPECT_EQ(json::parse(server.handle_body(R"({"jsonrpc":"2.0","id":"p","method":"ping"})")),
            json({{"jsonrpc", "2.0"}, {"id", "p"}, {"result", json::object()}}));
}

TEST(McpServer, CheckHandoffReturnsTheCheckJsonAsStructuredContent) {
  baton::mcp::Environment environment;
  baton::mcp::Server server(environment);
  const auto reply =
      request(server, "tools/call",
              {{"name", "check_handoff"},
               {"arguments", {{"text", "# Notes\n"}, {"profile", "spellbook-handoff"}}}});
  const auto& result = reply.at("result");
  EXPECT_EQ(result.at("isError"), false);
  const auto& report = result.at("structuredContent");
  EXPECT_EQ(report.at("files"), 1);
  EXPECT_GT(report.at("summary").at("errors").get<int>(), 0);
  EXPECT_EQ(report.at("checked_files").at(0).at("profile"), "spellbook-handoff");
  EXPECT_EQ(result.at("content").at(0).at("type"), "text");

  const auto missing =
      request(server, "tools/call",
              {{"name", "check_handoff"}, {"arguments", {{"path", "/nonexistent/handoff.md"}}}});
  EXPECT_EQ(missing.at("result").at("isError"), true);
}

TEST(McpServer, ServesNewlineDelimitedMessagesUntilTheInputEnds) {
  baton::mcp::Environment environment;
  std::istringstream in(
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n\n"
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
  std::ostringstream out;
  baton::lsp::Transport transport(in, out, baton::lsp::Framing::newline);
  EXPECT_EQ(baton::mcp::serve(transport, environment), 0);
  std::istringstream lines(out.str());
  std::string line;
  std::vector<json> replies;
  while (std::getline(lines, line))
    replies.push_back(json::parse(line));
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[1].at("result").at("tools").size(), 5u);
}

}  // namespace
