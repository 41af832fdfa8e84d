#pragma once

// Shared by the generator tests: a fixed World and a linter run with the full
// registry (file-system checks answered by that World).

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/lint.hpp"
#include "generate/generator.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace baton::test {

inline const std::filesystem::path generate_fixtures =
    std::filesystem::path(BATON_SOURCE_DIR) / "fixtures" / "sessions" / "generate";

inline std::string normal_path(std::string_view path) {
  auto out = std::filesystem::path(path).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/')
    out.pop_back();
  return out;
}

class FakeWorld : public generate::World {
 public:
  std::map<std::string, std::size_t> files;  // absolute path -> line count
  std::optional<generate::GitState> git;

  generate::FileState file_state(const std::string& path) const override {
    const auto it = files.find(normal_path(path));
    if (it == files.end())
      return {};
    return {true, it->second};
  }
  std::optional<generate::GitState> git_state(const std::string&) const override { return git; }
  std::string now_utc() const override { return "2026-01-02T03:04:05Z"; }
  std::optional<std::string> home() const override { return std::string("/home/dev"); }
  std::string working_directory() const override { return "/home/dev/work"; }
};

// "line:column CODE message" for every diagnostic of the full registry.
inline std::vector<std::string> lint_all(const std::string& text, const generate::World& world,
                                         bool check_filesystem) {
  doc::initialize_markdown();
  const auto document = doc::build_document(source::SourceFile("handoff.md", text));
  engine::LintOptions options;
  options.check_filesystem = check_filesystem;
  options.file_exists = [&world](std::string_view path) {
    return world.file_state(std::string(path)).exists;
  };
  const auto result = engine::lint(document, rules::registry(), options);
  std::vector<std::string> found;
  if (result.profile != engine::Profile::spellbook_handoff)
    found.push_back("profile is not spellbook-handoff");
  for (const auto& diagnostic : result.diagnostics) {
    const auto& source = document.source();
    found.push_back(fmt::format("{}: {} {}", source.line_of(diagnostic.range.begin),
                                diagnostic.rule->code, diagnostic.message));
  }
  return found;
}

inline generate::Model model_of(const std::filesystem::path& session, const generate::World& world,
                                std::optional<std::string> project_dir = std::nullopt) {
  generate::LoadOptions options;
  options.project_dir = std::move(project_dir);
  return generate::extract(generate::load_session(session, options), world);
}

}  // namespace baton::test
