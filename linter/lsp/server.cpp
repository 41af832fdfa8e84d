#include "lsp/server.hpp"

#include <exception>
#include <filesystem>
#include <utility>

#include "baton/version.hpp"
#include "lsp/code_actions.hpp"
#include "lsp/completion.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/hover.hpp"
#include "lsp/links.hpp"
#include "lsp/symbols.hpp"

namespace baton::lsp {

namespace {

constexpr std::string_view config_file_name = ".baton.json";

const json& member(const json& object, const char* key) {
  static const json null_value;
  if (!object.is_object())
    return null_value;
  const auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

const json& required_object(const json& object, const char* key) {
  const auto& value = member(object, key);
  if (!value.is_object())
    throw RpcError(error_code::invalid_params, std::string("missing object '") + key + "'");
  return value;
}

const std::string& required_string(const json& object, const char* key) {
  const auto& value = member(object, key);
  if (!value.is_string())
    throw RpcError(error_code::invalid_params, std::string("missing string '") + key + "'");
  return value.get_ref<const std::string&>();
}

std::int64_t optional_version(const json& object) {
  const auto& value = member(object, "version");
  return value.is_number_integer() ? value.get<std::int64_t>() : 0;
}

const std::string& document_uri(const json& params) {
  return required_string(required_object(params, "textDocument"), "uri");
}

bool is_config_uri(std::string_view uri) {
  return uri.ends_with(config_file_name) && (uri.size() == config_file_name.size() ||
                                             uri[uri.size() - config_file_name.size() - 1] == '/');
}

bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

}  // namespace

Server::Server(std::function<void(const json&)> send, std::ostream* log)
    : send_(std::move(send)), log_(log) {
  requests_ = {
      {"initialize", &Server::on_initialize},
      {"shutdown", &Server::on_shutdown},
      {"textDocument/diagnostic", &Server::on_diagnostic},
      {"textDocument/codeAction", &Server::on_code_action},
      {"textDocument/hover", &Server::on_hover},
      {"textDocument/documentSymbol", &Server::on_document_symbol},
      {"textDocument/completion", &Server::on_completion},
      {"textDocument/documentLink", &Server::on_document_link},
  };
  notifications_ = {
      {"initialized", &Server::on_initialized},
      {"exit", &Server::on_exit},
      {"textDocument/didOpen", &Server::on_did_open},
      {"textDocument/didChange", &Server::on_did_change},
      {"textDocument/didSave", &Server::on_did_save},
      {"textDocument/didClose", &Server::on_did_close},
      {"workspace/didChangeWatchedFiles", &Server::on_did_change_watched_files},
      {"workspace/didChangeConfiguration", &Server::on_did_change_configuration},
      {"$/cancelRequest", &Server::on_ignored},
      {"$/setTrace", &Server::on_ignored},
  };
}

// ---------------------------------------------------------------------------
// JSON-RPC
// ---------------------------------------------------------------------------

void Server::handle_body(std::string_view body) {
  auto message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    reply_error(nullptr, error_code::parse_error, "Parse error: the message is not valid JSON");
    return;
  }
  handle(message);
}

void Server::handle_frame_error(std::string_view message) {
  log(message);
  reply_error(nullptr, error_code::parse_error, "Parse error: " + std::string(message));
}

void Server::handle(const json& message) {
  if (!message.is_object()) {
    reply_error(nullptr, error_code::invalid_request,
                "Invalid Request: a message must be a JSON object");
    return;
  }
  const auto& version = member(message, "jsonrpc");
  const auto& id = member(message, "id");
  const bool has_id = message.contains("id");
  const json reply_id = valid_id(id) ? id : json(nullptr);
  if (!version.is_null() && version != "2.0") {
    reply_error(reply_id, error_code::invalid_request, "Invalid Request: jsonrpc must be \"2.0\"");
    return;
  }
  const auto& method = member(message, "method");
  if (method.is_null()) {
    // A response to one of our requests (registerCapability, refresh): nothing to do.
    if (has_id && (message.contains("result") || message.contains("error")))
      return;
    reply_error(reply_id, error_code::invalid_request,
                "Invalid Request: neither a request, a notification nor a response");
    return;
  }
  if (!method.is_string()) {
    reply_error(reply_id, error_code::invalid_request, "Invalid Request: method must be a string");
    return;
  }
  const auto& params = member(message, "params");
  if (!params.is_null() && !params.is_object() && !params.is_array()) {
    if (has_id)
      reply_error(reply_id, error_code::invalid_request,
                  "Invalid Request: params must be an object or an array");
    return;
  }
  if (has_id && !valid_id(id)) {
    reply_error(nullptr, error_code::invalid_request,
                "Invalid Request: id must be a string or an integer");
    return;
  }
  if (has_id) {
    dispatch_request(id, method.get_ref<const std::string&>(), params);
  } else {
    dispatch_notification(method.get_ref<const std::string&>(), params);
  }
}

void Server::dispatch_request(const json& id, const std::string& method, const json& params) {
  if (state_ == State::uninitialized && method != "initialize") {
    reply_error(id, error_code::server_not_initialized, "the server is not initialized");
    return;
  }
  if (state_ == State::shutting_down) {
    reply_error(id, error_code::invalid_request, "server is shutting down");
    return;
  }
  const auto handler = requests_.find(method);
  if (handler == requests_.end()) {
    reply_error(id, error_code::method_not_found, "Method not found: " + method);
    return;
  }
  try {
    reply(id, (this->*handler->second)(params));
  } catch (const RpcError& error) {
    reply_error(id, error.code(), error.what());
  } catch (const json::exception& error) {
    reply_error(id, error_code::invalid_params, std::string("Invalid params: ") + error.what());
  } catch (const std::exception& error) {
    reply_error(id, error_code::internal_error, std::string("Internal error: ") + error.what());
  }
}

void Server::dispatch_notification(const std::string& method, const json& params) {
  if (method != "exit" && state_ != State::running)
    return;
  const auto handler = notifications_.find(method);
  if (handler == notifications_.end())
    return;  // unknown notifications are ignored
  try {
    (this->*handler->second)(params);
  } catch (const std::exception& error) {
    log(method + ": " + error.what());
  }
}

void Server::reply(const json& id, json result) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const json& id, int code, std::string_view message) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(std::string_view method, json params) {
  send_({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::request(std::string_view method, json params) {
  json message = {{"jsonrpc", "2.0"},
                  {"id", "baton-" + std::to_string(next_request_id_++)},
                  {"method", method}};
  if (!params.is_null())
    message["params"] = std::move(params);
  send_(message);
}

void Server::log(std::string_view message) {
  if (log_)
    *log_ << "baton lsp: " << message << '\n' << std::flush;
}

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

json Server::on_initialize(const json& params) {
  if (state_ != State::uninitialized)
    throw RpcError(error_code::invalid_request, "the server is already initialized");
  client_ = parse_client_capabilities(params);
  state_ = State::running;
  // The workspace root, for a relative configPath: rootUri, else rootPath.
  if (const auto& root_uri = member(params, "rootUri"); root_uri.is_string())
    root_ = uri_to_path(root_uri.get_ref<const std::string&>());
  else if (const auto& root_path = member(params, "rootPath"); root_path.is_string())
    root_ = root_path.get<std::string>();
  auto settings = parse_editor_settings(member(params, "initializationOptions"), root_);
  workspace_.set_settings(std::move(settings.settings));
  // Said after `initialized`: nothing but the reply may come before it.
  pending_problems_ = std::move(settings.problems);
  json code_action_provider = true;
  if (client_.code_action_literals)
    code_action_provider = {{"codeActionKinds", {"quickfix", fix_all_kind}}};
  return {{"capabilities",
           {{"positionEncoding", to_string(client_.encoding)},
            {"textDocumentSync",
             {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"diagnosticProvider",
             {{"identifier", "baton"},
              {"interFileDependencies", false},
              {"workspaceDiagnostics", false}}},
            {"codeActionProvider", code_action_provider},
            {"hoverProvider", true},
            {"documentSymbolProvider", true},
            {"documentLinkProvider", {{"resolveProvider", false}}},
            {"completionProvider", {{"triggerCharacters", {" "}}, {"resolveProvider", false}}}}},
          {"serverInfo", {{"name", "baton"}, {"version", baton::version}}}};
}

json Server::on_shutdown(const json&) {
  shutdown_requested_ = true;
  state_ = State::shutting_down;
  return nullptr;
}

void Server::on_initialized(const json&) {
  for (const auto& problem : pending_problems_) show_warning(problem);
  pending_problems_.clear();
  if (!client_.watched_files_registration)
    return;
  request("client/registerCapability",
          {{"registrations",
            {{{"id", "baton-config-watcher"},
              {"method", "workspace/didChangeWatchedFiles"},
              {"registerOptions",
               {{"watchers", {{{"globPattern", "**/" + std::string(config_file_name)}}}}}}}}}});
}

void Server::on_exit(const json&) {
  exit_requested_ = true;
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

OpenDocument& Server::document_for(const json& params) {
  const auto& uri = document_uri(params);
  auto* document = workspace_.find(uri);
  if (!document)
    throw RpcError(error_code::invalid_params, "document not open: " + uri);
  return *document;
}

void Server::publish(OpenDocument& document) {
  if (client_.pull_diagnostics)
    return;
  const auto& analysis = workspace_.analysis(document);
  notify("textDocument/publishDiagnostics",
         {{"uri", document.uri},
          {"version", document.version},
          {"diagnostics", diagnostics_json(analysis, client_.encoding, document.uri)}});
}

void Server::on_did_open(const json& params) {
  const auto& item = required_object(params, "textDocument");
  auto& document = workspace_.open(required_string(item, "uri"), optional_version(item),
                                   required_string(item, "text"));
  publish(document);
}

void Server::on_did_change(const json& params) {
  auto& document = document_for(params);
  workspace_.change(document, optional_version(required_object(params, "textDocument")),
                    member(params, "contentChanges"), client_.encoding);
  publish(document);
}

void Server::on_did_save(const json& params) {
  const auto& uri = document_uri(params);
  if (is_config_uri(uri)) {
    on_configuration_changed();
    return;
  }
  if (auto* document = workspace_.find(uri)) {
    if (const auto& text = member(params, "text"); text.is_string()) {
      document->text = text.get<std::string>();
      document->analysis.reset();
    }
    publish(*document);
  }
}

void Server::on_did_close(const json& params) {
  const auto& uri = document_uri(params);
  workspace_.close(uri);
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Server::on_did_change_watched_files(const json& params) {
  const auto& changes = member(params, "changes");
  if (!changes.is_array())
    return;
  for (const auto& change : changes) {
    const auto& uri = member(change, "uri");
    if (uri.is_string() && is_config_uri(uri.get_ref<const std::string&>())) {
      on_configuration_changed();
      return;
    }
  }
}

void Server::on_ignored(const json&) {}

// New editor settings: {"settings": {"baton": {...}}} (or the settings
// themselves). Settings that hold nothing of baton's (null, {}, another
// server's section) change nothing.
void Server::on_did_change_configuration(const json& params) {
  const auto& value = member(params, "settings");
  if (!value.is_object()) return;
  auto settings = parse_editor_settings(value, root_);
  if (!settings.present) return;
  for (const auto& problem : settings.problems) show_warning(problem);
  if (workspace_.set_settings(std::move(settings.settings))) relint_all();
}

void Server::show_warning(std::string_view message) {
  log(message);
  notify("window/showMessage", {{"type", 2}, {"message", message}});
}

// A .baton.json changed: read configurations again, then re-lint.
void Server::on_configuration_changed() {
  workspace_.invalidate_all();
  relint_all();
}

void Server::relint_all() {
  if (client_.pull_diagnostics) {
    if (client_.diagnostic_refresh)
      request("workspace/diagnostic/refresh", nullptr);
    return;
  }
  for (auto* document : workspace_.documents())
    publish(*document);
}

// ---------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------

json Server::on_diagnostic(const json& params) {
  auto* document = workspace_.find(document_uri(params));
  if (!document)
    return {{"kind", "full"}, {"items", json::array()}};
  const auto& analysis = workspace_.analysis(*document);
  const auto result_id = std::to_string(document->result_id);
  if (const auto& previous = member(params, "previousResultId");
      previous.is_string() && previous.get_ref<const std::string&>() == result_id)
    return {{"kind", "unchanged"}, {"resultId", result_id}};
  return {{"kind", "full"},
          {"resultId", result_id},
          {"items", diagnostics_json(analysis, client_.encoding, document->uri)}};
}

json Server::on_code_action(const json& params) {
  auto& document = document_for(params);
  const auto range = range_from_json(member(params, "range"));
  std::vector<std::string> only;
  if (const auto& kinds = member(member(params, "context"), "only"); kinds.is_array()) {
    for (const auto& kind : kinds)
      if (kind.is_string())
        only.push_back(kind.get<std::string>());
  }
  return code_actions(workspace_.analysis(document), document.uri, client_.encoding, range, only);
}

json Server::on_hover(const json& params) {
  auto& document = document_for(params);
  auto result = hover(workspace_.analysis(document), client_.encoding,
                      position_from_json(member(params, "position")), client_.markdown_hover);
  return result ? std::move(*result) : json(nullptr);
}

json Server::on_document_symbol(const json& params) {
  auto& document = document_for(params);
  return document_symbols(workspace_.analysis(document), client_.encoding, document.uri,
                          client_.hierarchical_symbols);
}

json Server::on_completion(const json& params) {
  auto& document = document_for(params);
  return completion(workspace_.analysis(document), client_.encoding,
                    position_from_json(member(params, "position")));
}

json Server::on_document_link(const json& params) {
  auto& document = document_for(params);
  return document_links(workspace_.analysis(document), client_.encoding, [](std::string_view path) {
    std::error_code error;
    return std::filesystem::is_regular_file(std::filesystem::path(path), error);
  });
}

int serve(Transport& transport, std::ostream* log) {
  Server server([&transport](const json& message) { transport.write(dump(message)); }, log);
  while (!server.exit_requested()) {
    auto result = transport.read();
    if (result.status == ReadResult::Status::eof)
      break;
    if (result.status == ReadResult::Status::error) {
      server.handle_frame_error(result.error);
      continue;
    }
    server.handle_body(result.body);
  }
  return server.exit_code();
}

}  // namespace baton::lsp
