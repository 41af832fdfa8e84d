// The language server lints with the user-defined profiles of the nearest
// `.baton.json`, exactly as `baton check` does.
#include <gtest/gtest.h>

#include "engine/config_resolver.hpp"
#include "lsp/lint_document.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace {

TEST(LspProfiles, UserDefinedProfileFromTheNearestConfiguration) {
  baton::test::TempDir dir;
  dir.write(".baton.json", baton::test::read_text(std::filesystem::path(BATON_SOURCE_DIR) / "fixtures" /
                                                  "profiles" / "team-handoff.baton.json"));
  const auto path = dir / "handoffs/today.md";
  const std::string text = "# Lexer\n\n## Goal\n\nPort it.\n";
  baton::engine::ConfigResolver resolver(std::nullopt, baton::rules::registry());
  const auto analysis = baton::lsp::lint_open_document(path, text, &resolver);
  std::vector<std::string> messages;
  for (const auto& d : analysis.diagnostics) {
    EXPECT_EQ(d.rule->code, "HP801");
    messages.push_back(d.message);
  }
  ASSERT_EQ(messages.size(), 3u) << "State, Files and Next Step are missing";
  EXPECT_NE(messages[0].find("the team-handoff profile requires the section \"State\""), std::string::npos)
      << messages[0];
  // Outside the definition's globs the same text is no handoff at all.
  const auto elsewhere = baton::lsp::lint_open_document(dir / "notes.md", text, &resolver);
  ASSERT_EQ(elsewhere.diagnostics.size(), 1u);
  EXPECT_EQ(elsewhere.diagnostics[0].rule->code, "HP001");
}

}  // namespace
