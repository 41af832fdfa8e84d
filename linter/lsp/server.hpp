#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/protocol.hpp"
#include "lsp/transport.hpp"
#include "lsp/workspace.hpp"

namespace baton::lsp {

// The LSP binder: JSON-RPC dispatch (one table from method to handler), the
// server lifecycle and the open documents. Features live in their own files
// and see only an Analysis. Single-threaded: every message is handled before
// the next is read.
class Server {
 public:
  // `send` writes one outgoing message; `log` (may be null) receives one line
  // per problem worth telling a human (stderr in `baton lsp`).
  explicit Server(std::function<void(const json&)> send, std::ostream* log = nullptr);

  // One framed message body: parsed, then dispatched; -32700 when not JSON.
  void handle_body(std::string_view body);
  // A frame the transport could not read: -32700 with a null id.
  void handle_frame_error(std::string_view message);
  void handle(const json& message);

  bool exit_requested() const { return exit_requested_; }
  // The process exit code: 0 when `shutdown` came before `exit` (or the end
  // of input), 1 otherwise.
  int exit_code() const { return shutdown_requested_ ? 0 : 1; }

 private:
  using RequestHandler = json (Server::*)(const json& params);
  using NotificationHandler = void (Server::*)(const json& params);

  void dispatch_request(const json& id, const std::string& method, const json& params);
  void dispatch_notification(const std::string& method, const json& params);
  void reply(const json& id, json result);
  void reply_error(const json& id, int code, std::string_view message);
  void notify(std::string_view method, json params);
  void request(std::string_view method, json params);
  void log(std::string_view message);

  // Lifecycle.
  json on_initialize(const json& params);
  json on_shutdown(const json& params);
  void on_initialized(const json& params);
  void on_exit(const json& params);
  // Documents.
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_save(const json& params);
  void on_did_close(const json& params);
  void on_did_change_watched_files(const json& params);
  void on_did_change_configuration(const json& params);
  void on_ignored(const json& params);
  // Features.
  json on_diagnostic(const json& params);
  json on_code_action(const json& params);
  json on_hover(const json& params);
  json on_document_symbol(const json& params);
  json on_completion(const json& params);
  json on_document_link(const json& params);

  OpenDocument& document_for(const json& params);
  // Pushes the document's diagnostics unless the client pulls them.
  void publish(OpenDocument& document);
  // A `.baton.json` changed: configurations are read again and every open
  // document is re-linted.
  void on_configuration_changed();
  // Diagnostics again for every open document (pushed, or a refresh asked of
  // a pulling client), after their lints were dropped.
  void relint_all();
  // window/showMessage (Warning), and the log.
  void show_warning(std::string_view message);

  std::function<void(const json&)> send_;
  std::ostream* log_;
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;

  enum class State { uninitialized, running, shutting_down };
  State state_ = State::uninitialized;
  bool shutdown_requested_ = false;
  bool exit_requested_ = false;
  ClientCapabilities client_;
  Workspace workspace_;
  std::string root_;                            // the workspace folder, when the client names one
  std::vector<std::string> pending_problems_;  // from initializationOptions, said once initialized
  std::uint64_t next_request_id_ = 1;
};

// Serves one client over `transport` until `exit` or the end of input;
// returns the process exit code (Server::exit_code).
int serve(Transport& transport, std::ostream* log);

}  // namespace baton::lsp
