#include "lsp/lint_document.hpp"

#include "rules/registry.hpp"

#include <filesystem>

#include "engine/config_resolver.hpp"

namespace baton::lsp {

DocumentSettings settings_for_document(std::string_view path, engine::ConfigResolver* resolver) {
  DocumentSettings settings;
  if (path.empty() || !resolver) return settings;
  try {
    const std::filesystem::path file(path);
    if (const auto* resolved = resolver->for_file(file)) {
      const auto file_settings = engine::ConfigResolver::settings(*resolved, file);
      settings.ignored = file_settings.ignored;
      settings.options.rule_severities = file_settings.rules;
      settings.options.profile = file_settings.profile;
      settings.options.profile_spec = file_settings.profile_spec;
      settings.options.profile_definitions = file_settings.profile_definitions;
      if (file_settings.max_file_size) settings.limits.max_file_size = *file_settings.max_file_size;
      settings.options.project_root = file_settings.project_root;
    }
    if (!settings.options.project_root) settings.options.project_root = engine::enclosing_work_tree(file);
  } catch (const engine::ConfigFailure&) {
    // The CLI reports a bad configuration; the editor keeps linting with defaults.
  }
  return settings;
}

Analysis lint_open_document(std::string_view path, std::string text,
                            engine::ConfigResolver* resolver) {
  auto settings = settings_for_document(path, resolver);
  Analysis analysis{
      doc::build_document(source::SourceFile(std::string(path), std::move(text)), settings.limits), {}};
  if (settings.ignored)
    return analysis;
  auto result = engine::lint(analysis.document, rules::registry(), settings.options);
  analysis.diagnostics = std::move(result.diagnostics);
  analysis.profile = std::string(result.profile_name());
  analysis.profile_reason = std::string(engine::to_string(result.detected_by)) +
                            (result.profile_reason.empty() ? "" : ": " + result.profile_reason);
  return analysis;
}

}  // namespace baton::lsp
