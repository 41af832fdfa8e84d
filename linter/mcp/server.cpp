#include "mcp/server.hpp"

#include <array>
#include <string>

#include "baton/version.hpp"

namespace baton::mcp {

namespace {

constexpr std::array<std::string_view, 3> protocol_versions = {"2025-06-18", "2025-03-26",
                                                               "2024-11-05"};

constexpr std::string_view server_instructions =
    "baton lints handoff prompts: the markdown boot prompts that carry an agent session over to "
    "a fresh one. Call check_handoff on every handoff you write and fix each error it reports "
    "(explain_rule tells how); generate_handoff drafts one from a session transcript.";

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

}  // namespace

std::span<const std::string_view> supported_protocol_versions() {
  return protocol_versions;
}

std::string_view negotiate_protocol_version(std::string_view requested) {
  for (auto version : protocol_versions) {
    if (version == requested)
      return version;
  }
  return protocol_versions.front();
}

Server::Server(const Environment& environment) : environment_(environment) {}

std::string Server::handle_body(std::string_view body) {
  const auto message = json::parse(body, nullptr, false);
  if (message.is_discarded())
    return lsp::dump(
        error_response(nullptr, lsp::error_code::parse_error, "parse error: not JSON"));
  const auto response = handle(message);
  return response.is_null() ? std::string() : lsp::dump(response);
}

json Server::handle(const json& message) {
  if (!message.is_object()) {
    return error_response(nullptr, lsp::error_code::invalid_request,
                          message.is_array() ? "batches are not supported; send one message a line"
                                             : "a message must be a JSON object");
  }
  const auto id_it = message.find("id");
  const bool is_request = id_it != message.end();
  const json id = is_request ? *id_it : json();
  const auto method_it = message.find("method");
  if (method_it == message.end()) {
    // A response to a request the server never sends, or junk: nothing to answer.
    if (!is_request || message.contains("result") || message.contains("error"))
      return nullptr;
    return error_response(id, lsp::error_code::invalid_request, "a request needs a method");
  }
  if (!method_it->is_string() || message.value("jsonrpc", "") != "2.0" ||
      (is_request && !id.is_string() && !id.is_number_integer())) {
    if (!is_request)
      return nullptr;
    return error_response(id.is_string() || id.is_number_integer() ? id : json(),
                          lsp::error_code::invalid_request,
                          "not a JSON-RPC 2.0 request (jsonrpc \"2.0\", a string method, a "
                          "string or integer id)");
  }
  const auto method = method_it->get<std::string>();
  if (!is_request)
    return nullptr;  // notifications/initialized, cancelled, ...: nothing to do
  const auto params_it = message.find("params");
  const json params = params_it == message.end() ? json::object() : *params_it;
  try {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"result", dispatch(method, params)}};
  } catch (const lsp::RpcError& error) {
    return error_response(id, error.code(), error.what());
  } catch (const std::exception& exception) {
    return error_response(id, lsp::error_code::internal_error,
                          std::string("internal error: ") + exception.what());
  }
}

json Server::dispatch(const std::string& method, const json& params) {
  if (!params.is_object())
    throw lsp::RpcError(lsp::error_code::invalid_params, "params must be an object");
  if (method == "initialize") {
    const auto requested = params.value("protocolVersion", std::string());
    return {{"protocolVersion", negotiate_protocol_version(requested)},
            {"capabilities", {{"tools", {{"listChanged", false}}}}},
            {"serverInfo", {{"name", "baton"}, {"title", "baton"}, {"version", baton::version}}},
            {"instructions", server_instructions}};
  }
  if (method == "ping")
    return json::object();
  if (method == "tools/list")
    return {{"tools", tool_definitions()}};
  if (method == "tools/call") {
    const auto name = params.find("name");
    if (name == params.end() || !name->is_string())
      throw lsp::RpcError(lsp::error_code::invalid_params, "tools/call needs a tool name");
    const auto arguments = params.find("arguments");
    return call_tool(name->get<std::string>(), arguments == params.end() ? json() : *arguments,
                     environment_);
  }
  throw lsp::RpcError(lsp::error_code::method_not_found, "method not found: " + method);
}

int serve(lsp::Transport& transport, const Environment& environment, std::ostream* log) {
  Server server(environment);
  for (;;) {
    auto frame = transport.read();
    if (frame.status == lsp::ReadResult::Status::eof)
      return 0;
    if (frame.status == lsp::ReadResult::Status::error) {
      if (log)
        *log << "baton mcp: " << frame.error << '\n';
      transport.write(
          lsp::dump(error_response(nullptr, lsp::error_code::parse_error, frame.error)));
      continue;
    }
    if (auto response = server.handle_body(frame.body); !response.empty())
      transport.write(response);
  }
}

}  // namespace baton::mcp
