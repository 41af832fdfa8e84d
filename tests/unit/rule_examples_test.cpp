// Every rule's documented examples are executed: the bad one triggers the
// rule (and only it, when the rule runs alone), the good one does not.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>

#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/lint.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

using namespace baton;

namespace {

class RuleExamples : public ::testing::TestWithParam<const engine::RuleMeta*> {};

// The team-handoff profile of docs/profiles.md, which the examples of rules
// for user-defined profiles are written against.
std::vector<engine::ProfileSpecPtr> example_profile_definitions() {
  const auto text = baton::test::read_text(std::filesystem::path(BATON_SOURCE_DIR) / "fixtures" / "profiles" /
                                           "team-handoff.baton.json");
  auto parsed = engine::parse_config(text, "team-handoff.baton.json", rules::registry());
  std::vector<engine::ProfileSpecPtr> definitions;
  if (auto* config = std::get_if<engine::Config>(&parsed)) {
    for (const auto& [name, spec] : config->profile_definitions) definitions.push_back(spec);
  }
  return definitions;
}

// A rule runs alone, so its examples need nothing else; directive rules are
// applied by the engine to other rules' findings, so they run with all rules
// and only their own findings count.
// The file-size limit (HP009) is lowered to 64 bytes for its bad example, as
// its documentation says: a real example would be 10 MiB.
engine::LintResult lint_alone(const engine::RuleMeta* rule, std::string_view text,
                              const doc::Limits& limits = {}) {
  const std::array<const engine::RuleMeta*, 1> only{rule};
  const bool directive_rule = rule->check == nullptr;
  const auto document = doc::build_document(source::SourceFile("example.md", std::string(text)), limits);
  // Examples run with --check-fs, against the real file system.
  engine::LintOptions options;
  options.check_filesystem = true;
  options.file_exists = [](std::string_view path) { return std::filesystem::exists(path); };
  options.profile_definitions = example_profile_definitions();
  auto result = engine::lint(document, directive_rule ? rules::registry() : engine::Registry(only), options);
  if (directive_rule) {
    std::erase_if(result.diagnostics, [&](const engine::Diagnostic& d) { return d.rule != rule; });
  }
  return result;
}

TEST_P(RuleExamples, BadExampleTriggersTheRule) {
  const auto* rule = GetParam();
  doc::Limits limits;
  if (rule->code == "HP009") limits.max_file_size = 64;
  std::string example(rule->bad_example);
  // HP011's example is shortened in its documentation: its log runs on here
  // past the 2,000 lines of one Read call.
  if (rule->code == "HP011") {
    for (int line = 3; line <= 2000; ++line) example += "    build step " + std::to_string(line) + " ok\n";
  }
  const auto result = lint_alone(rule, example, limits);
  // Limit rules run on every file, whatever its profile.
  if (rule->profile != engine::any_profile && rule->profile != engine::every_file_profile) {
    EXPECT_EQ(engine::to_string(result.profile) == "unknown", rule->profile == "unknown")
        << "the example is linted under the wrong profile";
  }
  EXPECT_FALSE(result.diagnostics.empty()) << rule->code << " bad example is clean";
}

TEST_P(RuleExamples, GoodExampleIsClean) {
  const auto* rule = GetParam();
  const auto result = lint_alone(rule, rule->good_example);
  EXPECT_NE(result.profile, engine::Profile::unknown) << "good examples must be recognised";
  for (const auto& diagnostic : result.diagnostics) {
    ADD_FAILURE() << rule->code << " good example reports: " << diagnostic.message;
  }
}

INSTANTIATE_TEST_SUITE_P(All, RuleExamples, ::testing::ValuesIn(rules::registry().begin(), rules::registry().end()),
                         [](const auto& p) { return std::string(p.param->code); });

}  // namespace
