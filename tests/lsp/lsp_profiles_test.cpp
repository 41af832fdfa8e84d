// The language server lints with the user-defined profiles of the nearest
// `.baton.json`, exactly as `baton check` does.
#include <gtest/gtest.h>

#include "engine/config_resolver.hpp"
#include "lsp/diagnostics.hpp"
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

// codeDescription links to the rule pages the configuration names, as SARIF
// helpUri does (rule_docs_url), and to the default pages without one.
TEST(LspConfig, CodeDescriptionFollowsTheConfiguredRuleDocsUrl) {
  baton::test::TempDir dir;
  const std::string text = baton::test::read_text(std::filesystem::path(BATON_SOURCE_DIR) / "fixtures" /
                                                  "examples" / "broken-handoff.md");
  const auto hrefs = [&](const std::string& path) {
    baton::engine::ConfigResolver resolver(std::nullopt, baton::rules::registry());
    const auto analysis = baton::lsp::lint_open_document(path, text, &resolver);
    std::vector<std::string> found;
    for (const auto& item : baton::lsp::diagnostics_json(analysis, baton::lsp::PositionEncoding::utf16, "file:///x"))
      found.push_back(item.at("codeDescription").at("href").get<std::string>());
    return found;
  };
  dir.write("pinned/.baton.json", R"({"rule_docs_url": "https://docs.example.com/v1/rules"})");
  const auto pinned = hrefs(dir / "pinned/next-session-handoff.md");
  const auto plain = hrefs(dir / "plain/next-session-handoff.md");
  ASSERT_FALSE(pinned.empty());
  ASSERT_EQ(pinned.size(), plain.size());
  for (std::size_t i = 0; i < pinned.size(); ++i) {
    EXPECT_TRUE(pinned[i].starts_with("https://docs.example.com/v1/rules/HP")) << pinned[i];
    EXPECT_TRUE(plain[i].starts_with(baton::engine::default_rule_docs_url)) << plain[i];
    EXPECT_TRUE(pinned[i].ends_with(".md")) << pinned[i];
  }
}

}  // namespace
