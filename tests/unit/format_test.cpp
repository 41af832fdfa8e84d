#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "baton/version.hpp"
#include "engine/rule.hpp"
#include "format/output_format.hpp"
#include "format/report.hpp"
#include "format/rule_docs.hpp"

using namespace baton;

namespace {

using engine::Diagnostic;
using engine::Severity;
using source::SourceFile;
using source::TextRange;

constexpr engine::RuleMeta skill_rule{
    .code = "HP102",
    .name = "skill-call-missing",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "0.1 has no Skill() call",
    .what_it_checks = "\nChecks 0.1 for a `Skill()` call.\n",
    .why_it_matters = "The next session must restore the workflow.\n",
    .bad_example = "### 0.1 Workflow\n\n````text\nnothing\n````\n",
    .good_example = "### 0.1 Workflow\n\n```\nSkill(\"develop\")\n```\n",
    .default_severity = Severity::error,
    .fix = engine::FixSafety::none,
    .check = nullptr,
};

constexpr engine::RuleMeta path_rule{
    .code = "HP201",
    .name = "path-not-absolute",
    .family = "Paths",
    .profile = "*",
    .summary = "A path | is relative",
    .what_it_checks = "Paths.",
    .why_it_matters = "Cwd changes.",
    .bad_example = "",
    .good_example = "",
    .default_severity = Severity::warning,
    .fix = engine::FixSafety::unsafe,
    .check = nullptr,
};

// The byte range of the first occurrence of `needle`.
TextRange range_of(const SourceFile& source, std::string_view needle) {
  const auto at = source.text().find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

Diagnostic make(const engine::RuleMeta& rule, TextRange range, std::string message,
                Severity severity = Severity::error) {
  Diagnostic diagnostic;
  diagnostic.rule = &rule;
  diagnostic.severity = severity;
  diagnostic.range = range;
  diagnostic.message = std::move(message);
  return diagnostic;
}

std::string render(format::OutputFormat output_format, std::span<const format::FileReport> reports,
                   format::RenderOptions options = {}) {
  std::ostringstream out;
  format::render(output_format, reports, options, out);
  return out.str();
}

// "naïve → " is 8 code points but 11 bytes.
const SourceFile multibyte("plan-handoff.md", "# Café plan\n\nnaïve → `Skill(\"x\")` ok\n");

TEST(OutputFormat, NamesRoundTrip) {
  ASSERT_EQ(format::output_formats().size(), 7u);
  for (auto output_format : format::output_formats()) {
    EXPECT_EQ(format::parse_output_format(format::to_string(output_format)), output_format);
  }
  EXPECT_EQ(format::to_string(format::OutputFormat::concise), "concise");
  EXPECT_FALSE(format::parse_output_format("JSON").has_value());
  EXPECT_FALSE(format::parse_output_format("SARIF").has_value());
  EXPECT_FALSE(format::parse_output_format("xml").has_value());
}

TEST(JsonFormat, OneObjectWithCodePointColumns) {
  const std::vector<format::FileReport> reports{
      {&multibyte, {make(skill_rule, range_of(multibyte, "Skill(\"x\")"), "bad call")}}};
  const auto json = nlohmann::json::parse(render(format::OutputFormat::json, reports));

  EXPECT_EQ(json["version"], baton::version);
  EXPECT_EQ(json["files"], 1);
  ASSERT_EQ(json["diagnostics"].size(), 1u);
  const auto& item = json["diagnostics"][0];
  EXPECT_EQ(item["file"], "plan-handoff.md");
  EXPECT_EQ(item["line"], 3);
  EXPECT_EQ(item["column"], 10);  // the byte column would be 13
  EXPECT_EQ(item["end_line"], 3);
  EXPECT_EQ(item["end_column"], 20);  // just after the closing parenthesis
  EXPECT_EQ(item["rule"], "HP102");
  EXPECT_EQ(item["name"], "skill-call-missing");
  EXPECT_EQ(item["severity"], "error");
  EXPECT_EQ(item["message"], "bad call");
  EXPECT_FALSE(item.contains("fix"));
  EXPECT_FALSE(item.contains("related"));
  EXPECT_EQ(json["summary"], (nlohmann::json{{"errors", 1}, {"warnings", 0}, {"infos", 0}}));
}

TEST(JsonFormat, KeysKeepTheDocumentedOrder) {
  const std::vector<format::FileReport> reports{
      {&multibyte, {make(skill_rule, range_of(multibyte, "ok"), "m")}}};
  const auto text = render(format::OutputFormat::json, reports);
  const auto json = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"version", "files", "checked_files", "diagnostics", "summary"}));
  keys.clear();
  for (const auto& [key, value] : json["diagnostics"][0].items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"file", "line", "column", "end_line", "end_column",
                                            "rule", "name", "severity", "message"}));
  EXPECT_EQ(text.back(), '\n');
}

TEST(JsonFormat, FixAndRelatedWhenPresent) {
  auto diagnostic = make(path_rule, range_of(multibyte, "naïve"), "relative", Severity::warning);
  diagnostic.fix = engine::Fix{"Make it absolute",
                               engine::FixSafety::unsafe,
                               {{range_of(multibyte, "naïve"), "/abs/naive"}}};
  diagnostic.related.push_back({range_of(multibyte, "Café"), "declared here"});
  const std::vector<format::FileReport> reports{{&multibyte, {diagnostic}}};
  const auto json = nlohmann::json::parse(render(format::OutputFormat::json, reports));

  const auto& item = json["diagnostics"][0];
  EXPECT_EQ(item["severity"], "warning");
  EXPECT_EQ(item["end_column"], 6);
  const auto& fix = item["fix"];
  EXPECT_EQ(fix["title"], "Make it absolute");
  EXPECT_EQ(fix["safety"], "unsafe");
  ASSERT_EQ(fix["edits"].size(), 1u);
  EXPECT_EQ(fix["edits"][0], (nlohmann::json{{"line", 3},
                                             {"column", 1},
                                             {"end_line", 3},
                                             {"end_column", 6},
                                             {"replacement", "/abs/naive"}}));
  ASSERT_EQ(item["related"].size(), 1u);
  EXPECT_EQ(item["related"][0], (nlohmann::json{{"line", 1},
                                                {"column", 3},
                                                {"end_line", 1},
                                                {"end_column", 7},
                                                {"message", "declared here"}}));
  EXPECT_EQ(json["summary"]["warnings"], 1);
  EXPECT_EQ(json["summary"]["errors"], 0);
}

TEST(JsonFormat, EndInLineTerminatorStaysOnTheLine) {
  const SourceFile crlf("c.md", "ab\r\ncd\r\n");
  // [0, 3) covers "ab\r": an end inside the terminator maps to the end of
  // line 1's content; [0, 4) ends at the start of line 2, as in LSP.
  const std::vector<format::FileReport> reports{
      {&crlf, {make(skill_rule, {0, 3}, "inside"), make(skill_rule, {0, 4}, "whole")}}};
  const auto json = nlohmann::json::parse(render(format::OutputFormat::json, reports));
  const auto& inside = json["diagnostics"][0];
  EXPECT_EQ(inside["message"], "inside");
  EXPECT_EQ(inside["end_line"], 1);
  EXPECT_EQ(inside["end_column"], 3);
  const auto& whole = json["diagnostics"][1];
  EXPECT_EQ(whole["end_line"], 2);
  EXPECT_EQ(whole["end_column"], 1);
}

TEST(JsonFormat, InvalidUtf8IsReplacedNotThrown) {
  const SourceFile binary("bin\xff.md", "a\xff\xfe b\n");
  const std::vector<format::FileReport> reports{
      {&binary, {make(skill_rule, {4, 5}, std::string("bad \xc3 byte"))}}};
  std::string text;
  ASSERT_NO_THROW(text = render(format::OutputFormat::json, reports));
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["diagnostics"][0]["message"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(json["diagnostics"][0]["column"], 5);  // each invalid byte is one column
}

TEST(JsonFormat, SortedByFileLineColumnAndCounted) {
  const SourceFile b("b.md", "one\ntwo\n");
  const SourceFile a("a.md", "xyz\n");
  std::vector<format::FileReport> reports{
      {&b,
       {make(skill_rule, {4, 7}, "b2", Severity::info), make(skill_rule, {1, 2}, "b1c2"),
        make(path_rule, {0, 1}, "b1c1", Severity::warning)}},
      {&a, {make(skill_rule, {0, 3}, "a1")}}};
  const auto json = nlohmann::json::parse(render(format::OutputFormat::json, reports));
  std::vector<std::string> messages;
  for (const auto& item : json["diagnostics"])
    messages.push_back(item["message"]);
  EXPECT_EQ(messages, (std::vector<std::string>{"a1", "b1c1", "b1c2", "b2"}));
  EXPECT_EQ(json["files"], 2);
  EXPECT_EQ(json["summary"], (nlohmann::json{{"errors", 2}, {"warnings", 1}, {"infos", 1}}));
}

TEST(JsonFormat, NoDiagnosticsIsStillOneObject) {
  const SourceFile clean("clean.md", "# ok\n");
  const std::vector<format::FileReport> reports{{&clean, {}}};
  const auto json = nlohmann::json::parse(render(format::OutputFormat::json, reports));
  EXPECT_TRUE(json["diagnostics"].is_array());
  EXPECT_TRUE(json["diagnostics"].empty());
  EXPECT_EQ(json["files"], 1);
}

TEST(ConciseFormat, OneLinePerDiagnosticAndNothingElse) {
  const SourceFile b("b.md", "one\ntwo\n");
  std::vector<format::FileReport> reports{
      {&b, {make(skill_rule, {4, 7}, "second\nline", Severity::info)}},
      {&multibyte, {make(path_rule, range_of(multibyte, "ok"), "relative", Severity::warning)}}};
  EXPECT_EQ(render(format::OutputFormat::concise, reports),
            "b.md:2:1: info: second line [HP102/skill-call-missing]\n"
            "plan-handoff.md:3:22: warning: relative [HP201/path-not-absolute]\n");
  const SourceFile clean("clean.md", "# ok\n");
  const std::vector<format::FileReport> none{{&clean, {}}};
  EXPECT_EQ(render(format::OutputFormat::concise, none), "");
}

TEST(TextFormat, FrameUsesCodePointColumns) {
  const std::vector<format::FileReport> reports{
      {&multibyte, {make(skill_rule, range_of(multibyte, "Skill(\"x\")"), "bad call")}}};
  EXPECT_EQ(render(format::OutputFormat::text, reports),
            "error[HP102/skill-call-missing]: bad call\n"
            " --> plan-handoff.md:3:10\n"
            "  |\n"
            "3 | naïve → `Skill(\"x\")` ok\n"
            "  |          ^^^^^^^^^^\n"
            "  = help: 0.1 has no Skill() call — `baton explain skill-call-missing`\n"
            "\n"
            "Found 1 error, 0 warnings, 0 infos in 1 file.\n");
}

TEST(TextFormat, TabsExpandAndGutterFitsTheWidestLine) {
  std::string text;
  for (int i = 1; i < 12; ++i)
    text += "line\n";
  text += "\tkey = `value`\n";  // line 12
  const SourceFile source("t.md", text);
  const std::vector<format::FileReport> reports{
      {&source, {make(skill_rule, range_of(source, "value"), "m", Severity::warning)}}};
  EXPECT_EQ(render(format::OutputFormat::text, reports),
            "warning[HP102/skill-call-missing]: m\n"
            "  --> t.md:12:9\n"
            "   |\n"
            "12 |     key = `value`\n"
            "   |            ^^^^^\n"
            "   = help: 0.1 has no Skill() call — `baton explain skill-call-missing`\n"
            "\n"
            "Found 0 errors, 1 warning, 0 infos in 1 file.\n");
}

TEST(TextFormat, EmptyRangeGetsOneCaret) {
  const SourceFile source("t.md", "abc\n");
  const std::vector<format::FileReport> reports{{&source, {make(skill_rule, {3, 3}, "here")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_NE(text.find("1 | abc\n  |    ^\n"), std::string::npos) << text;
}

TEST(TextFormat, MultiLineRangeShowsAtMostThreeLines) {
  const SourceFile source("t.md", "aa\nbbb\ncccc\ndd\nee\n");
  const std::vector<format::FileReport> reports{{&source, {make(skill_rule, {1, 14}, "span")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_NE(text.find(" --> t.md:1:2\n"
                      "  |\n"
                      "1 | aa\n"
                      "  |  ^\n"
                      "2 | bbb\n"
                      "  | ^^^\n"
                      "3 | cccc\n"
                      "  | ^^^^\n"
                      "...\n"
                      "  = help:"),
            std::string::npos)
      << text;
}

TEST(TextFormat, RangeEndingAtALineStartDoesNotShowThatLine) {
  const SourceFile source("t.md", "aa\nbb\n");
  const std::vector<format::FileReport> reports{{&source, {make(skill_rule, {0, 3}, "line")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_NE(text.find("1 | aa\n  | ^^\n  = help:"), std::string::npos) << text;
  EXPECT_EQ(text.find("2 |"), std::string::npos) << text;
}

TEST(TextFormat, RelatedLocationsAndFixAreShown) {
  auto diagnostic = make(skill_rule, range_of(multibyte, "ok"), "disagrees");
  diagnostic.related.push_back({range_of(multibyte, "Café"), "first named here"});
  diagnostic.fix = engine::Fix{"Use the 0.1 skill", engine::FixSafety::safe, {}};
  const std::vector<format::FileReport> reports{{&multibyte, {diagnostic}}};
  EXPECT_EQ(render(format::OutputFormat::text, reports),
            "error[HP102/skill-call-missing]: disagrees\n"
            " --> plan-handoff.md:3:22\n"
            "  |\n"
            "3 | naïve → `Skill(\"x\")` ok\n"
            "  |                      ^^\n"
            "  = help: 0.1 has no Skill() call — `baton explain skill-call-missing`\n"
            "  = fix (safe): Use the 0.1 skill\n"
            "note: first named here\n"
            " --> plan-handoff.md:1:3\n"
            "  |\n"
            "1 | # Café plan\n"
            "  |   ----\n"
            "\n"
            "Found 1 error, 0 warnings, 0 infos in 1 file.\n");
}

TEST(TextFormat, ControlCharactersAreNotSentToTheTerminal) {
  const SourceFile source("t.md", std::string("a\x1b[31mb\x01\xff\n", 10));
  const std::vector<format::FileReport> reports{{&source, {make(skill_rule, {0, 1}, "m")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_NE(text.find("1 | a\u241b[31mb\u2401\uFFFD\n"), std::string::npos) << text;
}

TEST(TextFormat, LongLinesAreCutToAWindow) {
  const std::string line = std::string(1000, 'x') + "TARGET" + std::string(1000, 'y');
  const SourceFile source("t.md", line + "\n");
  const std::vector<format::FileReport> reports{
      {&source, {make(skill_rule, range_of(source, "TARGET"), "m")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_LT(text.size(), 1000u);
  EXPECT_NE(text.find(" --> t.md:1:1001\n"), std::string::npos) << text;
  // 40 code points of context before the target, after the leading ellipsis.
  const std::string shown = "1 | \u2026" + std::string(40, 'x') + "TARGET";
  EXPECT_NE(text.find(shown), std::string::npos) << text;
  EXPECT_NE(text.find("  | " + std::string(41, ' ') + "^^^^^^\n"), std::string::npos) << text;
}

TEST(TextFormat, SortedAcrossFiles) {
  const SourceFile b("b.md", "one\n");
  const SourceFile a("a.md", "two\n");
  const std::vector<format::FileReport> reports{{&b, {make(skill_rule, {0, 1}, "in b")}},
                                                {&a, {make(skill_rule, {0, 1}, "in a")}}};
  const auto text = render(format::OutputFormat::text, reports);
  EXPECT_LT(text.find("in a"), text.find("in b"));
}

TEST(TextFormat, SummaryWording) {
  const SourceFile clean("clean.md", "# ok\n");
  const std::vector<format::FileReport> one{{&clean, {}}};
  EXPECT_EQ(render(format::OutputFormat::text, one), "No problems found in 1 file.\n");
  const std::vector<format::FileReport> three{{&clean, {}}, {&clean, {}}, {&clean, {}}};
  EXPECT_EQ(render(format::OutputFormat::text, three), "No problems found in 3 files.\n");

  const std::vector<format::FileReport> many{
      {&clean,
       {make(skill_rule, {0, 1}, "a"), make(skill_rule, {0, 1}, "b"),
        make(skill_rule, {0, 1}, "c", Severity::info)}}};
  const auto text = render(format::OutputFormat::text, many);
  EXPECT_TRUE(text.ends_with("\nFound 2 errors, 0 warnings, 1 info in 1 file.\n")) << text;

  format::RenderOptions quiet;
  quiet.summary = false;
  EXPECT_EQ(render(format::OutputFormat::text, one, quiet), "");
  const auto quiet_text = render(format::OutputFormat::text, many, quiet);
  EXPECT_EQ(quiet_text.find("Found"), std::string::npos);
  EXPECT_FALSE(quiet_text.ends_with("\n\n")) << quiet_text;
  EXPECT_NE(quiet_text.find("missing`\n\nerror[HP102"), std::string::npos) << quiet_text;
}

TEST(TextFormat, ColourOnlyWhenAsked) {
  const std::vector<format::FileReport> reports{
      {&multibyte,
       {make(skill_rule, range_of(multibyte, "ok"), "e"),
        make(skill_rule, range_of(multibyte, "naïve"), "w", Severity::warning)}}};
  EXPECT_EQ(render(format::OutputFormat::text, reports).find('\x1b'), std::string::npos);
  format::RenderOptions color;
  color.color = true;
  const auto text = render(format::OutputFormat::text, reports, color);
  EXPECT_NE(text.find("\x1b[1;31merror[HP102/skill-call-missing]\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;33mwarning[HP102/skill-call-missing]\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;31m^^\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[1;34m-->\x1b[0m"), std::string::npos);
  // Colour never reaches the machine formats.
  EXPECT_EQ(render(format::OutputFormat::json, reports, color).find('\x1b'), std::string::npos);
  EXPECT_EQ(render(format::OutputFormat::concise, reports, color).find('\x1b'), std::string::npos);
}

TEST(RuleDocs, FenceIsLongerThanAnyBacktickRun) {
  EXPECT_EQ(format::code_fence_for("plain"), "```");
  EXPECT_EQ(format::code_fence_for("```\nx\n```"), "````");
  EXPECT_EQ(format::code_fence_for("a `b` ````` c"), "``````");
}

TEST(RuleDocs, PageHasEverySection) {
  const auto page = format::rule_page_markdown(skill_rule);
  EXPECT_TRUE(page.starts_with("# HP102 skill-call-missing\n\n0.1 has no Skill() call\n\n"))
      << page;
  EXPECT_NE(page.find("| Family | Profile | Default severity | Fix |\n|---|---|---|---|\n"
                      "| Section 0 | spellbook-handoff | error | none |\n"),
            std::string::npos)
      << page;
  const auto checks = page.find("## What it checks\n\nChecks 0.1 for a `Skill()` call.\n");
  const auto why = page.find("## Why it matters\n\nThe next session must restore the workflow.\n");
  const auto example = page.find(
      "## Example\n\n`````markdown\n### 0.1 Workflow\n\n````text\n"
      "nothing\n````\n`````\n");
  const auto instead = page.find(
      "Use instead:\n\n````markdown\n### 0.1 Workflow\n\n```\nSkill(\"develop\")\n```\n````\n");
  EXPECT_NE(checks, std::string::npos) << page;
  EXPECT_NE(why, std::string::npos) << page;
  EXPECT_NE(example, std::string::npos) << page;
  EXPECT_NE(instead, std::string::npos) << page;
  EXPECT_LT(checks, why);
  EXPECT_LT(why, example);
  EXPECT_LT(example, instead);
  EXPECT_TRUE(page.ends_with("```\n````\n"));
}

TEST(RuleDocs, PageWithoutExamplesAndStarProfile) {
  const auto page = format::rule_page_markdown(path_rule);
  EXPECT_NE(page.find("| Paths | all | warning | unsafe |\n"), std::string::npos) << page;
  EXPECT_EQ(page.find("## Example"), std::string::npos);
  EXPECT_TRUE(page.ends_with("## Why it matters\n\nCwd changes.\n")) << page;
}

TEST(RuleDocs, IndexAndPages) {
  const engine::RuleMeta* const registry[] = {&skill_rule, &path_rule};
  const auto index = format::rules_index_markdown(registry);
  EXPECT_TRUE(index.starts_with("# Rules\n"));
  EXPECT_NE(
      index.find("| [HP102](HP102.md) | skill-call-missing | 0.1 has no Skill() call | error | "
                 "none |\n"),
      std::string::npos)
      << index;
  // A pipe in a summary must not split the cell.
  EXPECT_NE(index.find("| A path \\| is relative | warning | unsafe |\n"), std::string::npos)
      << index;

  const auto pages = format::rule_doc_pages(registry);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].first, "index.md");
  EXPECT_EQ(pages[0].second, index);
  EXPECT_EQ(pages[1].first, "HP102.md");
  EXPECT_EQ(pages[1].second, format::rule_page_markdown(skill_rule));
  EXPECT_EQ(pages[2].first, "HP201.md");
}

TEST(RuleDocs, JsonCarriesEveryField) {
  const auto json = format::rule_json(skill_rule);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"code", "name", "family", "profile", "summary",
                                            "severity", "fix", "opt_in", "what_it_checks", "why_it_matters",
                                            "bad_example", "good_example"}));
  EXPECT_EQ(json["code"], "HP102");
  EXPECT_EQ(json["severity"], "error");
  EXPECT_EQ(json["fix"], "none");
  EXPECT_EQ(json["good_example"], skill_rule.good_example);
}

std::string rules_table(engine::Registry registry) {
  std::ostringstream table;
  format::print_rules_table(registry, table);
  return table.str();
}

TEST(RuleDocs, TextAndTable) {
  std::ostringstream text;
  format::print_rule_text(skill_rule, text);
  EXPECT_TRUE(text.str().starts_with("HP102 skill-call-missing\n\n  0.1 has no Skill() call\n"));
  EXPECT_NE(text.str().find("  Default severity: error\n"), std::string::npos);
  EXPECT_NE(text.str().find("What it checks\n\n  Checks 0.1"), std::string::npos);
  EXPECT_NE(text.str().find("Example\n\n    ### 0.1 Workflow\n\n    ````text\n"), std::string::npos)
      << text.str();

  const engine::RuleMeta* const registry[] = {&skill_rule, &path_rule};
  EXPECT_EQ(rules_table(registry),
            "CODE   NAME                SEVERITY  FIX     SUMMARY\n"
            "HP102  skill-call-missing  error     none    0.1 has no Skill() call\n"
            "HP201  path-not-absolute   warning   unsafe  A path | is relative\n");
}

TEST(RuleDocs, OptInRulesAreMarkedEverywhere) {
  auto opt_in = path_rule;
  opt_in.opt_in = true;
  const engine::RuleMeta* const registry[] = {&skill_rule, &opt_in};
  EXPECT_EQ(rules_table(registry),
            "CODE   NAME                SEVERITY          FIX     SUMMARY\n"
            "HP102  skill-call-missing  error             none    0.1 has no Skill() call\n"
            "HP201  path-not-absolute   warning (opt-in)  unsafe  A path | is relative\n");
  std::ostringstream text;
  format::print_rule_text(opt_in, text);
  EXPECT_NE(text.str().find("  Default severity: warning (opt-in)\n"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("  Off by default (opt-in): enable it with `--enable HP201`"), std::string::npos);
  const auto page = format::rule_page_markdown(opt_in);
  EXPECT_NE(page.find("| Paths | all | warning | unsafe |\n\nOff by default (opt-in)"), std::string::npos) << page;
  EXPECT_NE(format::rules_index_markdown(registry).find("| warning (opt-in) | unsafe |"), std::string::npos);
  EXPECT_EQ(format::rule_json(opt_in)["opt_in"], true);
  EXPECT_EQ(format::rule_json(skill_rule)["opt_in"], false);
}

}  // namespace
