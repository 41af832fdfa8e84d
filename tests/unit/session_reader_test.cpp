// The streaming transcript reader and the record model, one generation at a time.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "session/jsonl_reader.hpp"
#include "session/records.hpp"

namespace fs = std::filesystem;
using namespace baton::session;

namespace {

const fs::path fixtures = fs::path(BATON_SOURCE_DIR) / "fixtures" / "sessions";
const fs::path v1_session = fixtures / "projects/v1-0/11111111-1111-4111-8111-111111111111.jsonl";
const fs::path v2_0_session = fixtures / "projects/v2-0/22222222-2222-4222-8222-222222222222.jsonl";
const fs::path v2_1_session = fixtures / "projects/v2-1/33333333-3333-4333-8333-333333333333.jsonl";

std::vector<Record> read_all(const fs::path& path, ReadOptions options = {}) {
  RecordReader reader(path, std::move(options));
  std::vector<Record> records;
  while (reader.next())
    records.push_back(parse_record(reader.text(), reader.index(), reader.line_number()));
  return records;
}

std::vector<ToolUse> tool_uses(const std::vector<Record>& records) {
  std::vector<ToolUse> uses;
  for (const auto& record : records)
    uses.insert(uses.end(), record.tool_uses.begin(), record.tool_uses.end());
  return uses;
}

fs::path temp_file(const std::string& name, const std::string& content) {
  const auto path =
      fs::temp_directory_path() / ("baton-reader-" + std::to_string(::getpid()) + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace

TEST(SessionReader, Generation1_0) {
  const auto records = read_all(v1_session);
  ASSERT_EQ(records.size(), 10u);  // 12 lines, two blank
  EXPECT_EQ(records[0].type, "summary");
  EXPECT_EQ(records[0].summary, "Caf\xC3\xA9 setup: CLAUDE.md \xE2\x9C\x93");
  EXPECT_EQ(records[1].content,
            "<command-message>init is analyzing your "
            "codebase\xE2\x80\xA6</command-message>\n<command-name>/init</command-name>");
  // Blank lines are skipped without consuming an index; line numbers stay physical.
  EXPECT_EQ(records[3].index, 3u);
  EXPECT_EQ(records[3].line_number, 5u);
  EXPECT_EQ(records[9].line_number, 12u);
  // Inline sidechain records of the 1.0.x Task tool.
  EXPECT_TRUE(records[6].is_sidechain);
  EXPECT_FALSE(records[5].is_sidechain);
  const auto uses = tool_uses(records);
  ASSERT_EQ(uses.size(), 3u);
  const auto todos = todo_items(uses[0]);
  ASSERT_EQ(todos.size(), 2u);
  EXPECT_EQ(todos[0].priority, "high");
  EXPECT_EQ(todos[0].id, "1");
  EXPECT_EQ(todos[0].status, "in_progress");
  EXPECT_EQ(uses[1].name, "Task");
  EXPECT_EQ(uses[1].canonical, "Agent");
  EXPECT_EQ(uses[2].name, "MultiEdit");
  EXPECT_EQ(uses[2].input["edits"].size(), 2u);
}

TEST(SessionReader, Generation2_0) {
  const auto records = read_all(v2_0_session);
  ASSERT_EQ(records.size(), 9u);
  EXPECT_TRUE(records[3].is_compact_boundary());
  EXPECT_TRUE(records[4].is_compact_summary);
  EXPECT_EQ(records[4].parent_uuid, records[3].uuid);
  EXPECT_EQ(records[7].type, "file-history-snapshot");
  EXPECT_EQ(records[1].slug, "fix-parser-test");
  const auto uses = tool_uses(records);
  ASSERT_EQ(uses.size(), 2u);
  const auto skill = skill_call(uses[0]);  // {"command": "debugging"}
  ASSERT_TRUE(skill);
  EXPECT_EQ(skill->skill, "debugging");
  EXPECT_EQ(skill->args, "");
  EXPECT_EQ(uses[1].canonical, "Agent");
  EXPECT_EQ(content_text(records[8].content), "Done: the parser handles empty input.");
}

TEST(SessionReader, Generation2_1) {
  const auto records = read_all(v2_1_session);
  ASSERT_EQ(records.size(), 15u);
  EXPECT_EQ(records[0].type, "queue-operation");
  EXPECT_EQ(records[2].type, "progress");
  EXPECT_EQ(records[8].type, "ai-title");
  EXPECT_EQ(records[10].type, "attachment");
  EXPECT_EQ(records[12].type, "brand-new-record-type");  // unknown types are kept
  EXPECT_EQ(records[12].json["payload"]["x"], 100.0);
  EXPECT_EQ(content_text(records[1].content), "Implement the cache layer");
  const auto uses = tool_uses(records);
  ASSERT_EQ(uses.size(), 4u);
  const auto skill = skill_call(uses[0]);
  ASSERT_TRUE(skill);
  EXPECT_EQ(skill->skill, "spellbook:develop");
  EXPECT_EQ(skill->args, "cache layer");
  const auto created = todo_items(uses[1]);
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].content, "Write the cache");
  EXPECT_EQ(created[0].status, "pending");
  const auto updated = todo_items(uses[2]);
  ASSERT_EQ(updated.size(), 1u);
  EXPECT_EQ(updated[0].id, "1");
  EXPECT_EQ(updated[0].status, "in_progress");
  EXPECT_EQ(uses[3].name, "Agent");
  EXPECT_EQ(uses[3].canonical, "Agent");
}

TEST(SessionReader, MalformedLinesAreReportedWithTheirLineNumber) {
  std::vector<MalformedLine> reported;
  ReadOptions options;
  options.on_malformed = [&reported](const MalformedLine& line) { reported.push_back(line); };
  const auto records = read_all(fixtures / "malformed.jsonl", options);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].json, 42);  // valid JSON that is not an object is still a record
  EXPECT_EQ(records[2].index, 2u);
  EXPECT_EQ(records[2].line_number, 6u);
  ASSERT_EQ(reported.size(), 2u);
  EXPECT_EQ(reported[0].line_number, 3u);
  EXPECT_EQ(reported[0].column, 27u);
  EXPECT_EQ(reported[1].line_number, 5u);
  EXPECT_EQ(reported[1].column, 1u);
}

TEST(SessionReader, StrictJsonStopsAtTheFirstMalformedLine) {
  ReadOptions options;
  options.strict_json = true;
  try {
    read_all(fixtures / "malformed.jsonl", options);
    FAIL() << "no error";
  } catch (const SessionError& error) {
    EXPECT_EQ(error.kind(), SessionError::Kind::malformed_json);
    EXPECT_EQ(error.exit_code(), 3);
    EXPECT_STREQ(error.what(), "Invalid JSON at line 3: line 1 column 27 (char 26)");
  }
}

TEST(SessionReader, StreamJsonIsRefused) {
  try {
    read_all(fixtures / "stream-json.jsonl");
    FAIL() << "no error";
  } catch (const SessionError& error) {
    EXPECT_EQ(error.kind(), SessionError::Kind::stream_json);
    EXPECT_NE(std::string(error.what()).find("stream-json"), std::string::npos);
  }
}

TEST(SessionReader, MissingFileAndDirectory) {
  EXPECT_THROW(RecordReader(fixtures / "nope.jsonl", {}), SessionError);
  try {
    RecordReader reader(fixtures, {});
    FAIL() << "a directory was opened";
  } catch (const SessionError& error) {
    EXPECT_EQ(error.exit_code(), 2);
  }
}

TEST(SessionReader, CrlfBomLongLinesAndNoFinalNewline) {
  // A 3 MiB line crosses the reader's 1 MiB buffer several times.
  const std::string long_text(3 << 20, 'x');
  const auto path = temp_file(
      "-lines.jsonl", "\xEF\xBB\xBF{\"a\":1}\r\n\r\n{\"long\":\"" + long_text + "\"}\n \t\n[1]");
  RecordReader reader(path, {});
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.text(), "{\"a\":1}");
  EXPECT_EQ(reader.python_length(), 8u);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.index(), 1u);
  EXPECT_EQ(reader.line_number(), 3u);
  EXPECT_EQ(reader.python_length(), long_text.size() + 12);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.text(), "[1]");
  EXPECT_TRUE(reader.members().empty());
  EXPECT_FALSE(reader.next());
  fs::remove(path);
}

TEST(SessionReader, MemberHelpers) {
  std::vector<Member> members;
  ASSERT_FALSE(
      measure_python_json(
          R"({"type":"system","subtype":"compact_boundary","n":0,"e":"","l":[ ],"o":{"a":1},"f":0.0,"t":1e-3})",
          &members)
          .error);
  EXPECT_TRUE(is_compact_boundary(members));
  EXPECT_FALSE(is_truthy(*find_member(members, "n")));
  EXPECT_FALSE(is_truthy(*find_member(members, "e")));
  EXPECT_FALSE(is_truthy(*find_member(members, "l")));
  EXPECT_TRUE(is_truthy(*find_member(members, "o")));
  EXPECT_FALSE(is_truthy(*find_member(members, "f")));
  EXPECT_TRUE(is_truthy(*find_member(members, "t")));
  EXPECT_FALSE(find_member(members, "missing"));
  EXPECT_EQ(*json_string(R"("a\u00e9")"), "a\xC3\xA9");
}

// A second pass over a file its first pass validated: the same records, with
// members found by skimming, malformed lines skipped without a report, and
// lines appended after the first pass validated as usual.
TEST(SessionReader, SecondPassSkimsWhatTheFirstValidated) {
  const std::string first_part =
      "{\"type\":\"user\",\"n\":1,\"message\":{\"content\":\"a \\\"q\\\" [x]\"}}\n"
      "{\"type\": broken\n"
      "\n"
      "{\"type\":\"assistant\",\"k\\u0065y\":[1,{\"x\":\"}\"}],\"t\":true}\n";
  const auto path = temp_file("second-pass.jsonl", first_part);
  auto validated = std::make_shared<ValidatedLines>();
  {
    ReadOptions first;
    first.on_malformed = [&](const MalformedLine& line) {
      validated->malformed.push_back(line.line_number);
    };
    RecordReader reader(path, first);
    while (reader.next()) {
    }
    validated->lines = reader.lines_read();
  }
  EXPECT_EQ(validated->lines, 4u);
  ASSERT_EQ(validated->malformed, std::vector<std::size_t>{2});
  // A malformed line appended after the first pass.
  std::ofstream(path, std::ios::app) << "{\"type\":\"x\",\n{\"type\":\"late\"}\n";

  std::vector<MalformedLine> reported;
  ReadOptions second;
  second.validated = validated;
  second.on_malformed = [&](const MalformedLine& line) { reported.push_back(line); };
  RecordReader reader(path, second);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.line_number(), 1u);
  EXPECT_TRUE(member_is(reader.members(), "type", "user"));
  EXPECT_EQ(*find_member(reader.members(), "message"), R"({"content":"a \"q\" [x]"})");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.line_number(), 4u);
  EXPECT_EQ(reader.index(), 1u);
  ASSERT_EQ(reader.members().size(), 3u);
  EXPECT_TRUE(reader.members()[1].key_escaped);
  EXPECT_EQ(reader.members()[1].value, R"([1,{"x":"}"}])");
  EXPECT_EQ(reader.members()[2].value, "true");
  ASSERT_TRUE(reader.next());  // appended: validated, so the malformed one is reported
  EXPECT_EQ(reader.line_number(), 6u);
  EXPECT_TRUE(member_is(reader.members(), "type", "late"));
  EXPECT_FALSE(reader.next());
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].line_number, 5u);
  fs::remove(path);
}
