// baton's command line, run in-process through baton::cli::run.
#include "cli/cli.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "baton/version.hpp"
#include "cli/inputs.hpp"
#include "rules/registry.hpp"
#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

using baton::test::TempDir;
using baton::test::read_text;

const std::string plain_notes = "# Notes\n\nNothing to see.\n";

std::set<std::string> collected_names(const std::vector<std::string>& paths, std::ostream& err) {
  std::set<std::string> names;
  for (const auto& input : cli::collect_inputs(paths, "<stdin>", err).inputs) {
    names.insert(input.display_path);
  }
  return names;
}

TEST(Cli, VersionAndHelp) {
  const auto version = baton::test::run_cli({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, std::string("baton ") + baton::version + "\n");
  EXPECT_EQ(version.out, "baton 0.1.0\n");

  const auto help = baton::test::run_cli({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos);
  EXPECT_NE(help.out.find("explain"), std::string::npos);

  const auto check_help = baton::test::run_cli({"check", "--help"});
  EXPECT_EQ(check_help.code, 0);
  EXPECT_NE(check_help.out.find("--quiet"), std::string::npos) << check_help.out;
  EXPECT_NE(check_help.out.find("--stdin-filename"), std::string::npos);
}

TEST(Cli, UsageErrorsExit2) {
  const auto no_args = baton::test::run_cli({});
  EXPECT_EQ(no_args.code, 2);
  EXPECT_NE(no_args.err.find("check"), std::string::npos);

  const auto unknown_option = baton::test::run_cli({"check", "--bogus"});
  EXPECT_EQ(unknown_option.code, 2);
  EXPECT_NE(unknown_option.err.find("--bogus"), std::string::npos) << unknown_option.err;
  EXPECT_EQ(unknown_option.out, "");

  const auto unknown_command = baton::test::run_cli({"frobnicate"});
  EXPECT_EQ(unknown_command.code, 2);
  EXPECT_NE(
      unknown_command.err.find("unknown command 'frobnicate' (commands: check, explain, rules, sessions, generate, lsp, mcp, hook, init, config)"),
      std::string::npos)
      << unknown_command.err;

  const auto bad_format = baton::test::run_cli({"check", "--format", "xml", "."});
  EXPECT_EQ(bad_format.code, 2);
  EXPECT_NE(bad_format.err.find("xml"), std::string::npos) << bad_format.err;

  // An unknown flag is a usage error, before anything is linted (or fixed).
  EXPECT_EQ(baton::test::run_cli({"check", "--frobnicate", "/nonexistent-baton-path"}).code, 2);
}

TEST(Cli, MissingPathExits2BeforeLintingAnything) {
  TempDir dir;
  const auto present = dir.write("present-handoff.md", plain_notes);
  const auto missing = dir / "missing-handoff.md";
  const auto result = baton::test::run_cli({"check", present, missing});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("baton: error: path not found: " + missing), std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(Cli, DirectoryWithoutHandoffsExits2) {
  TempDir dir;
  const auto empty = baton::test::run_cli({"check", dir.path().string()});
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("baton: error: no files to lint"), std::string::npos) << empty.err;
  EXPECT_EQ(empty.out, "");

  dir.write("README.md", plain_notes);
  EXPECT_EQ(baton::test::run_cli({"check", dir.path().string()}).code, 2);
}

TEST(Cli, DirectoryWalkPicksHandoffsOnly) {
  TempDir dir;
  dir.write("x-handoff.md", plain_notes);
  dir.write("distilled/project/a.md", plain_notes);
  dir.write("notes/marked.md", "<!-- baton-profile spellbook-handoff -->\n# Notes\n");
  dir.write("notes/IMPLEMENTATION_PROMPT.md", plain_notes);
  dir.write("notes/Phase2-Implementation-Prompt.MD", plain_notes);
  dir.write("README.md", plain_notes);
  dir.write("notes/handoff.txt", plain_notes);
  dir.write("notes/unmarked.md", "# Notes\n<!-- baton-profilex -->\n");
  dir.write(".hidden/y-handoff.md", plain_notes);
  dir.write(".git/z-handoff.md", plain_notes);
  dir.write("node_modules/pkg/HANDOFF.md", plain_notes);
  fs::create_directory_symlink(dir.path() / "distilled", dir.path() / "linked");

  std::ostringstream err;
  const auto root = dir.path().string();
  EXPECT_EQ(collected_names({root}, err),
            (std::set<std::string>{root + "/distilled/project/a.md",
                                   root + "/notes/IMPLEMENTATION_PROMPT.md",
                                   root + "/notes/Phase2-Implementation-Prompt.MD",
                                   root + "/notes/marked.md", root + "/x-handoff.md"}));
  EXPECT_EQ(err.str(), "");

  const auto json = baton::test::run_cli({"check", "--format", "json", root});
  ASSERT_NE(json.code, 2) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["files"], 5);
}

TEST(Cli, WalkOrderIsSortedAndDisplayPathsKeepTheGivenRoot) {
  TempDir dir;
  dir.write("b-handoff.md", plain_notes);
  dir.write("a-handoff.md", plain_notes);
  dir.write("c/handoff.md", plain_notes);
  std::ostringstream err;
  const auto root = dir.path().string() + "/";
  const auto inputs = cli::collect_inputs({root}, "<stdin>", err).inputs;
  std::vector<std::string> names;
  for (const auto& input : inputs)
    names.push_back(input.display_path);
  EXPECT_EQ(names, (std::vector<std::string>{root + "a-handoff.md", root + "b-handoff.md",
                                             root + "c/handoff.md"}));
}

TEST(Cli, WalkedRootNamedDistilledCounts) {
  TempDir dir;
  dir.write("distilled/proj/session.md", plain_notes);
  std::ostringstream err;
  const auto root = dir / "distilled";
  EXPECT_EQ(collected_names({root}, err), (std::set<std::string>{root + "/proj/session.md"}));
}

TEST(Cli, HiddenDirectoryNamedExplicitlyIsWalked) {
  TempDir dir;
  const auto hidden = dir.write(".prompts/next-handoff.md", plain_notes);
  std::ostringstream err;
  EXPECT_EQ(collected_names({dir / ".prompts"}, err), (std::set<std::string>{hidden}));
}

TEST(Cli, ExplicitFileIsAlwaysLintedAndOnlyOnce) {
  TempDir dir;
  const auto readme = dir.write("README.md", plain_notes);
  const auto result = baton::test::run_cli({"check", "--format", "json", readme, readme});
  EXPECT_NE(result.code, 2) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["files"], 1);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << result.out;
  EXPECT_EQ(json["diagnostics"][0]["file"], readme);
  EXPECT_EQ(json["diagnostics"][0]["rule"], "HP001");
}

TEST(Cli, StdinWithDisplayName) {
  const auto named =
      baton::test::run_cli({"check", "-", "--stdin-filename", "piped-notes.md", "--format", "json"}, plain_notes);
  ASSERT_NE(named.code, 2) << named.err;
  const auto json = nlohmann::json::parse(named.out);
  EXPECT_EQ(json["files"], 1);
  for (const auto& item : json["diagnostics"])
    EXPECT_EQ(item["file"], "piped-notes.md");
  ASSERT_EQ(json["diagnostics"].size(), 1u);
  EXPECT_EQ(json["diagnostics"][0]["rule"], "HP001");
  EXPECT_EQ(json["diagnostics"][0]["severity"], "warning");

  const auto unnamed = baton::test::run_cli({"check", "--format", "concise", "-"}, plain_notes);
  EXPECT_EQ(unnamed.code, 0) << unnamed.err;
  EXPECT_TRUE(unnamed.out.starts_with("<stdin>:1:1: warning: ")) << unnamed.out;

  const auto without_dash = baton::test::run_cli({"check", "--stdin-filename", "x.md"}, plain_notes);
  EXPECT_EQ(without_dash.code, 2);
  EXPECT_NE(without_dash.err.find("--stdin-filename"), std::string::npos);
}

TEST(Cli, ExitCodeFollowsErrors) {
  const fs::path examples = fs::path(BATON_SOURCE_DIR) / "fixtures" / "examples";
  const auto broken = (examples / "broken-handoff.md").string();
  const auto clean = (examples / "clean-handoff.md").string();
  if (!fs::exists(broken) || !fs::exists(clean))
    GTEST_SKIP() << "example fixtures not present";

  const auto failing = baton::test::run_cli({"check", "--format", "concise", broken});
  EXPECT_EQ(failing.code, 1) << failing.err;
  EXPECT_NE(failing.out.find(broken + ":"), std::string::npos);
  EXPECT_NE(failing.out.find(": error: "), std::string::npos);

  const auto passing = baton::test::run_cli({"check", clean});
  EXPECT_EQ(passing.code, 0) << passing.out << passing.err;
  EXPECT_EQ(passing.out, "No problems found in 1 file.\n");

  const auto text = baton::test::run_cli({"check", broken});
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.out.find("\n  --> " + broken + ":"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\nFound "), std::string::npos);
}

TEST(Cli, QuietKeepsOnlyErrorsAndNoSummary) {
  TempDir dir;
  const auto notes = dir.write("notes-handoff.md", plain_notes);
  const auto quiet = baton::test::run_cli({"check", "--quiet", notes});
  EXPECT_EQ(quiet.code, 0);
  EXPECT_EQ(quiet.out, "");  // the unknown-format warning and the summary are left out
  const auto loud = baton::test::run_cli({"check", notes});
  EXPECT_NE(loud.out.find("in 1 file.\n"), std::string::npos) << loud.out;
}

TEST(Cli, InvalidProfileListsTheValidOnes) {
  TempDir dir;
  const auto notes = dir.write("notes-handoff.md", plain_notes);
  const auto result = baton::test::run_cli({"check", "--profile", "nope", notes});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("nope"), std::string::npos);
  EXPECT_NE(result.err.find("spellbook-handoff"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");

  const auto forced = baton::test::run_cli({"check", "--profile", "spellbook-handoff", "--format", "json", notes});
  ASSERT_NE(forced.code, 2) << forced.err;
  const auto forced_json = nlohmann::json::parse(forced.out);
  for (const auto& item : forced_json["diagnostics"]) {
    EXPECT_NE(item["rule"], "HP001");  // the profile was not detected, it was given
  }
}

TEST(Cli, ColourFollowsTheEnvironment) {
  TempDir dir;
  const auto notes = dir.write("notes-handoff.md", plain_notes);
  cli::Environment terminal;
  terminal.stdout_is_terminal = true;
  EXPECT_NE(baton::test::run_cli({"check", notes}, "", terminal).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(baton::test::run_cli({"check", notes}, "", {}).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(baton::test::run_cli({"check", "--no-color", notes}, "", terminal).out.find('\x1b'), std::string::npos);
  cli::Environment no_color = terminal;
  no_color.no_color = true;
  EXPECT_EQ(baton::test::run_cli({"check", notes}, "", no_color).out.find('\x1b'), std::string::npos);
  cli::Environment forced;
  forced.force_color = true;
  EXPECT_NE(baton::test::run_cli({"check", notes}, "", forced).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(baton::test::run_cli({"check", "--format", "json", notes}, "", forced).out.find('\x1b'),
            std::string::npos);
}

TEST(Cli, UnreadableFileExits2) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root reads every file";
  TempDir dir;
  const auto locked = dir.write("locked-handoff.md", plain_notes);
  fs::permissions(locked, fs::perms::none);
  const auto result = baton::test::run_cli({"check", locked});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("cannot read " + locked), std::string::npos) << result.err;
}

TEST(Cli, ReadErrorExits2) {
  // Reading /proc/self/mem at offset 0 fails with EIO, even for root.
  if (!fs::exists("/proc/self/mem"))
    GTEST_SKIP() << "no /proc";
  const auto result = baton::test::run_cli({"check", "/proc/self/mem"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("baton: error: cannot read /proc/self/mem: "), std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(Cli, ExplainByCodeAndName) {
  if (rules::registry().empty())
    GTEST_SKIP() << "no rules registered yet";
  const auto& rule = *rules::registry().front();
  const auto heading = std::string(rule.code) + " " + std::string(rule.name) + "\n";

  std::string lower_code(rule.code);
  for (char& c : lower_code)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto by_code = baton::test::run_cli({"explain", lower_code});
  EXPECT_EQ(by_code.code, 0) << by_code.err;
  EXPECT_TRUE(by_code.out.starts_with(heading)) << by_code.out;

  const auto by_name = baton::test::run_cli({"explain", std::string(rule.name)});
  EXPECT_EQ(by_name.code, 0);
  EXPECT_EQ(by_name.out, by_code.out);

  const auto markdown = baton::test::run_cli({"explain", std::string(rule.code), "--format", "markdown"});
  EXPECT_EQ(markdown.code, 0);
  EXPECT_TRUE(markdown.out.starts_with("# " + heading)) << markdown.out;
  EXPECT_NE(markdown.out.find("## Why it matters"), std::string::npos);

  const auto json = baton::test::run_cli({"explain", std::string(rule.name), "--format", "json"});
  EXPECT_EQ(json.code, 0);
  const auto object = nlohmann::json::parse(json.out);
  EXPECT_EQ(object["code"], rule.code);
  EXPECT_EQ(object["name"], rule.name);
}

TEST(Cli, ExplainUnknownRuleExits2) {
  const auto result = baton::test::run_cli({"explain", "HP999-no-such-rule"});
  EXPECT_EQ(result.code, 2);
  EXPECT_NE(result.err.find("unknown rule 'HP999-no-such-rule'"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(baton::test::run_cli({"explain"}).code, 2);
}

TEST(Cli, RulesAsJsonAndText) {
  const auto json = baton::test::run_cli({"rules", "--format", "json"});
  EXPECT_EQ(json.code, 0);
  const auto array = nlohmann::json::parse(json.out);
  ASSERT_TRUE(array.is_array());
  ASSERT_EQ(array.size(), rules::registry().size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    EXPECT_EQ(array[i]["code"], rules::registry()[i]->code);
    EXPECT_EQ(array[i]["name"], rules::registry()[i]->name);
  }

  const auto text = baton::test::run_cli({"rules"});
  EXPECT_EQ(text.code, 0);
  EXPECT_TRUE(text.out.starts_with("CODE ")) << text.out;
  for (const auto* rule : rules::registry()) {
    EXPECT_NE(text.out.find(std::string(rule->name)), std::string::npos);
  }
}

}  // namespace

TEST(Cli, CheckFsReportsMissingReadTargets) {
  TempDir dir;
  const auto existing = dir.write("plan.md", "# Plan\n");
  const auto handoff = dir.write(
      "x-handoff.md", "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Required Document Reads\n\n```\nRead(\"" +
                          existing + "\")\nRead(\"" + (dir / "gone.md") + "\")\n```\n");
  const auto without = nlohmann::json::parse(baton::test::run_cli({"check", "--format", "json", handoff}).out);
  for (const auto& item : without["diagnostics"]) {
    EXPECT_NE(item["rule"], "HP203") << "HP203 must need --check-fs";
  }
  const auto with = nlohmann::json::parse(baton::test::run_cli({"check", "--check-fs", "--format", "json", handoff}).out);
  std::vector<int> lines;
  for (const auto& item : with["diagnostics"]) {
    if (item["rule"] == "HP203") lines.push_back(item["line"]);
  }
  EXPECT_EQ(lines, std::vector<int>{7}) << with.dump(2);
}

namespace {

std::vector<std::string> rules_reported(const std::string& json_text) {
  const auto json = nlohmann::json::parse(json_text);
  std::vector<std::string> codes;
  for (const auto& item : json["diagnostics"]) codes.push_back(item["rule"].get<std::string>());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

const std::string broken_example = (fs::path(BATON_SOURCE_DIR) / "fixtures" / "examples" / "broken-handoff.md").string();

}  // namespace

TEST(Config, NearestFileOverridesAndProfiles) {
  TempDir dir;
  const auto broken = read_text(broken_example);
  dir.write("a-handoff.md", broken);
  dir.write("sub/b-handoff.md", broken);
  dir.write("notes/plain.md", broken);
  dir.write(".baton.json", R"({
    // comments are allowed
    "rules": {"HP201": "off", "vague-instruction": "warning"},
    "profiles": {"spellbook-handoff": ["notes/*.md"]},
    "overrides": [{"files": ["sub/**"], "rules": {"HP101": "off"}}]
  })");
  const auto result = baton::test::run_cli({"check", "--format", "json", dir.path().string()});
  ASSERT_EQ(result.code, 1) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["files"], 3) << "the profile glob adds notes/plain.md to the walk";
  for (const auto& item : json["diagnostics"]) {
    const auto rule = item["rule"].get<std::string>();
    const auto file = item["file"].get<std::string>();
    EXPECT_NE(rule, "HP201");
    if (rule == "HP103") {
      EXPECT_EQ(item["severity"], "warning");
    }
    if (file.find("sub/") != std::string::npos) {
      EXPECT_NE(rule, "HP101");
    }
  }
  // A nearer file wins; it may extend the outer one.
  dir.write("sub/.baton.json", R"({"extends": "../.baton.json", "rules": {"HP102": "info"}})");
  const auto nested = nlohmann::json::parse(baton::test::run_cli({"check", "--format", "json", dir / "sub"}).out);
  bool saw_info = false;
  for (const auto& item : nested["diagnostics"]) {
    EXPECT_NE(item["rule"], "HP201") << "inherited through extends";
    if (item["rule"] == "HP102") saw_info = item["severity"] == "info";
  }
  EXPECT_TRUE(saw_info);
}

TEST(Config, BadConfigurationsExit2WithTheReason) {
  TempDir dir;
  dir.write("x-handoff.md", read_text(broken_example));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"rulez": {}})", "unknown key \"rulez\""},
      {R"({"rules": {"HP999": "off"}})", "unknown rule \"HP999\""},
      {R"({"rules": {"HP102": "fatal"}})", "unknown severity \"fatal\""},
      {R"({"rules": )", "not valid JSON"},
      {R"({"extends": "missing.json"})", "does not exist"},
      {R"({"extends": ".baton.json"})", "cycle"},
      {R"({"overrides": [{"rules": {}}]})", "needs \"files\""},
      {R"({"profiles": {"nope": ["*.md"]}})", "unknown profile"}};
  for (const auto& [text, reason] : cases) {
    dir.write(".baton.json", text);
    const auto result = baton::test::run_cli({"check", dir / "x-handoff.md"});
    EXPECT_EQ(result.code, 2) << text;
    EXPECT_NE(result.err.find(reason), std::string::npos) << text << "\n" << result.err;
    EXPECT_EQ(result.out, "") << "nothing is linted with a bad configuration";
  }
}

TEST(Config, IgnoreSkipsWalkedFilesButNotNamedOnes) {
  TempDir dir;
  dir.write("archive/old-handoff.md", read_text(broken_example));
  dir.write("new-handoff.md", read_text(broken_example));
  dir.write(".baton.json", R"({"ignore": ["archive/**"]})");
  const auto walked = nlohmann::json::parse(baton::test::run_cli({"check", "--format", "json", dir.path().string()}).out);
  EXPECT_EQ(walked["files"], 1);
  const auto named = nlohmann::json::parse(baton::test::run_cli({"check", "--format", "json", dir / "archive/old-handoff.md"}).out);
  EXPECT_EQ(named["files"], 1);
}

TEST(Config, ExplicitConfigAndShow) {
  TempDir dir;
  dir.write("x-handoff.md", read_text(broken_example));
  const auto config = dir.write("team.json", R"({"rules": {"action-in-section0": "off"}})");
  const auto result = baton::test::run_cli({"check", "--format", "json", "--config", config, dir / "x-handoff.md"});
  for (const auto& code : rules_reported(result.out)) EXPECT_NE(code, "HP109");
  EXPECT_EQ(baton::test::run_cli({"check", "--config", dir / "none.json", dir / "x-handoff.md"}).code, 2);

  const auto shown = baton::test::run_cli({"config", "--show", dir / "x-handoff.md", "--config", config});
  ASSERT_EQ(shown.code, 0) << shown.err;
  const auto json = nlohmann::json::parse(shown.out);
  EXPECT_EQ(json["rules"]["HP109"], "off");
  EXPECT_EQ(json["rules"]["HP102"], "error");
  EXPECT_EQ(json["configuration"], config);
  EXPECT_EQ(baton::test::run_cli({"config"}).code, 2);
  EXPECT_NO_THROW(nlohmann::json::parse(baton::test::run_cli({"config", "--schema"}).out));
}

TEST(Policy, SelectIgnoreStrictAndMaxWarnings) {
  EXPECT_EQ(rules_reported(baton::test::run_cli({"check", "--format", "json", "--select", "HP1", "--ignore", "HP109,HP106",
                                broken_example}).out),
            (std::vector<std::string>{"HP101", "HP102", "HP103"}));
  EXPECT_EQ(rules_reported(baton::test::run_cli({"check", "--format", "json", "--select", "skill-call-missing",
                                "--select", "HP2", broken_example}).out),
            (std::vector<std::string>{"HP102", "HP201"}));
  EXPECT_EQ(baton::test::run_cli({"check", "--select", "HP999", broken_example}).code, 2);
  EXPECT_EQ(baton::test::run_cli({"check", "--ignore", "nonsense", broken_example}).code, 2);

  // Only warnings: exit 0, unless --strict or over --max-warnings.
  TempDir dir;
  const auto config = dir.write("w.json", R"({"rules": {"HP103": "warning"}})");
  const std::vector<std::string> only_warning = {"check", "--config", config, "--select", "HP103", broken_example};
  EXPECT_EQ(baton::test::run_cli(only_warning).code, 0);
  auto strict = only_warning;
  strict.push_back("--strict");
  EXPECT_EQ(baton::test::run_cli(strict).code, 1);
  auto over = only_warning;
  over.insert(over.end(), {"--max-warnings", "0"});
  const auto over_result = baton::test::run_cli(over);
  EXPECT_EQ(over_result.code, 1);
  EXPECT_NE(over_result.err.find("more than --max-warnings 0"), std::string::npos);
  auto within = only_warning;
  within.insert(within.end(), {"--max-warnings", "1"});
  EXPECT_EQ(baton::test::run_cli(within).code, 0);
  auto quiet_strict = strict;
  quiet_strict.push_back("--quiet");
  EXPECT_EQ(baton::test::run_cli(quiet_strict).code, 1) << "--quiet hides warnings but --strict still counts them";
}

TEST(Fix, SafeFixesAreWrittenAtomicallyKeepingTheMode) {
  TempDir dir;
  const auto file = dir.write("x-handoff.md",
                              "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Background Reading\n\n"
                              "NO DOCUMENTS TO READ\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto result = baton::test::run_cli({"check", "--fix", "--select", "HP008", file});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.err.find("fixed 1 finding"), std::string::npos) << result.err;
  EXPECT_EQ(read_text(file),
            "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Required Document Reads\n\nNO DOCUMENTS TO READ\n");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u) << "no temporary file is left behind";
}

TEST(Fix, UnsafeFixesNeedTheFlagAndHomeNeedsHome) {
  TempDir dir;
  const std::string original = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Required Document Reads\n\n"
                               "```\nRead(\"~/notes.md\")\n```\n";
  const auto file = dir.write("x-handoff.md", original);
  EXPECT_EQ(baton::test::run_cli({"check", "--fix", "--select", "HP201", file}).code, 1);
  EXPECT_EQ(read_text(file), original) << "the ~ fix is unsafe";
  EXPECT_EQ(baton::test::run_cli({"check", "--fix", "--unsafe-fixes", "--select", "HP201", file}).code, 1);
  EXPECT_EQ(read_text(file), original) << "without --home there is no ~ fix";
  EXPECT_EQ(baton::test::run_cli({"check", "--fix", "--unsafe-fixes", "--home", "/home/me/", "--select", "HP201", file}).code, 0);
  EXPECT_NE(read_text(file).find("Read(\"/home/me/notes.md\")"), std::string::npos) << read_text(file);
}

TEST(Fix, DiffPrintsAndWritesNothing) {
  TempDir dir;
  const std::string original = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Background\n\nNO DOCUMENTS TO READ\n";
  const auto file = dir.write("x-handoff.md", original);
  const auto result = baton::test::run_cli({"check", "--diff", "--select", "title-drift", file});
  EXPECT_EQ(result.code, 1);
  EXPECT_EQ(result.out, "--- a/" + file + "\n+++ b/" + file +
                            "\n@@ -1,5 +1,5 @@\n ## SECTION 0: MANDATORY FIRST ACTIONS\n \n-### 0.2 Background\n"
                            "+### 0.2 Required Document Reads\n \n NO DOCUMENTS TO READ\n");
  EXPECT_EQ(read_text(file), original);
  EXPECT_EQ(baton::test::run_cli({"check", "--diff", "--select", "HP102", file}).code, 0) << "nothing to fix";
  EXPECT_EQ(baton::test::run_cli({"check", "--fix", "-"}, original).code, 2);
}

TEST(Baseline, KnownFindingsStayOutUntilFixedAndStaleOnesAreReported) {
  TempDir dir;
  const auto file = dir.write("x-handoff.md", read_text(broken_example));
  const auto baseline = dir / "baseline.json";
  EXPECT_EQ(baton::test::run_cli({"check", "--baseline-write", baseline, file}).code, 1) << "writing does not hide findings";
  const auto quiet = baton::test::run_cli({"check", "--baseline", baseline, file});
  EXPECT_EQ(quiet.code, 0) << quiet.out;
  EXPECT_EQ(quiet.err, "");

  // Lines added above and edits elsewhere do not resurrect known findings.
  auto text = read_text(file);
  text.insert(text.find("## SECTION 0"), "\n");
  text += "\n<!-- notes added later -->\n";
  dir.write("x-handoff.md", text);
  EXPECT_EQ(baton::test::run_cli({"check", "--baseline", baseline, file}).code, 0);

  // A new finding is reported; a fixed one makes its entry stale.
  text.replace(text.find("Continue the workflow from the last task."), 41, "NO ACTIVE SKILL - proceed to 0.2");
  text += "\n```\nRead(\"relative/new.md\")\n```\n";
  dir.write("x-handoff.md", text);
  const auto result = baton::test::run_cli({"check", "--format", "json", "--baseline", baseline, file});
  EXPECT_EQ(result.code, 1);
  EXPECT_EQ(rules_reported(result.out), (std::vector<std::string>{"HP201"}));
  EXPECT_NE(result.err.find("2 baseline entries match no finding"), std::string::npos) << result.err;

  EXPECT_EQ(baton::test::run_cli({"check", "--baseline", dir / "missing.json", file}).code, 2);
  dir.write("bad.json", "{\"version\": 9}");
  EXPECT_EQ(baton::test::run_cli({"check", "--baseline", dir / "bad.json", file}).code, 2);
}

TEST(Github, StepSummaryIsAppendedForTheGithubFormatOnly) {
  TempDir dir;
  const auto summary = dir.write("summary.md", "previous step\n");
  cli::Environment env;
  env.github_step_summary = summary;
  const auto result = baton::test::run_cli({"check", "--format", "github", broken_example}, "", env);
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.out.find("::error file="), std::string::npos);
  const auto written = read_text(summary);
  EXPECT_TRUE(written.starts_with("previous step\n")) << "appended, not overwritten";
  EXPECT_NE(written.find("HP102"), std::string::npos) << written;
  const auto before = read_text(summary);
  baton::test::run_cli({"check", "--format", "json", broken_example}, "", env);
  EXPECT_EQ(read_text(summary), before) << "other formats leave it alone";
}
