// `baton init` and user-defined profiles end to end, through baton::cli::run
// in a temporary directory.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/init_command.hpp"
#include "engine/config.hpp"
#include "rules/registry.hpp"
#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

using baton::test::read_text;
using baton::test::TempDir;

const fs::path source_dir(BATON_SOURCE_DIR);

TEST(Init, WritesACommentedConfigurationThatParses) {
  for (const auto* profile :
       {"spellbook-handoff", "spellbook-develop", "implementation-prompt", "custom"}) {
    SCOPED_TRACE(profile);
    TempDir dir;
    const auto result = baton::test::run_cli({"init", "--profile", profile, "--dir", dir.path().string()});
    ASSERT_EQ(result.code, 0) << result.err;
    EXPECT_NE(result.out.find(".baton.json"), std::string::npos);
    const auto text = read_text(dir.path() / ".baton.json");
    EXPECT_NE(text.find("// "), std::string::npos) << "the file explains itself";
    const auto parsed = engine::parse_config(text, ".baton.json", rules::registry());
    ASSERT_TRUE(std::holds_alternative<engine::Config>(parsed))
        << std::get<engine::ConfigError>(parsed).message;
    const auto& config = std::get<engine::Config>(parsed);
    if (std::string_view(profile) == "custom") {
      ASSERT_EQ(config.profile_definitions.size(), 1u);
      EXPECT_EQ(config.profile_definitions.begin()->first, "team-handoff");
    } else {
      ASSERT_EQ(config.profiles.size(), 1u);
      EXPECT_EQ(engine::to_string(config.profiles[0].first), profile);
    }
    struct stat info {};
    ASSERT_EQ(::stat((dir.path() / ".baton.json").c_str(), &info), 0);
    EXPECT_NE(info.st_mode & S_IRGRP, 0u) << "not left with mkstemp's 0600";
    // Nothing else is left in the directory (no temporary file).
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
  }
}

TEST(Init, DefaultsToSpellbookHandoffAndNeverOverwritesWithoutForce) {
  TempDir dir;
  ASSERT_EQ(baton::test::run_cli({"init", "--dir", dir.path().string()}).code, 0);
  const auto path = dir.path() / ".baton.json";
  EXPECT_NE(read_text(path).find("\"spellbook-handoff\": ["), std::string::npos);
  dir.write(".baton.json", "{\"rules\": {}}\n");
  const auto refused = baton::test::run_cli({"init", "--profile", "custom", "--dir", dir.path().string()});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("exists; use --force"), std::string::npos) << refused.err;
  EXPECT_EQ(read_text(path), "{\"rules\": {}}\n") << "the file is untouched";
  const auto forced =
      baton::test::run_cli({"init", "--profile", "custom", "--dir", dir.path().string(), "--force"});
  EXPECT_EQ(forced.code, 0) << forced.err;
  EXPECT_NE(read_text(path).find("profile_definitions"), std::string::npos);
}

TEST(Init, BadArgumentsExit2) {
  TempDir dir;
  const auto unknown = baton::test::run_cli({"init", "--profile", "nope", "--dir", dir.path().string()});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown profile 'nope'"), std::string::npos) << unknown.err;
  EXPECT_FALSE(fs::exists(dir.path() / ".baton.json"));
  const auto missing = baton::test::run_cli({"init", "--dir", (dir.path() / "absent").string()});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("not a directory"), std::string::npos) << missing.err;
  // Every offered profile has a scaffold.
  EXPECT_TRUE(cli::init_config_text("custom").has_value());
  EXPECT_FALSE(cli::init_config_text("unknown").has_value());
}

// A team's own format: `baton init --profile custom`, a handoff in the
// directory its globs name, findings that name the profile.
TEST(UserDefinedProfile, EndToEnd) {
  TempDir dir;
  ASSERT_EQ(baton::test::run_cli({"init", "--profile", "custom", "--dir", dir.path().string()}).code, 0);
  dir.write("handoffs/2026-11-21-lexer.md",
            "# Lexer work\n\n## State\n\nNothing changed\n\n## Goal\n\nPort the lexer.\n\n## "
            "Files\n\n- `src/lexer.rs`\n\n"
            "## Next Step\n\nKeep going.\n");
  dir.write("README.md", "# Project\n\n## Goal\n\nNothing to lint here.\n");
  const auto result = baton::test::run_cli({"check", "--format", "json", dir.path().string()});
  ASSERT_EQ(result.code, 1) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["files"], 1) << "the definition's globs pick the handoff, and only it";
  std::vector<std::string> rules;
  for (const auto& d : json["diagnostics"]) {
    rules.push_back(d["rule"].get<std::string>());
    EXPECT_NE(d["message"].get<std::string>().find("team-handoff"), std::string::npos)
        << d["message"];
  }
  EXPECT_EQ(rules, (std::vector<std::string>{"HP802", "HP805", "HP804"})) << result.out;

  // config --show names the profile.
  const auto shown = baton::test::run_cli({"config", "--show", dir / "handoffs/2026-11-21-lexer.md"});
  ASSERT_EQ(shown.code, 0) << shown.err;
  const auto settings = nlohmann::json::parse(shown.out);
  EXPECT_EQ(settings["profile"], "team-handoff");
  EXPECT_EQ(settings["profile_definitions"], nlohmann::json::array({"team-handoff"}));
  EXPECT_EQ(settings["max_file_size"], 10u * 1024 * 1024) << "the default limit when none is set";

  // --profile accepts the defined name; a marker does too.
  dir.write("notes/loose.md", "<!-- baton-profile team-handoff -->\n# Loose\n\n## Goal\n\nx\n");
  const auto marked =
      nlohmann::json::parse(baton::test::run_cli({"check", "--format", "json", dir / "notes/loose.md"}).out);
  EXPECT_EQ(marked["diagnostics"].size(), 3u) << "State, Files and Next Step are missing";
  const auto forced =
      baton::test::run_cli({"check", "--format", "concise", "--profile", "team-handoff", dir / "README.md"});
  EXPECT_EQ(forced.code, 1);
  EXPECT_NE(forced.out.find("the team-handoff profile requires the section \"State\""),
            std::string::npos)
      << forced.out;

  // A name no configuration defines is a usage error.
  const auto undefined = baton::test::run_cli({"check", "--profile", "other-handoff", dir / "README.md"});
  EXPECT_EQ(undefined.code, 2);
  EXPECT_NE(undefined.err.find("unknown profile 'other-handoff'"), std::string::npos)
      << undefined.err;
  const auto malformed = baton::test::run_cli({"check", "--profile", "Other Handoff", dir / "README.md"});
  EXPECT_EQ(malformed.code, 2);
}

TEST(UserDefinedProfile, BadDefinitionExits2NamingWhere) {
  TempDir dir;
  dir.write("x-handoff.md", "# Handoff: x\n\n## Resume At\n\nPhase 1\n");
  dir.write(
      ".baton.json",
      R"({"profile_definitions": {"team": {"sections": [{"name": "Goal", "heading": "(unclosed"}]}}})");
  const auto result = baton::test::run_cli({"check", dir / "x-handoff.md"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find(
                "profile_definitions.team.sections[0].heading: not a valid regular expression"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(DevelopHandoff, DirectoryScanPicksHandoffMd) {
  TempDir dir;
  dir.write("HANDOFF.md", read_text(source_dir / "fixtures" / "documents" / "develop-handoff.md"));
  dir.write("IMPLEMENTATION_PROMPT.md", "# Prompt\n\nBuild the thing.\n");
  dir.write("README.md", "# Handoff: not-a-handoff\n\n## Resume At\n\nx\n");
  const auto result = baton::test::run_cli({"check", "--format", "json", dir.path().string()});
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["files"], 2) << result.out;
}

}  // namespace

namespace {

// The custom scaffold of `baton init` is the team-handoff definition of
// docs/profiles.md and the fixtures, key for key.
TEST(Init, CustomScaffoldIsTheDocumentedDefinition) {
  const auto scaffold = engine::parse_config(*cli::init_config_text("custom"), "init", rules::registry());
  const auto fixture = engine::parse_config(
      read_text(source_dir / "fixtures" / "profiles" / "team-handoff.baton.json"), "fixture", rules::registry());
  ASSERT_TRUE(std::holds_alternative<engine::Config>(scaffold));
  ASSERT_TRUE(std::holds_alternative<engine::Config>(fixture));
  const auto& a = *std::get<engine::Config>(scaffold).profile_definitions.at("team-handoff");
  const auto& b = *std::get<engine::Config>(fixture).profile_definitions.at("team-handoff");
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.file_globs, b.file_globs);
  EXPECT_EQ(a.title->source, b.title->source);
  EXPECT_EQ(a.ordered, b.ordered);
  ASSERT_EQ(a.sections.size(), b.sections.size());
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    SCOPED_TRACE(a.sections[i].name);
    EXPECT_EQ(a.sections[i].name, b.sections[i].name);
    EXPECT_EQ(a.sections[i].heading.source, b.sections[i].heading.source);
    EXPECT_EQ(a.sections[i].level, b.sections[i].level);
    EXPECT_EQ(a.sections[i].required, b.sections[i].required);
    EXPECT_EQ(a.sections[i].empty_markers, b.sections[i].empty_markers);
    EXPECT_EQ(a.sections[i].calls, b.sections[i].calls);
    EXPECT_EQ(a.sections[i].absolute_paths, b.sections[i].absolute_paths);
  }
}

}  // namespace
