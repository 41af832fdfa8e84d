// What a CI run asks of `baton check` beyond the findings: several outputs in
// one run, --output-file, --statistics, --exit-zero, --show-fixes, opt-in
// rules, and the SARIF extras (helpUri, fixes, suppressions, baselineState).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using baton::test::read_text;
using baton::test::run_cli;
using baton::test::TempDir;
using nlohmann::json;

namespace {

const std::string broken =
    (fs::path(BATON_SOURCE_DIR) / "fixtures" / "examples" / "broken-handoff.md").string();

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Outputs, SeveralFormatsInOneRunEachToItsOwnPlace) {
  TempDir dir;
  const auto sarif = dir / "baton.sarif";
  const auto junit = dir / "baton.xml";
  const auto run = run_cli({"check", "--format", "concise", "--format", "sarif:" + sarif,
                            "--format", "junit:" + junit, broken});
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_NE(run.out.find("[HP102/skill-call-missing]"), std::string::npos) << run.out;
  EXPECT_EQ(json::parse(read_text(sarif))["version"], "2.1.0");
  EXPECT_NE(read_text(dir / "baton.xml").find("<testsuites"), std::string::npos);
  // Only sarif to a file: standard output stays empty.
  const auto quiet = run_cli({"check", "--format", "sarif:" + sarif, broken});
  EXPECT_EQ(quiet.code, 1);
  EXPECT_EQ(quiet.out, "");
  // FORMAT:- is standard output.
  EXPECT_TRUE(json::parse(run_cli({"check", "--format", "json:-", broken}).out).is_object());
}

TEST(Outputs, OutputFileIsWrittenWholeAndAtomically) {
  TempDir dir;
  const auto report = dir / "report.json";
  dir.write("report.json", "stale contents");
  const auto run = run_cli({"check", "--format", "json", "--output-file", report, broken});
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(json::parse(read_text(report))["summary"]["errors"].get<int>() > 0, true);
  // No temporary file is left beside it.
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"report.json"}));
  // -o is the short form, and the text format goes there uncoloured.
  const auto text = dir / "report.txt";
  baton::cli::Environment terminal;
  terminal.stdout_is_terminal = true;
  EXPECT_EQ(run_cli({"check", "-o", text, broken}, "", terminal).code, 1);
  EXPECT_EQ(read_text(text).find("\x1b["), std::string::npos);
}

TEST(Outputs, BadOutputRequestsAreUsageErrors) {
  TempDir dir;
  const auto two_stdout = run_cli({"check", "--format", "text", "--format", "json", broken});
  EXPECT_EQ(two_stdout.code, 2);
  EXPECT_NE(two_stdout.err.find("at most one --format can go to standard output"),
            std::string::npos)
      << two_stdout.err;
  const auto same_file =
      run_cli({"check", "--format", "json:" + dir / "a", "--format", "sarif:" + dir / "a", broken});
  EXPECT_EQ(same_file.code, 2);
  EXPECT_NE(same_file.err.find("two outputs write to"), std::string::npos) << same_file.err;
  const auto nothing_left =
      run_cli({"check", "--format", "json:" + dir / "a", "-o", dir / "b", broken});
  EXPECT_EQ(nothing_left.code, 2);
  EXPECT_NE(nothing_left.err.find("--output-file takes the output that has no file"),
            std::string::npos);
  const auto bad_name = run_cli({"check", "--format", "xml:" + dir / "a", broken});
  EXPECT_EQ(bad_name.code, 2);
  EXPECT_NE(bad_name.err.find("unknown format 'xml'"), std::string::npos) << bad_name.err;
  EXPECT_EQ(run_cli({"check", "--format", "sarif:", broken}).code, 2);
  // A file that cannot be written: exit 2, and the other outputs still go out.
  const auto unwritable = run_cli(
      {"check", "--format", "concise", "--format", "sarif:" + dir / "no/such/dir/x.sarif", broken});
  EXPECT_EQ(unwritable.code, 2);
  EXPECT_NE(unwritable.err.find("cannot write"), std::string::npos) << unwritable.err;
  EXPECT_NE(unwritable.out.find("HP102"), std::string::npos);
  EXPECT_TRUE(entries(dir.path()).empty());
}

TEST(ExitZero, FindingsDoNotFailTheRunButErrorsDo) {
  EXPECT_EQ(run_cli({"check", "--exit-zero", broken}).code, 0);
  EXPECT_EQ(run_cli({"check", "--exit-zero", "--strict", broken}).code, 0);
  EXPECT_EQ(run_cli({"check", "--exit-zero", "/nonexistent-baton-path.md"}).code, 2);
  EXPECT_EQ(run_cli({"check", "--exit-zero", "--select", "nope", broken}).code, 2);
}

TEST(Statistics, OneRowPerRuleMostFrequentFirst) {
  const auto text =
      run_cli({"check", "--statistics", "--home", "/home/u", "--unsafe-fixes", broken});
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.out.find("\tHP201\t[*] path-not-absolute\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\tHP102\t[*] skill-call-missing\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\tHP103\t    vague-instruction\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("fixable with --fix --unsafe-fixes\n"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("broken-handoff.md"), std::string::npos) << "no findings, only counts";

  const auto rows = json::parse(run_cli({"check", "--statistics", "--format", "json", broken}).out);
  ASSERT_TRUE(rows.is_array());
  ASSERT_FALSE(rows.empty());
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_GE(rows[i - 1]["count"].get<int>(), rows[i]["count"].get<int>());
  const auto hp201 = std::find_if(rows.begin(), rows.end(),
                                  [](const json& row) { return row["code"] == "HP201"; });
  ASSERT_NE(hp201, rows.end());
  EXPECT_EQ((*hp201)["name"], "path-not-absolute");
  EXPECT_EQ((*hp201)["count"], 2);
  EXPECT_EQ((*hp201)["fixable"], false) << "its fix is unsafe and needs --home";
}

TEST(ShowFixes, ListsWhatFixWouldApplyAndWhatItApplied) {
  TempDir dir;
  const std::string drifted =
      "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 Background\n\nNO DOCUMENTS TO READ\n";
  const auto file = dir.write("x-handoff.md", drifted);
  const auto preview = run_cli({"check", "--show-fixes", "--select", "title-drift", file});
  EXPECT_EQ(preview.code, 0);
  EXPECT_EQ(preview.err,
            "Would fix 1 finding:\n- " + file + ":\n    1 \u00d7 HP008 (title-drift)\n");
  EXPECT_EQ(read_text(file), drifted);

  const auto fixed = run_cli({"check", "--fix", "--show-fixes", "--select", "title-drift", file});
  EXPECT_EQ(fixed.code, 0);
  EXPECT_EQ(fixed.err, "baton: fixed 1 finding\nFixed 1 finding:\n- " + file +
                           ":\n    1 \u00d7 HP008 (title-drift)\n");
  EXPECT_NE(read_text(file).find("### 0.2 Required Document Reads"), std::string::npos);

  const auto none = run_cli({"check", "--fix", "--show-fixes", "--select", "title-drift", file});
  EXPECT_EQ(none.err, "baton: no fixes applied\n");
}

TEST(Select, EnableAndIgnoreNameRulesLikeSelect) {
  const auto unknown = run_cli({"check", "--enable", "HP1,nope", broken});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--enable: unknown rule \"nope\""), std::string::npos) << unknown.err;
  // Enabling a rule that runs by default changes nothing.
  EXPECT_EQ(run_cli({"check", "--format", "json", "--enable", "HP102", broken}).out,
            run_cli({"check", "--format", "json", broken}).out);
}

// ---------------------------------------------------------------- sarif

json sarif_of(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"check", "--format", "sarif"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto run = run_cli(args);
  EXPECT_NE(run.code, 2) << run.err;
  return json::parse(run.out);
}

TEST(SarifExtras, EveryRuleHasAHelpUriUnderTheConfiguredBase) {
  const auto log = sarif_of({broken});
  for (const auto& rule : log["runs"][0]["tool"]["driver"]["rules"]) {
    EXPECT_EQ(rule["helpUri"], std::string(baton::engine::default_rule_docs_url) +
                                   rule["id"].get<std::string>() + ".md");
  }
  const auto custom = sarif_of({"--rule-docs-url", "https://docs.example.com/baton/rules", broken});
  EXPECT_EQ(custom["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"],
            "https://docs.example.com/baton/rules/" +
                custom["runs"][0]["tool"]["driver"]["rules"][0]["id"].get<std::string>() + ".md");
}

// A team that publishes the rule pages elsewhere says so once, in .baton.json.
TEST(SarifExtras, TheConfigurationCanSetTheBaseAndTheFlagWins) {
  baton::test::TempDir dir;
  const auto config = dir.write(".baton.json", R"({"rule_docs_url": "https://docs.example.com/v1/rules"})");
  const auto id = [](const json& log) { return log["runs"][0]["tool"]["driver"]["rules"][0]["id"].get<std::string>(); };
  const auto configured = sarif_of({"--config", config, broken});
  EXPECT_EQ(configured["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"],
            "https://docs.example.com/v1/rules/" + id(configured) + ".md");
  const auto flagged =
      sarif_of({"--config", config, "--rule-docs-url", "https://mirror.example.org/r/", broken});
  EXPECT_EQ(flagged["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"],
            "https://mirror.example.org/r/" + id(flagged) + ".md");
  const auto bad_config = dir.write("bad/.baton.json", R"({"rule_docs_url": "docs/rules"})");
  const auto bad = run_cli({"check", "--format", "sarif", "--config", bad_config, broken});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("rule_docs_url must be a URL"), std::string::npos) << bad.err;
}

TEST(SarifExtras, FixesAreReplacementsMarkedSafeOrUnsafe) {
  const auto log = sarif_of({"--home", "/home/u", broken});
  std::vector<std::string> fixed;
  for (const auto& result : log["runs"][0]["results"]) {
    if (!result.contains("fixes"))
      continue;
    fixed.push_back(result["ruleId"]);
    ASSERT_EQ(result["fixes"].size(), 1u);
    const auto& fix = result["fixes"][0];
    EXPECT_EQ(fix["properties"]["safety"], "unsafe") << result.dump();
    EXPECT_NE(
        fix["description"]["text"].get<std::string>().find("(unsafe fix: --fix --unsafe-fixes)"),
        std::string::npos);
    ASSERT_EQ(fix["artifactChanges"].size(), 1u);
    const auto& change = fix["artifactChanges"][0];
    EXPECT_EQ(change["artifactLocation"],
              result["locations"][0]["physicalLocation"]["artifactLocation"]);
    ASSERT_FALSE(change["replacements"].empty());
    if (result["ruleId"] == "HP201") {
      // "~" of `~/notes/tokenizer.md` (line 15, column 7) becomes the home directory.
      EXPECT_EQ(change["replacements"][0], json::parse(R"({
        "deletedRegion": {"startLine": 15, "startColumn": 7, "endLine": 15, "endColumn": 8},
        "insertedContent": {"text": "/home/u"}})"));
    }
  }
  // HP102 inserts the NO ACTIVE SKILL marker; the ~/ path of HP201 expands; the relative path has
  // no fix.
  EXPECT_EQ(fixed, (std::vector<std::string>{"HP102", "HP201"}));
}

TEST(SarifExtras, SuppressedFindingsAppearOnlyWhenAskedFor) {
  TempDir dir;
  auto text = read_text(broken);
  text.replace(text.find("Continue the workflow from the last task."), 41,
               "Continue the workflow from the last task. <!-- baton-disable-line HP103 -->");
  const auto file = dir.write("x-handoff.md", text);
  const auto has_hp103 = [](const json& log) {
    for (const auto& result : log["runs"][0]["results"]) {
      if (result["ruleId"] == "HP103")
        return true;
    }
    return false;
  };
  EXPECT_FALSE(has_hp103(sarif_of({file})));
  const auto log = sarif_of({"--include-suppressed", file});
  const json* suppressed = nullptr;
  for (const auto& result : log["runs"][0]["results"]) {
    if (result["ruleId"] == "HP103")
      suppressed = &result;
    else
      EXPECT_FALSE(result.contains("suppressions")) << result.dump();
  }
  ASSERT_NE(suppressed, nullptr);
  EXPECT_EQ((*suppressed)["suppressions"],
            json::parse(R"([{"kind": "inSource", "status": "accepted",
                             "justification": "<!-- baton-disable-line HP103 -->"}])"));
  // Suppressed findings do not count: the other formats and the exit code ignore them.
  EXPECT_EQ(
      run_cli({"check", "--include-suppressed", "--format", "json", "--select", "HP103", file})
          .code,
      0);
  EXPECT_EQ(
      run_cli({"check", "--include-suppressed", "--format", "sarif", "--select", "HP103", file})
          .code,
      0);
}

TEST(SarifExtras, BaselineFindingsAreExternalSuppressionsAndEveryResultHasABaselineState) {
  TempDir dir;
  const auto file = dir.write("x-handoff.md", read_text(broken));
  const auto baseline = dir / "baseline.json";
  ASSERT_EQ(run_cli({"check", "--baseline-write", baseline, file}).code, 1);
  auto text = read_text(file);
  text += "\n```\nRead(\"relative/new.md\")\n```\n";
  dir.write("x-handoff.md", text);

  const auto without = sarif_of({"--baseline", baseline, file});
  ASSERT_EQ(without["runs"][0]["results"].size(), 1u);
  EXPECT_EQ(without["runs"][0]["results"][0]["baselineState"], "new");

  const auto with = sarif_of({"--baseline", baseline, "--include-suppressed", file});
  std::size_t unchanged = 0;
  for (const auto& result : with["runs"][0]["results"]) {
    if (result["baselineState"] == "new") {
      EXPECT_FALSE(result.contains("suppressions"));
      continue;
    }
    ++unchanged;
    EXPECT_EQ(result["baselineState"], "unchanged");
    EXPECT_EQ(result["suppressions"][0]["kind"], "external");
    EXPECT_EQ(result["suppressions"][0]["justification"], "recorded in the baseline " + baseline);
  }
  EXPECT_GT(unchanged, 5u);
  // Writing a baseline never records a suppressed finding.
  const auto again = dir / "again.json";
  run_cli(
      {"check", "--baseline", baseline, "--include-suppressed", "--baseline-write", again, file});
  EXPECT_EQ(json::parse(read_text(again))["findings"].size(),
            json::parse(read_text(baseline))["findings"].size() + 1);
}

}  // namespace
