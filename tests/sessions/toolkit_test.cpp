// baton sessions: results against distill_session.py's output for the
// fixtures (goldens in tests/sessions/golden/, produced by running the script
// on the same files), the deliberate differences, locating project
// directories, and the exit-code contract of the CLI.
#include "session/toolkit.hpp"

#include <gtest/gtest.h>

#include "support/cli_support.hpp"
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "session/locate.hpp"
#include "sessions/golden_support.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace baton::session;

namespace {

using baton::test::TempDir;
using baton::test::read_text;
using baton::test::golden;
using baton::test::normalized;

const fs::path source_dir = BATON_SOURCE_DIR;
const fs::path fixtures = source_dir / "fixtures" / "sessions";
const fs::path projects = fixtures / "projects";
const std::string s1 = "11111111-1111-4111-8111-111111111111";
const std::string s2 = "22222222-2222-4222-8222-222222222222";
const std::string s3 = "33333333-3333-4333-8333-333333333333";
const fs::path v1_session = projects / "v1-0" / (s1 + ".jsonl");
const fs::path v2_0_session = projects / "v2-0" / (s2 + ".jsonl");
const fs::path v2_1_session = projects / "v2-1" / (s3 + ".jsonl");
const fs::path v2_0_agent = projects / "v2-0" / "agent-a06151e.jsonl";

// spellbook lists agent-<id>.jsonl files as sessions; baton does not.
json without_agent_files(json sessions) {
  json kept = json::array();
  for (auto& session : sessions) {
    if (fs::path(session["path"].get<std::string>()).filename().string().rfind("agent-", 0) != 0)
      kept.push_back(session);
  }
  return kept;
}

}  // namespace

// --- Parity with distill_session.py on the fixtures -------------------------

TEST(SessionsParity, Chunks) {
  const std::vector<std::pair<fs::path, std::string>> files = {{v1_session, "v1-0_11111111"},
                                                               {v2_0_session, "v2-0_22222222"},
                                                               {v2_1_session, "v2-1_33333333"},
                                                               {v2_0_agent, "v2-0_agent-a06"}};
  for (const auto& [file, name] : files) {
    for (const int limit : {1000, 3000}) {
      EXPECT_EQ(chunk_boundaries(file, 0, limit),
                golden("fixture-chunks-" + name + "-" + std::to_string(limit) + ".json"))
          << name << " " << limit;
    }
  }
}

TEST(SessionsParity, ContentCommands) {
  EXPECT_EQ(all(v1_session), golden("fixture-all-v1-0_11111111.json"));
  EXPECT_EQ(all(v2_0_session), golden("fixture-all-v2-0_22222222.json"));
  EXPECT_EQ(all(v2_1_session), golden("fixture-all-v2-1_33333333.json"));
  EXPECT_EQ(all(v2_0_agent), golden("fixture-all-v2-0_agent-a06.json"));
  EXPECT_EQ(extract(v2_1_session, 9, 13), golden("fixture-extract-v2-1-9-13.json"));
  EXPECT_EQ(after(v2_0_session, 3), golden("fixture-after-v2-0-3.json"));
}

TEST(SessionsParity, PrintedTextIsByteForByteTheScripts) {
  for (const auto& [file, name] : std::vector<std::pair<fs::path, std::string>>{
           {v1_session, "fixture-all-v1-0_11111111.json"},
           {v2_1_session, "fixture-all-v2-1_33333333.json"}}) {
    const auto result = baton::test::run_cli({"sessions", "all", file.string()});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, read_text(source_dir / "tests/sessions/golden" / name)) << name;
  }
  const auto chunks =
      baton::test::run_cli({"sessions", "chunks", v1_session.string(), "--start-line", "0", "--char-limit", "1000"});
  EXPECT_EQ(chunks.out,
            read_text(source_dir / "tests/sessions/golden/fixture-chunks-v1-0_11111111-1000.json"));
}

TEST(SessionsParity, LastCompact) {
  EXPECT_EQ(last_compact(v1_session), golden("fixture-last-compact-v1-0.json"));
  EXPECT_EQ(last_compact(v2_0_session), golden("fixture-last-compact-v2-0.json"));
}

TEST(SessionsParity, ListSessions) {
  EXPECT_EQ(normalized(list_sessions(projects / "v1-0", 10)),
            normalized(golden("fixture-list-v1-0.json")));
  EXPECT_EQ(normalized(list_sessions(projects / "v2-0", 10)),
            normalized(without_agent_files(golden("fixture-list-v2-0.json"))));
}

TEST(SessionsParity, Agents) {
  EXPECT_EQ(normalized(agent_output(projects / "v2-0", "a06151e")),
            normalized(golden("fixture-agent-output-v2-0.json")));
  EXPECT_EQ(normalized(list_agents(projects / "v2-0", s2)),
            normalized(golden("fixture-agents-v2-0.json")));
}

// --- Where baton deliberately differs (docs/sessions.md) ---------------------

TEST(SessionsDifferences, CompactSummaryAfterAnAttachment) {
  // The script looks only at the record after the boundary (an attachment here).
  json expected = golden("fixture-last-compact-v2-1.json");
  ASSERT_EQ(expected["summary_content"], "");
  const auto result = last_compact(v2_1_session);
  ASSERT_TRUE(result["summary_content"].is_array());
  EXPECT_EQ(result["summary_content"][0]["text"].get<std::string>().rfind("This session is", 0),
            0u);
  expected["summary_content"] = result["summary_content"];
  EXPECT_EQ(result, expected);
}

TEST(SessionsDifferences, ListGivesTextForBlockContent) {
  json expected = golden("fixture-list-v2-1.json");
  ASSERT_TRUE(expected[0]["first_user_message"].is_array());  // the script slices the block list
  const auto result = list_sessions(projects / "v2-1", 10);
  EXPECT_EQ(result[0]["first_user_message"], "Implement the cache layer");
  EXPECT_TRUE(result[0]["last_compact_summary"].is_array());
  EXPECT_TRUE(expected[0]["last_compact_summary"].is_null());
  expected[0]["first_user_message"] = result[0]["first_user_message"];
  expected[0]["last_compact_summary"] = result[0]["last_compact_summary"];
  EXPECT_EQ(normalized(result), normalized(expected));
}

TEST(SessionsDifferences, SubagentsDirectoryOf2_1) {
  const auto output = agent_output(projects / "v2-1", "a063aa6b3b2398874");
  EXPECT_EQ(output["found"], true);
  EXPECT_EQ(output["output"], "Three call sites: a.py, b.py, c.py.");
  EXPECT_EQ(output["prompt"], "Find the cache call sites");
  EXPECT_EQ(output["session_id"], s3);
  EXPECT_EQ(fs::path(output["file_path"].get<std::string>()),
            projects / "v2-1" / s3 / "subagents" / "agent-a063aa6b3b2398874.jsonl");
  const auto agents = list_agents(projects / "v2-1", s3);
  ASSERT_EQ(agents.size(), 1u);
  EXPECT_EQ(agents[0]["agent_id"], "a063aa6b3b2398874");
  EXPECT_EQ(agents[0]["timestamp"], "2026-01-05T12:00:05.000Z");
  EXPECT_EQ(agents[0]["prompt_preview"], "Find the cache call sites");
  const auto missing = agent_output(projects / "v2-1", "nope");
  EXPECT_EQ(missing["found"], false);
  EXPECT_EQ(fs::path(missing["file_path"].get<std::string>()).filename(), "agent-nope.jsonl");
}

TEST(SessionsDifferences, MalformedLinesAreSkippedUnlessStrict) {
  std::vector<std::size_t> lines;
  ReadOptions options;
  options.on_malformed = [&lines](const MalformedLine& line) { lines.push_back(line.line_number); };
  const auto records = all(fixtures / "malformed.jsonl", options);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[3]["message"]["content"], "third");
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 5}));
  EXPECT_EQ(chunk_boundaries(fixtures / "malformed.jsonl", 1, 1),
            json::parse("[[1,2],[2,3],[3,4]]"));
}

TEST(SessionsToolkit, ListLimitAndOrder) {
  TempDir dir;
  for (const auto& [name, time] :
       std::vector<std::pair<std::string, std::string>>{{"a", "2026-01-02T00:00:00Z"},
                                                        {"b", "2026-01-03T00:00:00Z"},
                                                        {"c", "2026-01-01T00:00:00Z"}}) {
    std::ofstream(dir.path() / (name + ".jsonl"))
        << R"({"type":"user","message":{"role":"user","content":")" << name << R"("},"timestamp":")"
        << time << "\"}\n";
  }
  std::ofstream(dir.path() / "empty.jsonl") << "\n\n";
  const auto sessions = list_sessions(dir.path(), 5);
  ASSERT_EQ(sessions.size(), 3u);
  EXPECT_EQ(sessions[0]["first_user_message"], "b");
  EXPECT_EQ(sessions[2]["first_user_message"], "c");
  EXPECT_EQ(list_sessions(dir.path(), 2).size(), 2u);
  EXPECT_EQ(list_sessions(dir.path(), -1).size(), 2u);  // Python slice semantics
  EXPECT_EQ(list_sessions(dir.path(), 0).size(), 0u);
}

// --- Locating project directories -----------------------------------------

TEST(SessionsLocate, ConfigDirAndEncoding) {
  EXPECT_EQ(claude_config_dir("/cfg", "/home/u"), fs::path("/cfg"));
  EXPECT_EQ(claude_config_dir("", "/home/u"), fs::path("/home/u/.claude"));
  EXPECT_EQ(claude_config_dir(nullptr, "/home/u"), fs::path("/home/u/.claude"));
  EXPECT_EQ(encode_project_path("/Users/eek/Development/styleseat.github"),
            "-Users-eek-Development-styleseat-github");
  EXPECT_EQ(encode_project_path("/x/.claude/worktrees/v0.5_b c"), "-x--claude-worktrees-v0-5-b-c");
}

TEST(SessionsLocate, FindsTheProjectByTheCwdInsideSessions) {
  TempDir config;
  const auto write_session = [&config](const std::string& directory, const std::string& cwd) {
    fs::create_directories(config.path() / "projects" / directory);
    std::ofstream(config.path() / "projects" / directory / "s.jsonl")
        << R"({"type":"summary","summary":"t"})"
        << "\n"
        << R"({"type":"user","cwd":")" << cwd
        << R"(","message":{"role":"user","content":"hi"},"timestamp":"2026-01-01T00:00:00Z"})"
        << "\n";
  };
  // A long path whose directory name is hashed differently: found by its cwd.
  write_session("-home-dev-some-very-long-path-1abc", "/home/dev/some/very/long/path");
  write_session("-home-dev-other", "/home/dev/other");
  // A name that matches the encoding but whose sessions say another cwd.
  write_session("-home-dev-a-b", "/home/dev/a.b");
  EXPECT_EQ(find_project_dir(config.path(), "/home/dev/some/very/long/path"),
            config.path() / "projects" / "-home-dev-some-very-long-path-1abc");
  EXPECT_EQ(find_project_dir(config.path(), "/home/dev/other/"),
            config.path() / "projects" / "-home-dev-other");
  EXPECT_EQ(find_project_dir(config.path(), "/home/dev/a/b"), std::nullopt);
  EXPECT_EQ(find_project_dir(config.path(), "/home/dev/a.b"),
            config.path() / "projects" / "-home-dev-a-b");

  ::setenv("CLAUDE_CONFIG_DIR", config.path().c_str(), 1);
  const auto listed = baton::test::run_cli({"sessions", "list", "--cwd", "/home/dev/other"});
  const auto missing = baton::test::run_cli({"sessions", "list", "--cwd", "/nowhere"});
  ::unsetenv("CLAUDE_CONFIG_DIR");
  EXPECT_EQ(listed.code, 0) << listed.err;
  EXPECT_EQ(json::parse(listed.out).size(), 1u);
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("No Claude Code project directory for /nowhere"), std::string::npos);
}

TEST(SessionsLocate, SpellbooksAlternateLeadingDash) {
  const auto dashed = projects / "-v2-0";
  EXPECT_EQ(resolve_project_dir(dashed), projects / "v2-0");
  EXPECT_EQ(resolve_project_dir(projects / "missing"), projects / "missing");
}

// --- The exit-code contract -------------------------------------------------

TEST(SessionsCli, ExitCodesAndMessages) {
  const std::string malformed = (fixtures / "malformed.jsonl").string();
  const std::string missing = (fixtures / "missing.jsonl").string();
  const std::string session = v2_0_session.string();

  auto result = baton::test::run_cli({"sessions", "last-compact", missing});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "Error: Session file not found: " + missing + "\n");
  EXPECT_EQ(result.out, "");

  result = baton::test::run_cli({"sessions", "list", (fixtures / "no-such-dir").string()});
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err,
            "Error: Project directory not found: " + (fixtures / "no-such-dir").string() + "\n");

  result = baton::test::run_cli({"sessions", "agents", (fixtures / "no-such-dir").string(), "--session-id", "x"});
  EXPECT_EQ(result.code, 2);

  result = baton::test::run_cli({"sessions", "all", malformed, "--strict-json"});
  EXPECT_EQ(result.code, 3);
  EXPECT_EQ(result.err, "Parse error: Invalid JSON at line 3: line 1 column 27 (char 26)\n");
  EXPECT_EQ(result.out, "");

  result = baton::test::run_cli({"sessions", "all", (fixtures / "stream-json.jsonl").string()});
  EXPECT_EQ(result.code, 3);
  EXPECT_NE(result.err.find("stream-json"), std::string::npos);
  EXPECT_EQ(result.out, "");

  result = baton::test::run_cli({"sessions", "all", malformed});
  EXPECT_EQ(result.code, 0);
  EXPECT_NE(result.err.find("malformed.jsonl:3:27: skipped"), std::string::npos);
  EXPECT_EQ(json::parse(result.out).size(), 4u);

  result = baton::test::run_cli({"sessions", "chunks", session, "--start-line", "9", "--char-limit", "10"});
  EXPECT_EQ(result.code, 4);
  EXPECT_EQ(result.err, "Validation error: Invalid start_line: 9\n");
  result = baton::test::run_cli({"sessions", "chunks", session, "--start-line", "-1", "--char-limit", "10"});
  EXPECT_EQ(result.code, 4);
  EXPECT_EQ(result.err, "Validation error: Invalid start_line: -1\n");
  result = baton::test::run_cli({"sessions", "chunks", session, "--start-line", "0", "--char-limit", "0"});
  EXPECT_EQ(result.code, 4);
  EXPECT_EQ(result.err, "Validation error: Invalid char_limit: 0\n");
  result = baton::test::run_cli({"sessions", "extract", session, "--start-line", "5", "--end-line", "2"});
  EXPECT_EQ(result.code, 4);
  EXPECT_EQ(result.err, "Validation error: Invalid range: start=5, end=2, total=9\n");
  result = baton::test::run_cli({"sessions", "extract", session, "--start-line", "0", "--end-line", "10"});
  EXPECT_EQ(result.code, 4);
  result = baton::test::run_cli({"sessions", "after", session, "--start-line", "9"});
  EXPECT_EQ(result.code, 4);
  EXPECT_EQ(result.err, "Validation error: Invalid start_line: 9 (total messages: 9)\n");

  result = baton::test::run_cli({"sessions", "after", session, "--start-line", "8"});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, "[]\n");
  result = baton::test::run_cli({"sessions", "last-compact", v1_session.string()});
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.out, "null\n");

  result = baton::test::run_cli({"sessions", "chunks", session, "--start-line", "0"});  // --char-limit missing
  EXPECT_EQ(result.code, 2);
  result = baton::test::run_cli({"sessions"});
  EXPECT_EQ(result.code, 2);
}
