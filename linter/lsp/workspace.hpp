#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config_resolver.hpp"
#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"

namespace baton::lsp {

// A document the client has open: its text as the client last sent it, and
// the lint of that text, computed when first asked for.
struct OpenDocument {
  std::string uri;   // exactly as the client sent it (the key of every reply)
  std::string path;  // from the URI, for configuration and messages
  std::int64_t version = 0;
  std::string text;
  std::optional<Analysis> analysis;
  std::uint64_t result_id = 0;  // changes whenever `analysis` does (pull diagnostics)
};

// The open documents of one server. No globals: the server owns it.
class Workspace {
 public:
  OpenDocument& open(std::string uri, std::int64_t version, std::string text);
  OpenDocument* find(std::string_view uri);
  bool close(std::string_view uri);

  // Applies `contentChanges` of didChange in order: a change without a range
  // replaces the text, one with a range replaces that range (incremental
  // sync). Throws RpcError on malformed changes.
  void change(OpenDocument& document, std::int64_t version, const json& changes,
              PositionEncoding encoding);

  // The lint of the document's current text (computed if stale).
  const Analysis& analysis(OpenDocument& document);
  // Forgets every lint and every configuration read: a .baton.json changed.
  void invalidate_all();
  // The editor's settings; every lint is redone when they change. Returns
  // whether they changed.
  bool set_settings(EditorSettings settings);
  const EditorSettings& settings() const { return settings_; }

  std::vector<OpenDocument*> documents();

 private:
  std::map<std::string, OpenDocument, std::less<>> documents_;
  std::uint64_t next_result_id_ = 1;
  // Configurations read so far; made on first use, dropped by invalidate_all().
  std::optional<engine::ConfigResolver> config_;
  EditorSettings settings_;
};

// Applies one incremental edit to `text`.
void apply_change(std::string& text, const Range& range, std::string_view replacement,
                  PositionEncoding encoding);

}  // namespace baton::lsp
