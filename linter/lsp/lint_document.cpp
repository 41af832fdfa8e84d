#include "lsp/lint_document.hpp"

#include "rules/registry.hpp"

#include <filesystem>
#include <optional>

#include "engine/config_resolver.hpp"

namespace baton::lsp {

namespace {

// One resolver for the server's lifetime: configurations are read once.
std::optional<engine::ConfigResolver>& resolver() {
  static std::optional<engine::ConfigResolver> instance;
  if (!instance) instance.emplace(std::nullopt, rules::registry());
  return instance;
}

}  // namespace

void forget_configuration() { resolver().reset(); }

DocumentSettings settings_for_document(std::string_view path) {
  DocumentSettings settings;
  if (path.empty()) return settings;
  try {
    const std::filesystem::path file(path);
    if (const auto* resolved = resolver()->for_file(file)) {
      const auto file_settings = engine::ConfigResolver::settings(*resolved, file);
      settings.ignored = file_settings.ignored;
      settings.options.rule_severities = file_settings.rules;
      settings.options.profile = file_settings.profile;
    }
  } catch (const engine::ConfigFailure&) {
    // The CLI reports a bad configuration; the editor keeps linting with defaults.
  }
  return settings;
}

Analysis lint_open_document(std::string_view path, std::string text) {
  auto settings = settings_for_document(path);
  Analysis analysis{doc::build_document(source::SourceFile(std::string(path), std::move(text))),
                    {}};
  if (settings.ignored)
    return analysis;
  analysis.diagnostics =
      engine::lint(analysis.document, rules::registry(), settings.options).diagnostics;
  return analysis;
}

}  // namespace baton::lsp
