// Free-form handoffs, templates and the profile report, end to end through
// baton::cli::run in temporary directories.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using baton::test::run_cli;
using baton::test::TempDir;

namespace {

const std::string free_form =
    "# Session Handoff\n\n## Where we left off\n\nThe scanner is ported.\n\n## Key files\n\n"
    "- `src/scanner.ts`: the scanner\n\n## Next steps\n\n- Make the escape tests pass: `npm test`\n";

const std::string boot_prompt_content =
    "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\nNO ACTIVE SKILL - "
    "proceed to 0.2\n";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(GenericHandoffCli, DirectoryScanSniffsContentAndCountsWhatItSkips) {
  TempDir dir;
  dir.write("HANDOFF.md", free_form);
  dir.write("notes/boot-prompt.md", boot_prompt_content);
  dir.write("notes/NEXT_SESSION_PROMPT.md", free_form);
  // A README with resume headings is a project document, never a handoff by content.
  dir.write("README.md", "# Project\n\n## Next steps\n\nShip.\n\n## TODO\n\n- Docs\n");
  dir.write("docs/guide.md", "# Guide\n\nHow to build.\n");
  const auto run = run_cli({"check", "--format", "json", dir.path().string()});
  ASSERT_NE(run.code, 2) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  std::set<std::string> files;
  for (const auto& checked : json["checked_files"]) files.insert(fs::path(checked["file"].get<std::string>()).filename());
  EXPECT_EQ(files, (std::set<std::string>{"HANDOFF.md", "boot-prompt.md", "NEXT_SESSION_PROMPT.md"}));
  EXPECT_EQ(json["files"], 3);
  // Machine formats keep stderr quiet unless asked.
  EXPECT_EQ(run.err, "");

  const auto text = run_cli({"check", "--no-color", dir.path().string()});
  EXPECT_TRUE(contains(text.err, "baton: skipped 2 markdown files with no handoff content (--verbose lists them)"))
      << text.err;
  const auto verbose = run_cli({"check", "--no-color", "--verbose", dir.path().string()});
  EXPECT_TRUE(contains(verbose.err, "README.md")) << verbose.err;
  EXPECT_TRUE(contains(verbose.err, "guide.md")) << verbose.err;
  // --verbose names the profile of every file, clean ones included.
  EXPECT_TRUE(contains(verbose.out, "boot-prompt.md: checked as spellbook-handoff (content: ")) << verbose.out;
}

TEST(GenericHandoffCli, ProfileAndReasonInTextJsonAndSarif) {
  TempDir dir;
  const auto file = dir.write(".claude/HANDOFF.md", free_form);
  const auto text = run_cli({"check", "--no-color", file});
  EXPECT_EQ(text.code, 1) << text.out;
  EXPECT_TRUE(contains(text.out, "error[HP205/key-path-not-absolute]")) << text.out;
  EXPECT_TRUE(contains(text.out, "HANDOFF.md: checked as generic-handoff (name: file name `HANDOFF.md`)"))
      << text.out;

  const auto json = nlohmann::json::parse(run_cli({"check", "--format", "json", file}).out);
  ASSERT_EQ(json["checked_files"].size(), 1u);
  EXPECT_EQ(json["checked_files"][0]["file"], file);
  EXPECT_EQ(json["checked_files"][0]["profile"], "generic-handoff");
  EXPECT_EQ(json["checked_files"][0]["detected_by"], "name");

  const auto sarif = nlohmann::json::parse(run_cli({"check", "--format", "sarif", file}).out);
  const auto& artifacts = sarif["runs"][0]["artifacts"];
  ASSERT_EQ(artifacts.size(), 1u);
  EXPECT_EQ(artifacts[0]["properties"]["profile"], "generic-handoff");
  EXPECT_EQ(artifacts[0]["properties"]["profileDetectedBy"], "name");

  const auto forced = nlohmann::json::parse(
      run_cli({"check", "--format", "json", "--profile", "template", file}).out);
  EXPECT_EQ(forced["checked_files"][0]["profile"], "template");
  EXPECT_EQ(forced["checked_files"][0]["detected_by"], "flag");
  ASSERT_EQ(forced["diagnostics"].size(), 1u);
  EXPECT_EQ(forced["diagnostics"][0]["rule"], "HP012");
}

TEST(GenericHandoffCli, ProjectRootAcceptsRepositoryRelativePaths) {
  TempDir dir;
  const auto file = dir.write("HANDOFF.md", free_form);
  ASSERT_EQ(run_cli({"check", file}).code, 1);
  dir.write(".baton.json", "{\"project_root\": \".\"}\n");
  const auto run = run_cli({"check", "--format", "concise", file});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  const auto shown = nlohmann::json::parse(run_cli({"config", "--show", file}).out);
  EXPECT_EQ(shown["project_root"], dir.path().lexically_normal().string());
  EXPECT_EQ(shown["profile"], "generic-handoff");
  EXPECT_EQ(shown["profile_detected_by"], "name");

  dir.write(".baton.json", "{\"project_root\": \"\"}\n");
  const auto bad = run_cli({"check", file});
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(contains(bad.err, "project_root must be a non-empty path")) << bad.err;
}

// A handoff committed in a git work tree is read by a session started at
// its root: repository-relative key files need no configuration there.
TEST(GenericHandoffCli, GitWorkTreeIsTheDefaultProjectRoot) {
  TempDir dir;
  const auto file = dir.write(".claude/HANDOFF.md", free_form);
  ASSERT_EQ(run_cli({"check", file}).code, 1);  // no repository: relative paths are reported
  fs::create_directories(dir.path() / ".git");
  const auto run = run_cli({"check", "--format", "concise", file});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  const auto shown = nlohmann::json::parse(run_cli({"config", "--show", file}).out);
  EXPECT_EQ(shown["project_root"], fs::absolute(dir.path()).lexically_normal().string());
  EXPECT_EQ(shown["project_root_from"], "git work tree");
  // The configuration still wins.
  dir.write(".baton.json", "{\"project_root\": \".claude\"}\n");
  EXPECT_EQ(nlohmann::json::parse(run_cli({"config", "--show", file}).out)["project_root_from"], "configuration");
}

TEST(GenericHandoffCli, HandoffWithSecretsAndUnclosedFenceFails) {
  // Before the every-file rules, this file exited 0 with one HP001 warning.
  TempDir dir;
  const auto file = dir.write("SESSION_HANDOFF.md",
                              "# Notes\n\nToken ghp_EXAMPLEexample0000000000000000000000 and key "
                              "`AKIAEXAMPLE000000000`.\n\n## Next steps\n\n- Deploy: `make deploy`\n\n```sh\nmake\n");
  const auto run = run_cli({"check", "--format", "concise", file});
  EXPECT_EQ(run.code, 1);
  EXPECT_TRUE(contains(run.out, "[HP601/secret-in-prompt]")) << run.out;
  EXPECT_TRUE(contains(run.out, "[HP005/unclosed-fence]")) << run.out;
  // The same content under a name that is no handoff's is unknown, and still checked.
  const auto notes = dir.write("notes.md", "# Notes\n\nToken ghp_EXAMPLEexample0000000000000000000000.\n");
  const auto unknown = run_cli({"check", "--format", "concise", notes});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_TRUE(contains(unknown.out, "[HP001/unknown-format]")) << unknown.out;
  EXPECT_TRUE(contains(unknown.out, "[HP601/secret-in-prompt]")) << unknown.out;
}

}  // namespace

// spellbook's own files define the format: `baton check` over a checkout
// of its commands and docs must report no handoff errors and exit 0.
TEST(GenericHandoffCli, SpellbookCommandsDirectoryIsNotLintedAsHandoffs) {
  const fs::path spellbook = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "realworld" / "spellbook";
  if (!fs::exists(spellbook)) GTEST_SKIP() << "shared corpus not available: " << spellbook;
  TempDir dir;
  // Under their original paths (../shared/corpus/realworld/SOURCES.md).
  dir.write("commands/handoff.md", baton::test::read_text(spellbook / "spellbook-handoff-cmd-HEAD.md"));
  dir.write("commands/distill-session.md", baton::test::read_text(spellbook / "spellbook-distill-session-cmd-HEAD.md"));
  dir.write("docs/commands/handoff.md", baton::test::read_text(spellbook / "spellbook-docs-handoff-with-diagram.md"));
  // A generated diagram page of the command, as spellbook's docs/diagrams holds.
  std::string diagram = "# Diagram: handoff\n\nHow the command writes a handoff.\n\n```mermaid\nflowchart TD\n";
  for (int i = 0; i < 30; ++i) diagram += "    S" + std::to_string(i) + " --> S" + std::to_string(i + 1) + "\n";
  diagram += "```\n\n## Legend\n\n| Shape | Meaning |\n|---|---|\n| box | a step |\n";
  dir.write("docs/diagrams/commands/handoff.md", diagram);
  const auto run = run_cli({"check", "--format", "json", dir.path().string()});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  const auto json = nlohmann::json::parse(run.out);
  for (const auto& checked : json["checked_files"])
    EXPECT_EQ(checked["profile"], "template") << checked.dump();
  // distill-session.md has neither a handoff name nor handoff content: skipped.
  EXPECT_EQ(json["checked_files"].size(), 3u) << run.out;
  for (const auto& diagnostic : json["diagnostics"])
    EXPECT_NE(diagnostic["severity"], "error") << diagnostic.dump();
}
