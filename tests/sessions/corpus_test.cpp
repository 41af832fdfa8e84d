// Golden comparisons against the real transcripts in ../shared/corpus/sessions.
// The expected JSON is what distill_session.py printed for the same files
// (tests/sessions/golden/corpus-*.json); results are compared as parsed JSON,
// file paths by name. Skipped, visibly, when the corpus is not there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "session/toolkit.hpp"
#include "sessions/golden_support.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace baton::session;

namespace {

using baton::test::golden;
using baton::test::normalized;

const fs::path corpus = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions";
const std::string short_session = "1af7fc5e-8455-4414-9ccd-011d40f70b2a";
const std::string task_session = "5c0375b4-57a5-4f26-b12d-d022ee4e51b7";
const std::string long_session = "fe5e1c67-53e7-4862-81ae-d0e013e3270b";
const std::string agent_file = "agent-test-hash-123";

fs::path file(const std::string& name) {
  return corpus / (name + ".jsonl");
}

class Corpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(corpus))
      GTEST_SKIP() << "corpus not found at " << corpus.string()
                   << " (../shared/corpus/sessions is not part of the project)";
  }
};

}  // namespace

TEST_F(Corpus, Chunks) {
  for (const auto& name : {short_session, task_session, long_session, agent_file}) {
    for (const int limit : {300000, 50000, 5000}) {
      EXPECT_EQ(
          chunk_boundaries(file(name), 0, limit),
          golden("corpus-chunks-" + name.substr(0, 8) + "-0-" + std::to_string(limit) + ".json"))
          << name << " at " << limit;
    }
  }
  // The 774 KB 1.0.98 session splits into 3 chunks at the command's 300,000.
  EXPECT_EQ(chunk_boundaries(file(long_session), 0, 300000).size(), 3u);
  EXPECT_EQ(chunk_boundaries(file(long_session), 100, 100000),
            golden("corpus-chunks-fe5e1c67-100-100000.json"));
}

TEST_F(Corpus, LastCompact) {
  for (const auto& name : {short_session, task_session, long_session})
    EXPECT_EQ(last_compact(file(name)),
              golden("corpus-last-compact-" + name.substr(0, 8) + ".json"));
}

TEST_F(Corpus, ContentCommands) {
  EXPECT_EQ(extract(file(long_session), 10, 20), golden("corpus-extract-fe5e1c67-10-20.json"));
  EXPECT_EQ(extract(file(task_session), 0, 5), golden("corpus-extract-5c0375b4-0-5.json"));
  EXPECT_EQ(after(file(short_session), 20), golden("corpus-after-1af7fc5e-20.json"));
  EXPECT_EQ(after(file(long_session), 430), golden("corpus-after-fe5e1c67-430.json"));
  EXPECT_EQ(all(file(short_session)), golden("corpus-all-1af7fc5e.json"));
  EXPECT_EQ(all(file(agent_file)), golden("corpus-all-agent-te.json"));
}

TEST_F(Corpus, ListSessions) {
  // distill_session.py also lists agent-test-hash-123.jsonl as a session;
  // baton leaves subagent transcripts out (docs/sessions.md).
  json expected = json::array();
  for (const auto& session : golden("corpus-list.json")) {
    if (fs::path(session["path"].get<std::string>()).filename().string().rfind("agent-", 0) != 0)
      expected.push_back(session);
  }
  ASSERT_EQ(expected.size(), 3u);
  EXPECT_EQ(normalized(list_sessions(corpus, 10)), normalized(expected));
}

TEST_F(Corpus, Agents) {
  EXPECT_EQ(normalized(agent_output(corpus, "test-hash-123")),
            normalized(golden("corpus-agent-output-test-hash-123.json")));
  EXPECT_EQ(normalized(agent_output(corpus, "nope")),
            normalized(golden("corpus-agent-output-nope.json")));
  EXPECT_EQ(normalized(list_agents(corpus, task_session)),
            normalized(golden("corpus-agents-5c0375b4.json")));
}
