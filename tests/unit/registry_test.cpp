#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "engine/rule.hpp"
#include "rules/registry.hpp"

using namespace baton;

TEST(Registry, CodesAndNamesAreWellFormedUniqueAndSorted) {
  const std::regex code_pattern("HP[0-9]{3}");
  const std::regex name_pattern("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  std::string_view previous;
  for (const auto* rule : rules::registry()) {
    const std::string code(rule->code);
    const std::string name(rule->name);
    EXPECT_TRUE(std::regex_match(code, code_pattern)) << code;
    EXPECT_TRUE(std::regex_match(name, name_pattern)) << name;
    EXPECT_TRUE(codes.insert(rule->code).second) << "duplicate code " << code;
    EXPECT_TRUE(names.insert(rule->name).second) << "duplicate name " << name;
    EXPECT_LT(previous, rule->code) << "registry not sorted at " << code;
    previous = rule->code;
  }
  EXPECT_GE(codes.size(), 18u);
}

TEST(Registry, EveryRuleIsDocumented) {
  for (const auto* rule : rules::registry()) {
    SCOPED_TRACE(std::string(rule->code));
    EXPECT_FALSE(rule->summary.empty());
    EXPECT_FALSE(rule->family.empty());
    EXPECT_FALSE(rule->profile.empty());
    EXPECT_GT(rule->what_it_checks.size(), 40u);
    EXPECT_GT(rule->why_it_matters.size(), 40u);
    EXPECT_FALSE(rule->bad_example.empty());
    EXPECT_FALSE(rule->good_example.empty());
    EXPECT_NE(rule->bad_example, rule->good_example);
    // Only directive rules are checked by the engine itself.
    EXPECT_EQ(rule->check == nullptr, rule->family == "Directives");
    // The summary is one line without a trailing period (it is shown in tables).
    EXPECT_EQ(rule->summary.find('\n'), std::string_view::npos);
    EXPECT_NE(rule->summary.back(), '.');
  }
}

TEST(Registry, FindsRulesByCodeOrName) {
  const auto registry = rules::registry();
  const auto* by_code = engine::find_rule(registry, "HP102");
  ASSERT_NE(by_code, nullptr);
  EXPECT_EQ(by_code->name, "skill-call-missing");
  EXPECT_EQ(engine::find_rule(registry, "hp102"), by_code);
  EXPECT_EQ(engine::find_rule(registry, "skill-call-missing"), by_code);
  EXPECT_EQ(engine::find_rule(registry, "HP999"), nullptr);
  EXPECT_EQ(engine::find_rule(registry, "Skill-Call-Missing"), nullptr);
}
