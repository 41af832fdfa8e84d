#include <gtest/gtest.h>
#include <algorithm>

#include "document/document.hpp"
#include "engine/handoff_keywords.hpp"
#include "engine/lint.hpp"
#include "engine/rule_context.hpp"
#include "rules/registry.hpp"

using namespace baton;

namespace {

doc::Document build(std::string text) { return doc::build_document(source::SourceFile("t.md", std::move(text))); }

TEST(Profile, DetectsSpellbookHandoffs) {
  EXPECT_EQ(engine::detect_profile(build("## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 X\n")),
            engine::Profile::spellbook_handoff);
  EXPECT_EQ(engine::detect_profile(build("## SECTION 1: SESSION CONTEXT (Memory Transplant)\n\n### 1.1 Org\n")),
            engine::Profile::spellbook_handoff);
}

TEST(Profile, LookAlikesAndPlainFilesAreUnknown) {
  // PRISM's look-alike: a "SECTION 0" heading but "ACTION n" steps.
  EXPECT_EQ(engine::detect_profile(build("# SECTION 0: MANDATORY FIRST ACTIONS (EVERY SESSION)\n\n### ACTION 1\n")),
            engine::Profile::unknown);
  EXPECT_EQ(engine::detect_profile(build("# README\n\n## 1.1 Install\n")), engine::Profile::unknown);
}

TEST(Profile, MarkerComment) {
  EXPECT_EQ(engine::detect_profile(build("<!-- baton-profile spellbook-handoff -->\n# x\n")),
            engine::Profile::spellbook_handoff);
  EXPECT_EQ(engine::detect_profile(build("<!-- baton-profile nonsense -->\n# x\n")), engine::Profile::unknown);
  EXPECT_EQ(engine::parse_profile("spellbook-handoff"), engine::Profile::spellbook_handoff);
  EXPECT_FALSE(engine::parse_profile("nope").has_value());
}

TEST(Lint, UnknownFilesGetOneWarningAndNothingElse) {
  const auto result = engine::lint(build("# Notes\n\nRead(\"relative.md\")\n\n```\nSkill(\"x\n```\n"),
                                   rules::registry(), {});
  EXPECT_EQ(result.profile, engine::Profile::unknown);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule->code, "HP001");
  EXPECT_EQ(result.diagnostics[0].severity, engine::Severity::warning);
}

TEST(Lint, AnEmptyFileIsReportedAsEmpty) {
  for (const char* text : {"", "\n\n  \n"}) {
    const auto result = engine::lint(doc::build_document(source::SourceFile("HANDOFF.md", text)),
                                     rules::registry(), {});
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].rule->code, "HP001");
    EXPECT_NE(result.diagnostics[0].message.find("the file is empty"), std::string::npos)
        << result.diagnostics[0].message;
  }
}

TEST(Lint, ForcedProfileOverridesDetection) {
  engine::LintOptions options;
  options.profile = engine::Profile::spellbook_handoff;
  const auto result = engine::lint(build("# Notes\n"), rules::registry(), options);
  EXPECT_EQ(result.profile, engine::Profile::spellbook_handoff);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].rule->code, "HP002");
}

TEST(Lint, DiagnosticsAreSortedByPositionThenCode) {
  const auto result = engine::lint(build("## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 W\n\n### 0.2 R\n\n"
                                         "### 0.3 T\n\n### 0.4 C\n\n### 0.5 B\n"),
                                   rules::registry(), {});
  ASSERT_GE(result.diagnostics.size(), 5u);
  for (std::size_t i = 1; i < result.diagnostics.size(); ++i) {
    const auto& a = result.diagnostics[i - 1];
    const auto& b = result.diagnostics[i];
    EXPECT_TRUE(a.range.begin < b.range.begin ||
                (a.range.begin == b.range.begin && (a.range.end < b.range.end ||
                                                     (a.range.end == b.range.end && a.rule->code <= b.rule->code))));
  }
}

TEST(Severity, RoundTrips) {
  for (auto s : {engine::Severity::error, engine::Severity::warning, engine::Severity::info}) {
    EXPECT_EQ(engine::parse_severity(engine::to_string(s)), s);
  }
  EXPECT_FALSE(engine::parse_severity("fatal").has_value());
}

}  // namespace

#include "engine/fingerprint.hpp"

namespace {

TEST(Fingerprint, StableUnderEditsElsewhereAndDistinctForRepeats) {
  const char* text = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.2 R\n\n```\nRead(\"a.md\")\nRead(\"a.md\")\n```\n";
  const auto before = engine::lint(build(text), rules::registry(), {});
  const auto moved_text = std::string("# Title\n\nIntro.\n\n") + text;
  const auto after = engine::lint(build(moved_text), rules::registry(), {});
  const source::SourceFile before_source("t.md", text);
  const source::SourceFile after_source("t.md", moved_text);
  std::vector<engine::Diagnostic> before_hp201;
  std::vector<engine::Diagnostic> after_hp201;
  for (const auto& d : before.diagnostics) {
    if (d.rule->code == "HP201") before_hp201.push_back(d);
  }
  for (const auto& d : after.diagnostics) {
    if (d.rule->code == "HP201") after_hp201.push_back(d);
  }
  ASSERT_EQ(before_hp201.size(), 2u);
  const auto a = engine::fingerprints(before_hp201, before_source);
  const auto b = engine::fingerprints(after_hp201, after_source);
  EXPECT_EQ(a, b) << "a heading added above must not change identities";
  EXPECT_NE(a[0], a[1]) << "repeats of the same line get distinct identities";
  EXPECT_TRUE(a[0].ends_with(":1"));
  EXPECT_TRUE(a[1].ends_with(":2"));
}

}  // namespace

#include "engine/config.hpp"
#include "engine/glob.hpp"

namespace {

TEST(Glob, SegmentsAndDoubleStars) {
  EXPECT_TRUE(engine::glob_match("*.md", "a/b/x.md")) << "no slash: any directory";
  EXPECT_TRUE(engine::glob_match("docs/*.md", "docs/x.md"));
  EXPECT_FALSE(engine::glob_match("docs/*.md", "docs/sub/x.md"));
  EXPECT_TRUE(engine::glob_match("docs/**/*.md", "docs/x.md"));
  EXPECT_TRUE(engine::glob_match("docs/**/*.md", "docs/a/b/x.md"));
  EXPECT_TRUE(engine::glob_match("**/distilled/**", "x/distilled/a/b.md"));
  EXPECT_FALSE(engine::glob_match("distilled/**", "x/distilled/a.md"));
  EXPECT_TRUE(engine::glob_match("?-handoff.md", "a-handoff.md"));
  EXPECT_FALSE(engine::glob_match("?-handoff.md", "ab-handoff.md"));
  EXPECT_TRUE(engine::glob_match("./sub/**", "sub/x.md"));
  EXPECT_TRUE(engine::glob_match("a*", "x/b/a1")) << "a slash-free pattern matches the file name";
  EXPECT_FALSE(engine::glob_match("a*", "a1/b")) << "not a directory name";
  // Pathological patterns stay fast (table-driven, no exponential backtracking).
  EXPECT_FALSE(engine::glob_match("**/**/**/**/**/**/**/**/x", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"));
}

TEST(Config, SettingsForAFile) {
  const auto parsed = engine::parse_config(R"({
    "rules": {"HP102": "warning", "title-drift": "off"},
    "overrides": [{"files": ["drafts/**"], "rules": {"HP102": "off"}, "profile": "spellbook-handoff"}],
    "ignore": ["archive/**"]
  })", "t.json", rules::registry());
  ASSERT_TRUE(std::holds_alternative<engine::Config>(parsed));
  const auto& config = std::get<engine::Config>(parsed);
  const auto plain = engine::settings_for(config, "x-handoff.md");
  EXPECT_EQ(plain.rules.at("HP102"), engine::Severity::warning);
  EXPECT_EQ(plain.rules.at("HP008"), std::nullopt);
  EXPECT_FALSE(plain.profile.has_value());
  const auto draft = engine::settings_for(config, "drafts/y.md");
  EXPECT_EQ(draft.rules.at("HP102"), std::nullopt);
  EXPECT_EQ(draft.profile, engine::Profile::spellbook_handoff);
  EXPECT_TRUE(engine::settings_for(config, "archive/z.md").ignored);
}

TEST(Lint, ConfiguredSeveritiesAndOff) {
  const auto document = build("## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 W\n\nProse.\n");
  engine::LintOptions options;
  options.rule_severities["HP102"] = engine::Severity::info;
  options.rule_severities["HP002"] = std::nullopt;
  const auto result = engine::lint(document, rules::registry(), options);
  bool saw_hp102 = false;
  for (const auto& d : result.diagnostics) {
    EXPECT_NE(d.rule->code, "HP002");
    if (d.rule->code == "HP102") {
      saw_hp102 = true;
      EXPECT_EQ(d.severity, engine::Severity::info);
    }
  }
  EXPECT_TRUE(saw_hp102);
}

}  // namespace

#include "engine/suppression.hpp"

namespace {

TEST(Directives, RuleNamesHaveExactRanges) {
  const auto document = build("<!-- baton-disable-line HP102, title-drift  -->\n");
  const auto directives = engine::parse_directives(document, rules::registry());
  ASSERT_EQ(directives.size(), 1u);
  ASSERT_EQ(directives[0].rules.size(), 2u);
  EXPECT_EQ(document.text(directives[0].rules[0].range), "HP102");
  EXPECT_EQ(document.text(directives[0].rules[1].range), "title-drift");
  EXPECT_EQ(directives[0].kind, engine::Directive::Kind::disable_line);
}

}  // namespace

namespace {

std::size_t count_rule(const engine::LintResult& result, std::string_view code) {
  return static_cast<std::size_t>(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                                [&](const auto& d) { return d.rule->code == code; }));
}

TEST(Lint, FindingsPerRuleAreCappedWithOneFindingSayingHowManyWereLeftOut) {
  std::string placeholders;
  for (int i = 0; i < 1500; ++i) placeholders += "{{x}} ";
  const auto result = engine::lint(
      build("<!-- baton-profile spellbook-handoff -->\n# Handoff\n\n" + placeholders + "\n"),
      rules::registry(), {});
  ASSERT_EQ(count_rule(result, "HP007"), engine::max_findings_per_rule + 1);
  const auto& last = result.diagnostics.back();
  EXPECT_EQ(last.rule->code, "HP007");
  EXPECT_EQ(last.message,
            "500 more findings of HP007 in this file are not shown: baton reports at most 1000 per "
            "rule and file");

  // At the cap exactly, nothing is left out and nothing is said.
  std::string exactly;
  for (std::size_t i = 0; i < engine::max_findings_per_rule; ++i) exactly += "{{x}} ";
  const auto at_cap = engine::lint(
      build("<!-- baton-profile spellbook-handoff -->\n# Handoff\n\n" + exactly + "\n"), rules::registry(), {});
  EXPECT_EQ(count_rule(at_cap, "HP007"), engine::max_findings_per_rule);
}

TEST(Lint, PastALimitOnlyTheLimitRulesRun) {
  doc::Limits limits;
  limits.max_nesting = 3;
  const auto document = doc::build_document(
      source::SourceFile("t.md", "<!-- baton-profile spellbook-handoff -->\n# Handoff\n\n>>>> {{x}}\n"), limits);
  ASSERT_TRUE(document.exceeded_limit().has_value());
  const auto result = engine::lint(document, rules::registry(), {});
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule->code, "HP010");
  EXPECT_EQ(result.diagnostics[0].message,
            "block quotes and list items are nested 4 deep, more than the 3 baton reads; the file "
            "was not checked past this point");
  EXPECT_EQ(document.source().position_of(result.diagnostics[0].range.begin).line, 4u);

  const auto oversized = doc::oversized_document("big.md", 123456, 1000);
  const auto big = engine::lint(oversized, rules::registry(), {});
  ASSERT_EQ(big.diagnostics.size(), 1u);
  EXPECT_EQ(big.diagnostics[0].rule->code, "HP009");
  EXPECT_EQ(big.diagnostics[0].message,
            "this file is 123456 bytes; baton reads files up to 1000 bytes (max_file_size in "
            ".baton.json, --max-file-size), so it was not read further or checked");
}

}  // namespace

#include "engine/rule_context.hpp"

TEST(LintCache, ComputesEachValueOnceAndKeepsTypesApart) {
  engine::LintCache cache;
  int computed = 0;
  struct First {
    int value;
  };
  struct Second {
    std::string value;
  };
  EXPECT_EQ(cache.get<First>([&] { ++computed; return First{7}; }).value, 7);
  EXPECT_EQ(cache.get<First>([&] { ++computed; return First{8}; }).value, 7);
  EXPECT_EQ(cache.get<Second>([&] { ++computed; return Second{"s"}; }).value, "s");
  EXPECT_EQ(computed, 2);
}

// ---------------------------------------------------------------- opt-in rules

namespace {

void report_first_line(engine::RuleContext& context) { context.report({0, 1}, "pedantic finding"); }

// A registry of one ordinary rule and one opt-in rule, both reporting on every file.
engine::RuleMeta test_rule(std::string_view code, std::string_view name, engine::Severity severity, bool opt_in) {
  engine::RuleMeta rule;
  rule.code = code;
  rule.name = name;
  rule.family = "Test";
  rule.profile = engine::every_file_profile;
  rule.summary = name;
  rule.default_severity = severity;
  rule.opt_in = opt_in;
  rule.check = report_first_line;
  return rule;
}
const engine::RuleMeta always_rule = test_rule("HP990", "always-on", engine::Severity::warning, false);
const engine::RuleMeta opt_in_rule = test_rule("HP991", "pedantic-thing", engine::Severity::info, true);
const engine::RuleMeta* const test_rules[] = {&always_rule, &opt_in_rule};
const engine::Registry test_registry{test_rules};

std::vector<std::string> codes(const engine::LintResult& result) {
  std::vector<std::string> found;
  for (const auto& d : result.diagnostics) found.emplace_back(d.rule->code);
  return found;
}

engine::LintResult lint_with(const engine::RuleSelection& selection, engine::RuleSeverities severities = {}) {
  EXPECT_EQ(engine::apply_rule_selection(test_registry, selection, severities), std::nullopt);
  engine::LintOptions options;
  options.rule_severities = std::move(severities);
  return engine::lint(build("# Notes\n"), test_registry, options);
}

}  // namespace

TEST(OptIn, OffUnlessEnabledSelectedByNameOrConfigured) {
  using V = std::vector<std::string>;
  EXPECT_EQ(codes(lint_with({})), V{"HP990"});
  EXPECT_EQ(codes(lint_with({{}, {"HP991"}, {}})), (V{"HP990", "HP991"}));
  EXPECT_EQ(codes(lint_with({{}, {"pedantic-thing"}, {}})), (V{"HP990", "HP991"}));
  // Naming it in --select enables it; a prefix selects the family as it runs by default.
  EXPECT_EQ(codes(lint_with({{"HP991"}, {}, {}})), V{"HP991"});
  EXPECT_EQ(codes(lint_with({{"HP99"}, {}, {}})), V{"HP990"});
  // A severity in the configuration's "rules" enables it at that severity.
  engine::RuleSeverities configured{{"HP991", engine::Severity::error}};
  const auto result = lint_with({}, configured);
  ASSERT_EQ(codes(result), (V{"HP990", "HP991"}));
  EXPECT_EQ(result.diagnostics[1].severity, engine::Severity::error);
  // --enable keeps a configured severity; --ignore wins over --enable.
  EXPECT_EQ(lint_with({{}, {"HP991"}, {}}, configured).diagnostics[1].severity, engine::Severity::error);
  EXPECT_EQ(codes(lint_with({{}, {"HP991"}, {"HP991"}})), V{"HP990"});
  // --enable turns on a rule the configuration turned off.
  EXPECT_EQ(codes(lint_with({{}, {"HP990"}, {}}, {{"HP990", std::nullopt}})), V{"HP990"});
}

TEST(OptIn, UnknownRulesInASelectionAreErrorsNamingTheOption) {
  engine::RuleSeverities severities;
  EXPECT_EQ(engine::apply_rule_selection(test_registry, {{}, {"HP1,nope"}, {}}, severities),
            "--enable: unknown rule \"HP1\"");
  EXPECT_TRUE(severities.empty());
}

TEST(Directives, KeptSuppressedFindingsAreMarkedAndNumberedAfterTheOthers) {
  const std::string text =
      "<!-- baton-profile spellbook-handoff -->\n# Handoff\n\n{{x}} <!-- baton-disable-line HP007 -->\n\n{{x}}\n";
  const auto dropped = engine::lint(build(text), rules::registry(), {});
  engine::LintOptions keep;
  keep.keep_suppressed = true;
  const auto kept = engine::lint(build(text), rules::registry(), keep);
  ASSERT_EQ(count_rule(kept, "HP007"), count_rule(dropped, "HP007") + 1);
  const auto suppressed = std::find_if(kept.diagnostics.begin(), kept.diagnostics.end(),
                                       [](const auto& d) { return d.suppression.has_value(); });
  ASSERT_NE(suppressed, kept.diagnostics.end());
  EXPECT_EQ(suppressed->suppression->kind, engine::Suppression::Kind::in_source);
  EXPECT_EQ(suppressed->suppression->justification, "<!-- baton-disable-line HP007 -->");
  // The directive did its work either way: no HP902.
  EXPECT_EQ(count_rule(kept, "HP902"), 0u);

  // The other findings keep the fingerprints they have without the suppressed one.
  const auto source = source::SourceFile("t.md", text);
  auto without = engine::fingerprints(dropped.diagnostics, source);
  auto with = engine::fingerprints(kept.diagnostics, source);
  std::vector<std::string> unsuppressed;
  for (std::size_t i = 0; i < kept.diagnostics.size(); ++i) {
    if (!kept.diagnostics[i].suppression) unsuppressed.push_back(with[i]);
  }
  EXPECT_EQ(unsuppressed, without);
  std::sort(with.begin(), with.end());
  EXPECT_EQ(std::adjacent_find(with.begin(), with.end()), with.end()) << "fingerprints repeat";
}

// Resume headings of real handoffs in other languages, and title parts after a dash.
TEST(HandoffKeywords, ResumeHeadingsAcrossLanguagesAndTitleParts) {
  for (const char* title :
       {"Prossimi passi consigliati (da decidere con l'utente)", "4. งานค้าง (ต้องทำต่อ)",
        "고쳐야 할 부분", "결정해야 할 것 (아직 안 정함 — 여기서부터 시작)", "13. С чего начать первым днём",
        "Следующие шаги", "What Needs Doing ❌", "Hand-off — what needs a human decision",
        "Keyingi qadamlar"}) {
    EXPECT_FALSE(engine::keywords::resume_keyword(title).empty()) << title;
  }
  // A hyphen between spaces does not split a title; words that only start alike do not match.
  for (const char* title : {"Phase 2 - remaining tools", "Needsmore", "Data fare"}) {
    EXPECT_TRUE(engine::keywords::resume_keyword(title).empty()) << title;
  }
}
