#include "lsp/workspace.hpp"

#include "rules/registry.hpp"

#include <utility>

namespace baton::lsp {

void apply_change(std::string& text, const Range& range, std::string_view replacement,
                  PositionEncoding encoding) {
  auto begin = offset_in_text(text, range.start, encoding);
  auto end = offset_in_text(text, range.end, encoding);
  if (end < begin)
    std::swap(begin, end);
  text.replace(begin, end - begin, replacement);
}

OpenDocument& Workspace::open(std::string uri, std::int64_t version, std::string text) {
  OpenDocument document;
  document.path = uri_to_path(uri);
  document.uri = uri;
  document.version = version;
  document.text = std::move(text);
  auto& stored = documents_[std::move(uri)];
  stored = std::move(document);
  return stored;
}

OpenDocument* Workspace::find(std::string_view uri) {
  const auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

bool Workspace::close(std::string_view uri) {
  const auto it = documents_.find(uri);
  if (it == documents_.end())
    return false;
  documents_.erase(it);
  return true;
}

void Workspace::change(OpenDocument& document, std::int64_t version, const json& changes,
                       PositionEncoding encoding) {
  if (!changes.is_array())
    throw RpcError(error_code::invalid_params, "contentChanges must be an array");
  for (const auto& change : changes) {
    if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
      throw RpcError(error_code::invalid_params, "a content change needs a text");
    const auto& text = change["text"].get_ref<const std::string&>();
    if (change.contains("range") && !change["range"].is_null()) {
      apply_change(document.text, range_from_json(change["range"]), text, encoding);
    } else {
      document.text = text;
    }
  }
  document.version = version;
  document.analysis.reset();
}

const Analysis& Workspace::analysis(OpenDocument& document) {
  if (!document.analysis) {
    if (!config_) {
      try {
        config_.emplace(settings_.config_path ? std::optional<std::filesystem::path>(*settings_.config_path)
                                              : std::nullopt,
                        rules::registry());
      } catch (const engine::ConfigFailure&) {
        config_.emplace(std::nullopt, rules::registry());  // a bad configPath: the nearest .baton.json
      }
    }
    document.analysis = lint_open_document(document.path, document.text, &*config_, settings_);
    document.result_id = next_result_id_++;
  }
  return *document.analysis;
}

void Workspace::invalidate_all() {
  config_.reset();
  for (auto& [uri, document] : documents_)
    document.analysis.reset();
}

bool Workspace::set_settings(EditorSettings settings) {
  if (settings == settings_) return false;
  settings_ = std::move(settings);
  invalidate_all();
  return true;
}

std::vector<OpenDocument*> Workspace::documents() {
  std::vector<OpenDocument*> open;
  for (auto& [uri, document] : documents_)
    open.push_back(&document);
  return open;
}

}  // namespace baton::lsp
