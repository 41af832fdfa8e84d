#include "lsp/lint_document.hpp"

#include "rules/registry.hpp"

#include <filesystem>

#include "engine/config_resolver.hpp"

namespace baton::lsp {

namespace {

// The editor's profile and rule lists over what the configuration said.
void apply_editor_settings(const EditorSettings& editor, engine::LintOptions& options) {
  if (editor.profile) {
    // A name no .baton.json defines for this file leaves the profile as it was.
    if (const auto builtin = engine::parse_profile(*editor.profile)) {
      options.profile = *builtin;
      options.profile_spec = nullptr;
      options.forced_by = engine::DetectedBy::flag;
    } else if (auto spec = engine::find_definition(options.profile_definitions, *editor.profile)) {
      options.profile = engine::Profile::custom;
      options.profile_spec = std::move(spec);
      options.forced_by = engine::DetectedBy::flag;
    }
  }
  // Unknown rules were dropped when the settings were read.
  engine::apply_rule_selection(rules::registry(), editor.rules, options.rule_severities);
}

}  // namespace

DocumentSettings settings_for_document(std::string_view path, engine::ConfigResolver* resolver,
                                       const EditorSettings& editor) {
  DocumentSettings settings;
  if (path.empty() || !resolver) {
    apply_editor_settings(editor, settings.options);
    return settings;
  }
  try {
    const std::filesystem::path file(path);
    if (const auto* resolved = resolver->for_file(file)) {
      const auto file_settings = engine::ConfigResolver::settings(*resolved, file);
      settings.ignored = file_settings.ignored;
      settings.options.rule_severities = file_settings.rules;
      settings.options.profile = file_settings.profile;
      if (file_settings.profile) settings.options.forced_by = engine::DetectedBy::config;
      settings.options.profile_spec = file_settings.profile_spec;
      settings.options.project_root = file_settings.project_root;
      settings.options.profile_definitions = file_settings.profile_definitions;
      if (file_settings.max_file_size) settings.limits.max_file_size = *file_settings.max_file_size;
      settings.rule_docs_url = file_settings.rule_docs_url;
    }
    if (!settings.options.project_root) settings.options.project_root = engine::enclosing_work_tree(file);
  } catch (const engine::ConfigFailure&) {
    // The CLI reports a bad configuration; the editor keeps linting with defaults.
  }
  apply_editor_settings(editor, settings.options);
  return settings;
}

CheckedText check_text(std::string_view path, std::string text, engine::ConfigResolver* resolver,
                       std::optional<engine::Profile> profile, const EditorSettings& editor) {
  auto settings = settings_for_document(path, resolver, editor);
  if (profile) {
    settings.options.profile = profile;
    settings.options.forced_by = engine::DetectedBy::flag;
    settings.options.profile_spec = nullptr;  // as --profile: the engine takes the built-in spec
  }
  CheckedText checked{
      doc::build_document(source::SourceFile(std::string(path), std::move(text)), settings.limits), {}};
  checked.ignored = settings.ignored;
  checked.rule_docs_url = settings.rule_docs_url;
  if (!settings.ignored)
    checked.result = engine::lint(checked.document, rules::registry(), settings.options);
  return checked;
}

Analysis lint_open_document(std::string_view path, std::string text,
                            engine::ConfigResolver* resolver, const EditorSettings& editor) {
  auto checked = check_text(path, std::move(text), resolver, std::nullopt, editor);
  Analysis analysis{std::move(checked.document), std::move(checked.result.diagnostics), {}, {}};
  if (checked.rule_docs_url) analysis.rule_docs_url = *checked.rule_docs_url;
  if (checked.ignored)
    return analysis;  // no profile to show: the file was not linted
  analysis.profile = std::string(checked.result.profile_name());
  analysis.profile_reason =
      checked.result.detected_by == engine::DetectedBy::none
          ? "no profile matched: only the every-file rules ran"
          : std::string(engine::to_string(checked.result.detected_by)) +
                (checked.result.profile_reason.empty() ? "" : ": " + checked.result.profile_reason);
  return analysis;
}

}  // namespace baton::lsp
