// Re-serialisation as Python's json.dumps writes it (what char_count measures).
#include "session/python_json.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using namespace baton::session;

namespace {

std::size_t measured(std::string_view json) {
  const auto result = measure_python_json(json);
  EXPECT_FALSE(result.error) << json << ": " << result.error->message;
  return result.python_length;
}

std::size_t error_offset(std::string_view json) {
  const auto result = measure_python_json(json);
  EXPECT_TRUE(result.error) << json;
  return result.error ? result.error->offset : 0;
}

std::string indented(std::string_view json) {
  std::string out;
  append_python_dumps_indented(json, 2, 0, out);
  return out;
}

}  // namespace

TEST(PythonJson, ReferenceVector) {
  // {'a':'é😀\n/"','b':[1,2.5,1e16,1e-05,True,None],'c':{}} in Python.
  const std::string input =
      "{\"a\":\"\xC3\xA9\xF0\x9F\x98\x80\\n\\/\\\"\",\"b\":[1,2.5,1e16,1e-05,true,null],\"c\":{}}";
  const std::string expected =
      R"({"a": "\u00e9\ud83d\ude00\n/\"", "b": [1, 2.5, 1e+16, 1e-05, true, null], "c": {}})";
  EXPECT_EQ(python_dumps(input), expected);
  EXPECT_EQ(measured(input), 82u);
}

TEST(PythonJson, NonAsciiIsEscaped) {
  EXPECT_EQ(measured("{\"a\":\"\xC3\xA9\"}"), 15u);          // '{"a":"é"}' is 9 raw characters
  EXPECT_EQ(measured("{\"x\":\"\xF0\x9F\x98\x80\"}"), 21u);  // astral: a surrogate pair
  EXPECT_EQ(python_dumps("\"\x7F\""), R"("\u007f")");
  EXPECT_EQ(python_dumps(R"("\u0041\u00E9\ud83d\ude00\u001f\/")"),
            R"("A\u00e9\ud83d\ude00\u001f/")");
  EXPECT_EQ(python_dumps(R"("\b\f\n\r\t\"\\")"), R"("\b\f\n\r\t\"\\")");
  EXPECT_EQ(python_dumps(R"("\ud800x")"), R"("\ud800x")");  // a lone surrogate stays escaped
}

TEST(PythonJson, WhitespaceAndSeparators) {
  EXPECT_EQ(python_dumps(" { \"a\" :[ 1 ,2 ] ,\"b\":{ } , \"c\" : [ ] } "),
            R"({"a": [1, 2], "b": {}, "c": []})");
}

TEST(PythonJson, NumbersFollowPython) {
  EXPECT_EQ(python_dumps("[-0, 12345678901234567890123, 1E2, -0.0, 0.0001, 1e-5, 1.5e-7, 1e16,"
                         " 1e15, 123.456, 1e400, -1e400, 1e-400, NaN, Infinity, -Infinity]"),
            "[0, 12345678901234567890123, 100.0, -0.0, 0.0001, 1e-05, 1.5e-07, 1e+16, "
            "1000000000000000.0, 123.456, Infinity, -Infinity, 0.0, NaN, Infinity, -Infinity]");
  EXPECT_EQ(python_float_repr(0.1), "0.1");
  EXPECT_EQ(python_float_repr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(python_float_repr(1e100), "1e+100");
  EXPECT_EQ(python_float_repr(-2.5e-10), "-2.5e-10");
  EXPECT_EQ(python_float_repr(1234567890123456.7), "1234567890123456.8");
  EXPECT_EQ(python_float_repr(12345678901234567.0), "1.2345678901234568e+16");
}

TEST(PythonJson, IndentedLikeJsonDumpsIndent2) {
  EXPECT_EQ(indented(R"({"a":[1,{"b":null}],"c":{},"d":[]})"),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n"
            "  \"d\": []\n}");
  std::string nested = "[";
  append_python_dumps_indented(R"({"k":[true]})", 2, 1, nested);
  EXPECT_EQ(nested, "[{\n    \"k\": [\n      true\n    ]\n  }");
  EXPECT_EQ(indented("[]"), "[]");
}

TEST(PythonJson, TopLevelMembersKeepOrderAndDuplicates) {
  std::vector<Member> members;
  ASSERT_FALSE(
      measure_python_json(R"({"type":"user","n":1,"t\u0079pe":"x","type":"system"})", &members)
          .error);
  ASSERT_EQ(members.size(), 4u);
  EXPECT_EQ(members[0].key, "type");
  EXPECT_EQ(members[0].value, "\"user\"");
  EXPECT_TRUE(members[2].key_escaped);
  EXPECT_EQ(members[3].value, "\"system\"");
}

TEST(PythonJson, RejectsWhatJsonLoadsRejects) {
  EXPECT_EQ(error_offset("[1,]"), 3u);
  EXPECT_EQ(error_offset(R"({"a" 1})"), 5u);
  EXPECT_EQ(error_offset("\"abc"), 0u);
  EXPECT_EQ(error_offset("[1 2]"), 3u);
  EXPECT_EQ(error_offset("tru"), 0u);
  EXPECT_EQ(error_offset("{\"a\":\"\x01\"}"), 6u);
  EXPECT_EQ(error_offset(R"({"a":"\q"})"), 6u);
  EXPECT_EQ(error_offset("1 2"), 2u);
  EXPECT_EQ(error_offset("{,}"), 1u);
  EXPECT_EQ(error_offset(""), 0u);
  EXPECT_TRUE(measure_python_json("01").error);
  EXPECT_TRUE(measure_python_json("1.").error);
  EXPECT_TRUE(measure_python_json("\"\xC3\"").error);          // truncated UTF-8
  EXPECT_TRUE(measure_python_json("\"\xED\xA0\x80\"").error);  // an encoded surrogate
  EXPECT_TRUE(measure_python_json("\"\xC0\xAF\"").error);      // overlong
  EXPECT_TRUE(measure_python_json(std::string(2000, '[') + std::string(2000, ']')).error);
  EXPECT_FALSE(measure_python_json(std::string(500, '[') + std::string(500, ']')).error);
  EXPECT_THROW(python_dumps("{"), std::invalid_argument);
}

TEST(PythonJson, LongStringsTakeTheFastPath) {
  std::string text = "\"";
  for (int i = 0; i < 1000; ++i)
    text += "abcdefghijklmnopqrstuvwxyz0123456789 \\n\xC3\xA9";
  text += "\"";
  EXPECT_EQ(measured(text), 2u + 1000u * (37u + 2u + 6u));
}

TEST(PythonJson, Utf8Helpers) {
  EXPECT_EQ(utf8_length("a\xC3\xA9\xF0\x9F\x98\x80"), 3u);
  EXPECT_EQ(utf8_prefix("a\xC3\xA9\xF0\x9F\x98\x80", 2), "a\xC3\xA9");
  EXPECT_EQ(utf8_prefix("ab", 5), "ab");
  EXPECT_EQ(decode_json_string_body(R"(a\n\u00e9\ud83d\ude00\/)"), "a\n\xC3\xA9\xF0\x9F\x98\x80/");
}

TEST(PythonJson, NestedMembersComeFromTheSamePass) {
  NestedMembers message{"message", {}, false};
  std::vector<Member> members;
  const auto result = measure_python_json(
      R"({"type": "user", "message": {"role": "user", "content": [{"type": "text"}]}, "x": {"role": 1}})",
      &members, &message);
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.python_length, measured(R"({"type": "user", "message": {"role": "user", "content": [{"type": "text"}]}, "x": {"role": 1}})"));
  ASSERT_EQ(members.size(), 3u);
  ASSERT_TRUE(message.found);
  ASSERT_EQ(message.members.size(), 2u);
  EXPECT_EQ(message.members[0].key, "role");
  EXPECT_EQ(message.members[0].value, R"("user")");
  EXPECT_EQ(message.members[1].key, "content");
  EXPECT_EQ(message.members[1].value, R"([{"type": "text"}])");

  // The last "message" counts, whatever its type (Python keeps the last duplicate).
  measure_python_json(R"({"message": {"role": "user"}, "message": "text"})", &members, &message);
  EXPECT_FALSE(message.found);
  EXPECT_TRUE(message.members.empty());
  measure_python_json(R"({"message": 1, "message": {"role": "assistant"}})", &members, &message);
  ASSERT_TRUE(message.found);
  ASSERT_EQ(message.members.size(), 1u);
  EXPECT_EQ(message.members[0].value, R"("assistant")");
  // An escaped key names the same member; a nested "message" is not the top-level one.
  measure_python_json(R"({"m\u0065ssage": {"role": "user"}})", &members, &message);
  EXPECT_TRUE(message.found);
  measure_python_json(R"({"data": {"message": {"role": "user"}}})", &members, &message);
  EXPECT_FALSE(message.found);
  EXPECT_TRUE(message.members.empty());
}
