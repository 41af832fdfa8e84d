// Runs every markdown fixture under fixtures/ and compares its diagnostics
// with its inline expectations, closed-world: every diagnostic must be
// expected and every expectation must fire.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "document/document.hpp"
#include "engine/config_resolver.hpp"
#include "engine/fix.hpp"
#include "engine/lint.hpp"
#include "engine/rule.hpp"
#include "expectations.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

using baton::test::read_text;

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  const fs::path root = fs::path(BATON_SOURCE_DIR) / "fixtures";
  for (const auto* dir : {"rules", "documents"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string name_of(const fs::path& path) {
  auto relative = fs::relative(path, fs::path(BATON_SOURCE_DIR) / "fixtures").string();
  std::replace_if(relative.begin(), relative.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return relative;
}

// A `.baton.json` next to a fixture applies to it (fixtures of user-defined
// profiles define theirs there), as it would for `baton check`.
engine::LintOptions fixture_options(const fs::path& path) {
  engine::LintOptions options;
  const auto config = path.parent_path() / engine::config_file_name;
  if (!fs::exists(config)) return options;
  engine::ConfigResolver resolver(config, rules::registry());
  const auto settings = engine::ConfigResolver::settings(*resolver.for_file(path), path);
  options.rule_severities = settings.rules;
  options.profile = settings.profile;
  options.profile_spec = settings.profile_spec;
  options.profile_definitions = settings.profile_definitions;
  return options;
}

class Fixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(Fixture, DiagnosticsMatchExpectations) {
  const auto& path = GetParam();
  const auto text = read_text(path);
  const auto expected = fixtures::parse_expectations(text);
  ASSERT_TRUE(expected.errors.empty()) << path << ": " << expected.errors.front();
  ASSERT_NE(expected.no_diagnostics, !expected.expectations.empty())
      << path << ": a fixture must either expect diagnostics or say <!-- expect-no-diagnostics -->";

  const auto document = doc::build_document(source::SourceFile(path.string(), text));
  std::vector<const engine::RuleMeta*> selected;
  for (const auto& name : expected.only_rules) {
    const auto* rule = engine::find_rule(rules::registry(), name);
    ASSERT_NE(rule, nullptr) << path << ": fixture-rules names unknown rule " << name;
    selected.push_back(rule);
  }
  auto options = fixture_options(path);
  if (expected.check_filesystem) {
    options.check_filesystem = true;
    options.file_exists = [](std::string_view file) { return fs::exists(file); };
  }
  const auto result = engine::lint(
      document, selected.empty() ? rules::registry() : engine::Registry(selected), options);

  std::vector<bool> matched(expected.expectations.size(), false);
  std::vector<std::string> unexpected;
  for (const auto& diagnostic : result.diagnostics) {
    const auto line = document.source().position_of(diagnostic.range.begin).line;
    bool found = false;
    for (std::size_t i = 0; i < expected.expectations.size() && !found; ++i) {
      const auto& e = expected.expectations[i];
      if (matched[i] || e.line != line) continue;
      if (e.rule != diagnostic.rule->code && e.rule != diagnostic.rule->name) continue;
      if (e.message && diagnostic.message.find(*e.message) == std::string::npos) continue;
      matched[i] = found = true;
    }
    if (!found) {
      unexpected.push_back("  line " + std::to_string(line) + ": " + std::string(diagnostic.rule->code) +
                           " " + diagnostic.message);
    }
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < expected.expectations.size(); ++i) {
    if (matched[i]) continue;
    const auto& e = expected.expectations[i];
    missing.push_back("  line " + std::to_string(e.line) + ": " + e.rule +
                      (e.message ? " \"" + *e.message + "\"" : "") + " (written on line " +
                      std::to_string(e.written_on) + ")");
  }
  std::string report;
  if (!unexpected.empty()) report += "unexpected diagnostics:\n";
  for (const auto& u : unexpected) report += u + "\n";
  if (!missing.empty()) report += "expected but not reported:\n";
  for (const auto& m : missing) report += m + "\n";
  EXPECT_TRUE(report.empty()) << path.string() << "\n" << report;
}

// Fixes converge: applying every fix (unsafe ones and ~ expansion included)
// and re-linting reaches a fixed point where no fixable finding is left.
TEST_P(Fixture, FixesConverge) {
  const auto& path = GetParam();
  const auto text = read_text(path);
  auto options = fixture_options(path);
  options.home = "/home/fixture";
  const auto outcome = engine::fix_until_stable(path.string(), text, rules::registry(), options, true);
  ASSERT_TRUE(outcome.converged) << path;
  const auto document = doc::build_document(source::SourceFile(path.string(), outcome.text));
  for (const auto& diagnostic : engine::lint(document, rules::registry(), options).diagnostics) {
    EXPECT_FALSE(diagnostic.fix.has_value())
        << path << ": still fixable after fixing: " << diagnostic.rule->code << " " << diagnostic.message;
  }
}

INSTANTIATE_TEST_SUITE_P(All, Fixture, ::testing::ValuesIn(fixture_files()),
                         [](const auto& p) { return name_of(p.param); });

// Every rule has a fixture directory in which it fires.
TEST(Fixtures, EveryRuleHasAFiringFixture) {
  const fs::path root = fs::path(BATON_SOURCE_DIR) / "fixtures" / "rules";
  for (const auto* rule : rules::registry()) {
    const auto dir = root / std::string(rule->code);
    ASSERT_TRUE(fs::is_directory(dir)) << "no fixtures for " << rule->code << " in " << dir;
    bool fires = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const auto set = fixtures::parse_expectations(read_text(entry.path()));
      for (const auto& e : set.expectations) {
        if (e.rule == rule->code || e.rule == rule->name) fires = true;
      }
    }
    EXPECT_TRUE(fires) << rule->code << " has fixtures but none expects it";
  }
}

TEST(Expectations, ParsesPositionsRulesAndMessages) {
  const auto set = fixtures::parse_expectations(
      "a <!-- expect: HP102 -->\n<!-- expect@+2: HP110 \"malformed\", HP201 -->\n"
      "<!-- expect@L9: unknown-format -->\n");
  ASSERT_TRUE(set.errors.empty());
  ASSERT_EQ(set.expectations.size(), 4u);
  EXPECT_EQ(set.expectations[0].line, 1u);
  EXPECT_EQ(set.expectations[0].rule, "HP102");
  EXPECT_EQ(set.expectations[1].line, 4u);
  EXPECT_EQ(set.expectations[1].message, "malformed");
  EXPECT_EQ(set.expectations[2].rule, "HP201");
  EXPECT_EQ(set.expectations[2].line, 4u);
  EXPECT_EQ(set.expectations[3].line, 9u);
  EXPECT_FALSE(set.no_diagnostics);
}

TEST(Expectations, ReportsMalformedComments) {
  EXPECT_FALSE(fixtures::parse_expectations("<!-- expect HP1 -->").errors.empty());
  EXPECT_FALSE(fixtures::parse_expectations("<!-- expect@x: HP1 -->").errors.empty());
  EXPECT_TRUE(fixtures::parse_expectations("<!-- expect-no-diagnostics -->").no_diagnostics);
}

TEST(Expectations, ParsesFixtureRules) {
  const auto set = fixtures::parse_expectations("<!-- fixture-rules: HP401, HP402 -->\n");
  EXPECT_EQ(set.only_rules, (std::vector<std::string>{"HP401", "HP402"}));
}

}  // namespace
