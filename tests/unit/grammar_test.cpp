#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <tao/pegtl/contrib/analyze.hpp>
#include <utility>
#include <vector>

#include "grammar/call_ast.hpp"
#include "grammar/call_errors.hpp"
#include "grammar/call_grammar.hpp"

namespace baton::grammar {
namespace {

// Ranges compare as pairs so that failures print readable numbers.
using Span = std::pair<std::uint32_t, std::uint32_t>;

Span span(TextRange r) {
  return {r.begin, r.end};
}

// The range of the `nth` occurrence of `needle` in `text`, shifted by `base`.
Span find_span(std::string_view text, std::string_view needle, int nth = 0,
               std::uint32_t base = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i)
    at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << "missing " << needle;
  const auto begin = base + static_cast<std::uint32_t>(at);
  return {begin, begin + static_cast<std::uint32_t>(needle.size())};
}

TEST(GrammarTest, GrammarHasNoAnalyzeIssues) {
  EXPECT_EQ(tao::pegtl::analyze<peg::document>(), 0u);
}

TEST(GrammarTest, EveryMustPointHasAMessage) {
  // must_if's static_assert enforces this at compile time; this spells out the table.
  EXPECT_NE(peg::error_message<peg::argument_expected>, nullptr);
  EXPECT_NE(peg::error_message<peg::argument_separator>, nullptr);
  EXPECT_NE(peg::error_message<peg::keyword_value>, nullptr);
  EXPECT_NE(peg::error_message<peg::array_element>, nullptr);
  EXPECT_NE(peg::error_message<peg::array_separator>, nullptr);
  EXPECT_NE(peg::error_message<peg::member_key>, nullptr);
  EXPECT_NE(peg::error_message<peg::member_colon>, nullptr);
  EXPECT_NE(peg::error_message<peg::member_value>, nullptr);
  EXPECT_NE(peg::error_message<peg::object_separator>, nullptr);
  EXPECT_NE(peg::error_message<peg::nesting_allowed>, nullptr);
  EXPECT_NE(peg::error_message<peg::escape_check>, nullptr);
  EXPECT_NE(peg::error_message<peg::dq_close>, nullptr);
  EXPECT_NE(peg::error_message<peg::sq_close>, nullptr);
  EXPECT_NE(peg::error_message<peg::call_end>, nullptr);
  EXPECT_EQ(peg::error_message<peg::value>, nullptr);
}

TEST(GrammarTest, EmptyInput) {
  const CallScan scan = scan_calls("", 0);
  EXPECT_TRUE(scan.calls.empty());
  EXPECT_TRUE(scan.errors.empty());
  const CallScan blank = scan_calls("\n\n  \n", 7);
  EXPECT_TRUE(blank.calls.empty());
  EXPECT_TRUE(blank.errors.empty());
}

TEST(GrammarTest, SkillWithTwoPositionalStrings) {
  const CallScan scan = scan_calls(R"(Skill("develop", "--resume Phase3.Task7"))", 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  const Call& call = scan.calls[0];
  EXPECT_EQ(call.name, "Skill");
  EXPECT_EQ(span(call.name_range), Span(0, 5));
  EXPECT_EQ(span(call.range), Span(0, 41));
  EXPECT_FALSE(call.comment.has_value());
  ASSERT_EQ(call.arguments.size(), 2u);
  EXPECT_FALSE(call.arguments[0].keyword.has_value());
  EXPECT_EQ(call.arguments[0].value.kind, Value::Kind::string);
  EXPECT_EQ(call.arguments[0].value.text, "develop");
  EXPECT_EQ(call.arguments[0].value.quote, '"');
  EXPECT_EQ(span(call.arguments[0].value.range), Span(6, 15));
  EXPECT_EQ(call.arguments[1].value.text, "--resume Phase3.Task7");
  EXPECT_EQ(span(call.arguments[1].value.range), Span(17, 40));
}

TEST(GrammarTest, SingleQuotedString) {
  const CallScan scan = scan_calls("Skill('name')", 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  ASSERT_EQ(scan.calls[0].arguments.size(), 1u);
  const Value& v = scan.calls[0].arguments[0].value;
  EXPECT_EQ(v.kind, Value::Kind::string);
  EXPECT_EQ(v.text, "name");
  EXPECT_EQ(v.quote, '\'');
  EXPECT_EQ(span(v.range), Span(6, 12));
  EXPECT_EQ(span(scan.calls[0].range), Span(0, 13));
}

TEST(GrammarTest, TrailingComment) {
  const CallScan scan = scan_calls(R"(Read("/abs/path.md")  # comment)", 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  const Call& call = scan.calls[0];
  EXPECT_EQ(call.name, "Read");
  EXPECT_EQ(span(call.range), Span(0, 20));
  EXPECT_EQ(call.arguments[0].value.text, "/abs/path.md");
  EXPECT_EQ(span(call.arguments[0].value.range), Span(5, 19));
  ASSERT_TRUE(call.comment.has_value());
  EXPECT_EQ(span(*call.comment), Span(22, 31));
}

TEST(GrammarTest, CommentWithoutBlankAndParenthesesInsideStrings) {
  const std::string_view text = R"(Read("a) # b")#real)";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  EXPECT_EQ(scan.calls[0].arguments[0].value.text, "a) # b");
  EXPECT_EQ(span(scan.calls[0].range), Span(0, 14));
  EXPECT_EQ(span(*scan.calls[0].comment), Span(14, 19));
}

TEST(GrammarTest, SeveralCallsWithProseBetween) {
  const std::string_view text =
      "Run these in order:\n"
      "Skill(\"a\")\n"
      "Then mention Skill(\"not a call\") in prose.\n"
      "\n"
      "  Read(\"b\")\n"
      "Done.";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 2u);
  EXPECT_EQ(scan.calls[0].name, "Skill");
  EXPECT_EQ(span(scan.calls[0].range), find_span(text, "Skill(\"a\")"));
  EXPECT_EQ(scan.calls[1].name, "Read");
  EXPECT_EQ(span(scan.calls[1].range), find_span(text, "Read(\"b\")"));
  EXPECT_EQ(span(scan.calls[1].name_range), find_span(text, "Read"));
}

TEST(GrammarTest, MultiLineTodoWrite) {
  const std::string_view text =
      "TodoWrite([\n"
      "  {\"content\": \"a\", \"status\": \"pending\", \"activeForm\": \"doing a\"},\n"
      "  {content: 'b', 'status': \"in_progress\", \"activeForm\": \"doing b\",},\n"
      "])\n";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty()) << scan.errors[0].message;
  ASSERT_EQ(scan.calls.size(), 1u);
  const Call& call = scan.calls[0];
  EXPECT_EQ(call.name, "TodoWrite");
  EXPECT_EQ(span(call.range), Span(0, static_cast<std::uint32_t>(text.size() - 1)));
  ASSERT_EQ(call.arguments.size(), 1u);
  const Value& list = call.arguments[0].value;
  EXPECT_EQ(list.kind, Value::Kind::array);
  EXPECT_EQ(span(list.range), Span(10, static_cast<std::uint32_t>(text.size() - 2)));
  ASSERT_EQ(list.elements.size(), 2u);

  const Value& first = list.elements[0];
  EXPECT_EQ(first.kind, Value::Kind::object);
  EXPECT_EQ(
      span(first.range),
      find_span(text,
                "{\"content\": \"a\", \"status\": \"pending\", \"activeForm\": \"doing a\"}"));
  ASSERT_EQ(first.members.size(), 3u);
  EXPECT_EQ(first.members[0].key, "content");
  EXPECT_EQ(span(first.members[0].key_range), find_span(text, "\"content\""));
  EXPECT_EQ(first.members[0].value.text, "a");
  EXPECT_EQ(span(first.members[0].value.range), find_span(text, "\"a\""));
  EXPECT_EQ(first.members[1].key, "status");
  EXPECT_EQ(span(first.members[1].key_range), find_span(text, "\"status\""));
  EXPECT_EQ(first.members[1].value.text, "pending");
  EXPECT_EQ(first.members[2].key, "activeForm");
  EXPECT_EQ(span(first.members[2].key_range), find_span(text, "\"activeForm\""));
  EXPECT_EQ(first.members[2].value.text, "doing a");
  EXPECT_EQ(span(first.members[2].value.range), find_span(text, "\"doing a\""));

  const Value& second = list.elements[1];
  ASSERT_EQ(second.members.size(), 3u);
  EXPECT_EQ(second.members[0].key, "content");
  EXPECT_EQ(span(second.members[0].key_range), find_span(text, "content", 1));
  EXPECT_EQ(second.members[0].value.text, "b");
  EXPECT_EQ(second.members[0].value.quote, '\'');
  EXPECT_EQ(second.members[1].key, "status");
  EXPECT_EQ(span(second.members[1].key_range), find_span(text, "'status'"));
  EXPECT_EQ(second.members[1].value.text, "in_progress");
  EXPECT_EQ(span(second.members[2].key_range), find_span(text, "\"activeForm\"", 1));
  EXPECT_EQ(second.members[2].value.text, "doing b");
}

TEST(GrammarTest, TaskAndAgentKeywordArguments) {
  const std::string_view text =
      "Task(description=\"Review\", prompt = \"Check the diff\",\n"
      "     subagent_type=\"general-purpose\")\n"
      "Agent(subagent_type='explorer', prompt=\"y\", 3)\n";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 2u);

  const Call& task = scan.calls[0];
  EXPECT_EQ(task.name, "Task");
  ASSERT_EQ(task.arguments.size(), 3u);
  EXPECT_EQ(task.arguments[0].keyword, "description");
  EXPECT_EQ(span(task.arguments[0].keyword_range), Span(5, 16));
  EXPECT_EQ(task.arguments[0].value.text, "Review");
  EXPECT_EQ(span(task.arguments[0].value.range), Span(17, 25));
  EXPECT_EQ(task.arguments[1].keyword, "prompt");
  EXPECT_EQ(span(task.arguments[1].keyword_range), find_span(text, "prompt"));
  EXPECT_EQ(span(task.arguments[1].value.range), find_span(text, "\"Check the diff\""));
  EXPECT_EQ(task.arguments[2].keyword, "subagent_type");
  EXPECT_EQ(span(task.arguments[2].keyword_range), find_span(text, "subagent_type"));
  EXPECT_EQ(task.arguments[2].value.text, "general-purpose");

  const Call& agent = scan.calls[1];
  EXPECT_EQ(agent.name, "Agent");
  ASSERT_EQ(agent.arguments.size(), 3u);
  EXPECT_EQ(agent.arguments[0].keyword, "subagent_type");
  EXPECT_EQ(span(agent.arguments[0].keyword_range), find_span(text, "subagent_type", 1));
  EXPECT_EQ(agent.arguments[0].value.text, "explorer");
  EXPECT_EQ(agent.arguments[1].keyword, "prompt");
  EXPECT_FALSE(agent.arguments[2].keyword.has_value());
  EXPECT_EQ(agent.arguments[2].value.kind, Value::Kind::number);
}

TEST(GrammarTest, KeywordAcrossLines) {
  const CallScan scan = scan_calls("Task(\n  description\n  =\n  \"x\"\n)", 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  EXPECT_EQ(scan.calls[0].arguments[0].keyword, "description");
  EXPECT_EQ(span(scan.calls[0].arguments[0].keyword_range), Span(8, 19));
  EXPECT_EQ(span(scan.calls[0].arguments[0].value.range), Span(26, 29));
}

TEST(GrammarTest, ScalarKinds) {
  const std::string_view text = "Skill(true, False, null, None, 42, -1.5e+3, 0.25, some_name)";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 1u);
  const auto& args = scan.calls[0].arguments;
  ASSERT_EQ(args.size(), 8u);
  const std::vector<std::pair<Value::Kind, std::string>> expected = {
      {Value::Kind::boolean, "true"}, {Value::Kind::boolean, "False"},
      {Value::Kind::null, "null"},    {Value::Kind::null, "None"},
      {Value::Kind::number, "42"},    {Value::Kind::number, "-1.5e+3"},
      {Value::Kind::number, "0.25"},  {Value::Kind::identifier, "some_name"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(args[i].value.kind, expected[i].first) << i;
    EXPECT_EQ(args[i].value.text, expected[i].second) << i;
    EXPECT_EQ(span(args[i].value.range), find_span(text, expected[i].second)) << i;
    EXPECT_EQ(args[i].value.quote, 0) << i;
  }
}

TEST(GrammarTest, EmptyArgumentsAndTrailingCommas) {
  const CallScan scan = scan_calls("Skill()\nRead( )\nTask(\"a\",)\nAgent([1,], {a: 1,},)", 0);
  ASSERT_TRUE(scan.errors.empty());
  ASSERT_EQ(scan.calls.size(), 4u);
  EXPECT_TRUE(scan.calls[0].arguments.empty());
  EXPECT_EQ(span(scan.calls[0].range), Span(0, 7));
  EXPECT_TRUE(scan.calls[1].arguments.empty());
  EXPECT_EQ(scan.calls[2].arguments.size(), 1u);
  ASSERT_EQ(scan.calls[3].arguments.size(), 2u);
  EXPECT_EQ(scan.calls[3].arguments[0].value.elements.size(), 1u);
  EXPECT_EQ(scan.calls[3].arguments[1].value.members.size(), 1u);
}

TEST(GrammarTest, Escapes) {
  const std::string_view text =
      R"(Skill("q\" b\\ s\/ \b\f\n\r\t e\u00e9 \ud83d\ude00", 'it\'s', "\ud800x"))";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty()) << scan.errors[0].message;
  ASSERT_EQ(scan.calls.size(), 1u);
  const auto& args = scan.calls[0].arguments;
  ASSERT_EQ(args.size(), 3u);
  EXPECT_EQ(args[0].value.text, "q\" b\\ s/ \b\f\n\r\t e\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(span(args[0].value.range), Span(6, 51));
  EXPECT_EQ(args[1].value.text, "it's");
  // A lone surrogate has no UTF-8 encoding.
  EXPECT_EQ(args[2].value.text, "\xEF\xBF\xBDx");
}

TEST(GrammarTest, BaseOffsetAppliesToAllRanges) {
  const CallScan scan = scan_calls("Task(a=[1], b={k: 2})  # c\nSkill(\"x\" y)", 1000);
  ASSERT_EQ(scan.calls.size(), 1u);
  const Call& call = scan.calls[0];
  EXPECT_EQ(span(call.name_range), Span(1000, 1004));
  EXPECT_EQ(span(call.range), Span(1000, 1021));
  EXPECT_EQ(span(call.arguments[0].keyword_range), Span(1005, 1006));
  EXPECT_EQ(span(call.arguments[0].value.range), Span(1007, 1010));
  EXPECT_EQ(span(call.arguments[0].value.elements[0].range), Span(1008, 1009));
  EXPECT_EQ(span(call.arguments[1].value.members[0].key_range), Span(1015, 1016));
  EXPECT_EQ(span(*call.comment), Span(1023, 1026));
  ASSERT_EQ(scan.errors.size(), 1u);
  EXPECT_EQ(span(scan.errors[0].range), Span(1037, 1038));
}

TEST(GrammarTest, CallNamesAreWholeWordsAtLineStart) {
  struct Case {
    std::string_view text;
    std::vector<std::string> names;
  };
  const std::vector<Case> cases = {
      {"Write(\"x\")", {}},
      {"TodoWrite([])", {"TodoWrite"}},
      {"Reader(\"x\")", {}},
      {"MyRead(\"x\")", {}},
      {"Skills(\"x\")", {}},
      {"Read_file(\"x\")", {}},
      {"x = Skill(\"x\")", {}},
      {"Skill", {}},
      {"Skill \"x\"", {}},
      {"Skill\n(\"x\")", {}},
      {"  Skill (\"x\")", {"Skill"}},
      {"\tRead\t(\"x\")", {"Read"}},
      {"Task(\"x\")\nAgent(\"y\")", {"Task", "Agent"}},
  };
  for (const Case& c : cases) {
    const CallScan scan = scan_calls(c.text, 0);
    EXPECT_TRUE(scan.errors.empty()) << c.text;
    std::vector<std::string> names;
    for (const Call& call : scan.calls)
      names.push_back(call.name);
    EXPECT_EQ(names, c.names) << c.text;
  }
  const CallScan blank_before_paren = scan_calls("  Skill (\"x\")", 0);
  EXPECT_EQ(span(blank_before_paren.calls[0].name_range), Span(2, 7));
  EXPECT_EQ(span(blank_before_paren.calls[0].range), Span(2, 13));
}

TEST(GrammarTest, GrammarRecognisesEveryCallName) {
  for (const std::string_view name : call_names) {
    const std::string text = std::string(name) + "()";
    const CallScan scan = scan_calls(text, 0);
    ASSERT_EQ(scan.calls.size(), 1u) << name;
    EXPECT_EQ(scan.calls[0].name, name);
  }
}

TEST(GrammarTest, ErrorMessagesAndPositions) {
  struct Case {
    std::string_view text;
    std::string_view message;
    Span range;
  };
  const std::vector<Case> cases = {
      {"Skill(", "expected an argument or ')'", {6, 6}},
      {"Skill(,)", "expected an argument or ')'", {6, 7}},
      {"Skill(\"a\",,)", "expected an argument or ')'", {10, 11}},
      {"Skill(\"a\",", "expected an argument or ')'", {10, 10}},
      {"Skill(-x)", "expected an argument or ')'", {6, 7}},
      {"Skill(\"a\" \"b\")", "expected ',' or ')' after the argument", {10, 11}},
      {"Skill(\"a\"", "expected ',' or ')' after the argument", {9, 9}},
      {"Skill(\"a\" \xC3\xA9)", "expected ',' or ')' after the argument", {10, 12}},
      {"Task(x=)", "expected a value after '='", {7, 8}},
      {"Task(x = \n)", "expected a value after '='", {10, 11}},
      {"Skill(\"abc", "unterminated string: missing closing '\"'", {6, 7}},
      {"Skill(\"abc\nmore\")", "unterminated string: missing closing '\"'", {6, 7}},
      {"Skill('abc", "unterminated string: missing closing \"'\"", {6, 7}},
      {"Skill(\"ab\\", "unterminated string: missing closing '\"'", {6, 7}},
      {"Skill(\"ab\\qc\")", "invalid escape sequence '\\q'", {9, 10}},
      {"Skill('\\u12G4')", "invalid escape sequence '\\u12G4'", {7, 8}},
      {"Skill(\"\\u12\")", "invalid escape sequence '\\u12'", {7, 8}},
      {"Skill([1 2])", "expected ',' or ']' in the array", {9, 10}},
      {"Skill([1", "expected ',' or ']' in the array", {8, 8}},
      {"Skill([1,,])", "expected a value or ']' in the array", {9, 10}},
      {"Skill({1: 2})", "expected a key in the object", {7, 8}},
      {"Skill({a 2})", "expected ':' after the key", {9, 10}},
      {"Skill({a: })", "expected a value after ':'", {10, 11}},
      {"Skill({a: 1 b: 2})", "expected ',' or '}' in the object", {12, 13}},
      {"Skill(\"a\") trailing",
       "unexpected text after the call; only a '# comment' may follow",
       {11, 12}},
      {"Skill(\"a\");", "unexpected text after the call; only a '# comment' may follow", {10, 11}},
      {"Skill(\"a\") Read(\"b\")",
       "unexpected text after the call; only a '# comment' may follow",
       {11, 12}},
  };
  for (const Case& c : cases) {
    const CallScan scan = scan_calls(c.text, 0);
    EXPECT_TRUE(scan.calls.empty()) << c.text;
    ASSERT_EQ(scan.errors.size(), 1u) << c.text;
    EXPECT_EQ(scan.errors[0].message, c.message) << c.text;
    EXPECT_EQ(span(scan.errors[0].range), c.range) << c.text;
    EXPECT_EQ(scan.errors[0].call_name, c.text.substr(0, c.text.find('('))) << c.text;
  }
}

TEST(GrammarTest, ResumesOnTheLineAfterAnError) {
  const std::string_view text =
      "Skill(\"a\" \"b\") Read(\"hidden\")\n"
      "Read(\"ok\")\n"
      "TodoWrite([\n"
      "  {\"content\": \"a\" \"x\"},\n"
      "Skill(\"c\")\n"
      "  {\"content\": \"b\"}\n"
      "])\n"
      "Agent(\"bad\n"
      "Task(\"last\")";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_EQ(scan.errors.size(), 3u);
  EXPECT_EQ(scan.errors[0].call_name, "Skill");
  EXPECT_EQ(scan.errors[0].message, "expected ',' or ')' after the argument");
  EXPECT_EQ(span(scan.errors[0].range), Span(10, 11));
  EXPECT_EQ(scan.errors[1].call_name, "TodoWrite");
  EXPECT_EQ(scan.errors[1].message, "expected ',' or '}' in the object");
  const std::uint32_t x = find_span(text, "\"x\"").first;
  EXPECT_EQ(span(scan.errors[1].range), Span(x, x + 1));
  EXPECT_EQ(scan.errors[2].call_name, "Agent");
  EXPECT_EQ(scan.errors[2].message, "unterminated string: missing closing '\"'");
  const std::uint32_t quote = find_span(text, "\"bad").first;
  EXPECT_EQ(span(scan.errors[2].range), Span(quote, quote + 1));
  ASSERT_EQ(scan.calls.size(), 3u);
  EXPECT_EQ(scan.calls[0].arguments[0].value.text, "ok");
  EXPECT_EQ(scan.calls[1].arguments[0].value.text, "c");
  EXPECT_EQ(scan.calls[2].arguments[0].value.text, "last");
}

TEST(GrammarTest, NestingLimit) {
  const auto nested = [](int depth) {
    return "Skill(" + std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']') + ")";
  };
  const CallScan ok = scan_calls(nested(max_value_depth), 0);
  EXPECT_TRUE(ok.errors.empty());
  ASSERT_EQ(ok.calls.size(), 1u);

  // The first bracket beyond the limit is the offending one.
  const auto first_bad = static_cast<std::uint32_t>(6 + max_value_depth);
  const CallScan too_deep = scan_calls(nested(max_value_depth + 1), 0);
  EXPECT_TRUE(too_deep.calls.empty());
  ASSERT_EQ(too_deep.errors.size(), 1u);
  EXPECT_EQ(too_deep.errors[0].message, "arrays and objects are nested too deeply");
  EXPECT_EQ(span(too_deep.errors[0].range), Span(first_bad, first_bad + 1));

  std::string objects = "Skill(";
  for (int i = 0; i <= max_value_depth; ++i)
    objects += "{\"a\": ";
  const CallScan deep_objects = scan_calls(objects, 0);
  ASSERT_EQ(deep_objects.errors.size(), 1u);
  EXPECT_EQ(deep_objects.errors[0].message, "arrays and objects are nested too deeply");
}

TEST(GrammarTest, HundredThousandBracketsDoNotCrash) {
  const std::string text = "Skill(" + std::string(100000, '[') + "\nRead(\"after\")";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_EQ(scan.errors.size(), 1u);
  EXPECT_EQ(scan.errors[0].message, "arrays and objects are nested too deeply");
  const auto first_bad = static_cast<std::uint32_t>(6 + max_value_depth);
  EXPECT_EQ(span(scan.errors[0].range), Span(first_bad, first_bad + 1));
  ASSERT_EQ(scan.calls.size(), 1u);
  EXPECT_EQ(scan.calls[0].name, "Read");
}

TEST(GrammarTest, CrlfLineEndings) {
  const std::string_view text =
      "TodoWrite([\r\n"
      "  {\"content\": \"a\"},\r\n"
      "  \"b\"\r\n"
      "])  # c\r\n"
      "Skill(\"x\")\r\n";
  const CallScan scan = scan_calls(text, 0);
  ASSERT_TRUE(scan.errors.empty()) << scan.errors[0].message;
  ASSERT_EQ(scan.calls.size(), 2u);
  const Call& todo = scan.calls[0];
  EXPECT_EQ(span(todo.range), Span(0, find_span(text, "])").second));
  ASSERT_TRUE(todo.comment.has_value());
  EXPECT_EQ(span(*todo.comment), find_span(text, "# c"));
  ASSERT_EQ(todo.arguments[0].value.elements.size(), 2u);
  EXPECT_EQ(span(todo.arguments[0].value.elements[1].range), find_span(text, "\"b\""));
  EXPECT_EQ(span(scan.calls[1].range), find_span(text, "Skill(\"x\")"));

  // A CR before the line feed does not belong to a string.
  const CallScan unterminated = scan_calls("Skill(\"a\r\nRead(\"b\")", 0);
  ASSERT_EQ(unterminated.errors.size(), 1u);
  EXPECT_EQ(span(unterminated.errors[0].range), Span(6, 7));
  ASSERT_EQ(unterminated.calls.size(), 1u);
}

TEST(GrammarTest, ManyErrorsStayLinear) {
  // One error per line; each restart must not rescan earlier text.
  std::string text;
  for (int i = 0; i < 50000; ++i)
    text += "Skill(\"a\" x)\nprose line\n";
  const CallScan scan = scan_calls(text, 0);
  EXPECT_EQ(scan.errors.size(), 50000u);
  EXPECT_EQ(span(scan.errors.back().range), Span(static_cast<std::uint32_t>(text.size() - 14),
                                                 static_cast<std::uint32_t>(text.size() - 13)));
}

}  // namespace
}  // namespace baton::grammar
