#include "lsp/lint_document.hpp"

#include "rules/registry.hpp"

namespace baton::lsp {

DocumentSettings settings_for_document(std::string_view path) {
  (void)path;  // HOOK(config): resolve `.baton.json` for `path` here.
  return {};
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
