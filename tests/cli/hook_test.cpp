// `baton hook claude-code`: Claude Code hook events in, exit codes and
// replies out (docs/agents.md).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <cstdlib>
#include <string>

#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace {

using baton::test::read_text;
using baton::test::run_cli;
using baton::test::TempDir;
using Json = nlohmann::json;

const std::string examples = std::string(BATON_SOURCE_DIR) + "/fixtures/examples/";

baton::test::CliRun hook(const Json& event) {
  return run_cli({"hook", "claude-code"}, event.dump());
}

Json post_tool_use(const std::string& tool, const std::string& file_path, const std::string& cwd) {
  return {
      {"session_id", "s1"},
      {"transcript_path", cwd + "/transcript.jsonl"},
      {"cwd", cwd},
      {"hook_event_name", "PostToolUse"},
      {"tool_name", tool},
      {"tool_input", {{"file_path", file_path}, {"content", "ignored: the file on disk counts"}}},
      {"tool_response", {{"success", true}}}};
}

// One assistant record of a transcript whose message calls `tool` on `file_path`.
std::string tool_use_record(const std::string& tool, const std::string& file_path) {
  Json record = {
      {"type", "assistant"},
      {"cwd", "/"},
      {"message",
       {{"role", "assistant"},
        {"content", Json::array({{{"type", "tool_use"},
                                  {"id", "toolu_1"},
                                  {"name", tool},
                                  {"input", {{"file_path", file_path}, {"content", "x"}}}}})}}}};
  return record.dump() + "\n";
}

TEST(ClaudeHook, PostToolUseOnABrokenHandoffExitsTwoWithTheRuleCodesOnStderr) {
  TempDir dir;
  const auto file = dir.write("HANDOFF.md", read_text(examples + "broken-handoff.md"));
  const auto run = hook(post_tool_use("Write", file, dir.path().string()));
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find(file), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("HP101 section0-not-first"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("HP102"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("- line 3: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("`baton explain HP101`"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("fix every error"), std::string::npos) << run.err;
}

TEST(ClaudeHook, PostToolUseResolvesARelativePathAgainstCwdAndAcceptsEditAndMultiEdit) {
  TempDir dir;
  dir.write("notes/session-handoff.md", read_text(examples + "broken-handoff.md"));
  for (const char* tool : {"Edit", "MultiEdit"}) {
    const auto run = hook(post_tool_use(tool, "notes/session-handoff.md", dir.path().string()));
    EXPECT_EQ(run.code, 2) << tool << ": " << run.err;
  }
}

TEST(ClaudeHook, PostToolUseOnACleanHandoffPrintsNothing) {
  TempDir dir;
  const auto file = dir.write("HANDOFF.md", read_text(examples + "clean-handoff.md"));
  const auto run = hook(post_tool_use("Write", file, dir.path().string()));
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST(ClaudeHook, PostToolUseOnFilesNoScanWouldLintPrintsNothing) {
  TempDir dir;
  // A README with the same defects, a source file and another tool.
  const auto readme = dir.write("README.md", read_text(examples + "broken-handoff.md"));
  const auto source = dir.write("main.cpp", "int main() {}\n");
  for (const auto& event : {post_tool_use("Write", readme, dir.path().string()),
                            post_tool_use("Write", source, dir.path().string()),
                            post_tool_use("Read", readme, dir.path().string()),
                            post_tool_use("Write", dir / "gone-handoff.md", dir.path().string())}) {
    const auto run = hook(event);
    EXPECT_EQ(run.code, 0) << event.dump() << ": " << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
  }
}

TEST(ClaudeHook, PostToolUsePicksAMarkdownFileByItsContentLikeADirectoryScan) {
  TempDir dir;
  // No handoff name, but it starts like a spellbook boot prompt.
  const auto file = dir.write("notes/tomorrow.md", read_text(examples + "broken-handoff.md"));
  const auto run = hook(post_tool_use("Write", file, dir.path().string()));
  EXPECT_EQ(run.code, 2) << run.err;
}

TEST(ClaudeHook, BadInputExitsZeroWithAWarning) {
  for (const std::string input :
       {"", "not json", "[1, 2]", "{\"tool_name\": \"Write\"}",
        "{\"hook_event_name\": \"Notification\"}",
        "{\"hook_event_name\": \"PostToolUse\", \"tool_name\": \"Write\"}"}) {
    const auto run = run_cli({"hook", "claude-code"}, input);
    EXPECT_EQ(run.code, 0) << input;
    EXPECT_EQ(run.out, "") << input;
    EXPECT_NE(run.err.find("baton: warning: "), std::string::npos) << input << ": " << run.err;
    EXPECT_NE(run.err.find("nothing was checked"), std::string::npos) << input << ": " << run.err;
  }
}

TEST(ClaudeHook, StopBlocksWhileAHandoffWrittenInTheSessionHasErrors) {
  TempDir dir;
  const auto broken = dir.write("HANDOFF.md", read_text(examples + "broken-handoff.md"));
  const auto clean = dir.write("clean-handoff.md", read_text(examples + "clean-handoff.md"));
  // A broken handoff the session did not write is none of its business.
  dir.write("other-handoff.md", read_text(examples + "broken-handoff.md"));
  const auto transcript =
      dir.write("transcript.jsonl",
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}}\n" +
                    tool_use_record("Write", broken) + tool_use_record("Edit", clean) +
                    tool_use_record("Write", dir / "src/main.cpp") + "not json\n");
  Json event = {{"session_id", "s1"},
                {"transcript_path", transcript},
                {"cwd", dir.path().string()},
                {"hook_event_name", "Stop"},
                {"stop_hook_active", false}};
  const auto run = hook(event);
  ASSERT_EQ(run.code, 0) << run.err;
  const auto reply = Json::parse(run.out);
  EXPECT_EQ(reply.at("decision"), "block");
  const auto reason = reply.at("reason").get<std::string>();
  EXPECT_NE(reason.find(broken), std::string::npos) << reason;
  EXPECT_NE(reason.find("HP101"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("other-handoff.md"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("clean-handoff.md"), std::string::npos) << reason;

  // Already continuing because of a stop hook: let the agent stop.
  event["stop_hook_active"] = true;
  const auto again = hook(event);
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err, "");
}

TEST(ClaudeHook, StopWithCleanOrNoHandoffsLetsTheAgentStop) {
  TempDir dir;
  const auto clean = dir.write("HANDOFF.md", read_text(examples + "clean-handoff.md"));
  const auto transcript = dir.write("transcript.jsonl", tool_use_record("Write", clean));
  const auto run = hook({{"transcript_path", transcript},
                         {"cwd", dir.path().string()},
                         {"hook_event_name", "Stop"},
                         {"stop_hook_active", false}});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "");
  const auto missing = hook({{"transcript_path", dir / "missing.jsonl"},
                             {"cwd", dir.path().string()},
                             {"hook_event_name", "Stop"},
                             {"stop_hook_active", false}});
  EXPECT_EQ(missing.code, 0);
  EXPECT_EQ(missing.out, "");
  EXPECT_NE(missing.err.find("baton: warning: cannot read the transcript"), std::string::npos)
      << missing.err;
}

TEST(ClaudeHook, SessionStartWarnsWhenTheBootPromptIsOverTheHookOutputBudget) {
  TempDir dir;
  std::string handoff = read_text(examples + "clean-handoff.md");
  handoff += "\n## Notes\n\n" + std::string(2500, 'x') + "\n";
  ASSERT_GT(handoff.size(), 10000u);
  const auto file = dir.write(".claude/HANDOFF.md", handoff);
  const auto run = hook(
      {{"cwd", dir.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "startup"}});
  ASSERT_EQ(run.code, 0) << run.err;
  const auto reply = Json::parse(run.out);
  const auto& output = reply.at("hookSpecificOutput");
  EXPECT_EQ(output.at("hookEventName"), "SessionStart");
  const auto context = output.at("additionalContext").get<std::string>();
  EXPECT_NE(context.find(file), std::string::npos) << context;
  EXPECT_NE(context.find("10000 characters"), std::string::npos) << context;
  EXPECT_NE(context.find("Read(\"" + file + "\")"), std::string::npos) << context;
  EXPECT_LE(context.size(), 10000u);
  EXPECT_NE(reply.at("systemMessage").get<std::string>().find("10000"), std::string::npos);
}

TEST(ClaudeHook, SessionStartNamesTheErrorsOfTheNewestHandoffAndIsSilentOnACleanOne) {
  TempDir dir;
  const auto clean = hook(
      {{"cwd", dir.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "startup"}});
  EXPECT_EQ(clean.out, "");  // no handoff at all
  dir.write("HANDOFF.md", read_text(examples + "clean-handoff.md"));
  const auto quiet = hook(
      {{"cwd", dir.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "resume"}});
  EXPECT_EQ(quiet.code, 0);
  EXPECT_EQ(quiet.out, "");
  dir.write("README.md", read_text(examples + "broken-handoff.md"));  // never a boot prompt
  const auto still_quiet = hook(
      {{"cwd", dir.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "clear"}});
  EXPECT_EQ(still_quiet.out, "");
  std::filesystem::last_write_time(
      dir.path() / "HANDOFF.md",
      std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  const auto broken =
      dir.write("next-session-handoff.md", read_text(examples + "broken-handoff.md"));
  const auto run = hook(
      {{"cwd", dir.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "startup"}});
  ASSERT_EQ(run.code, 0);
  const auto context =
      Json::parse(run.out).at("hookSpecificOutput").at("additionalContext").get<std::string>();
  EXPECT_NE(context.find(broken), std::string::npos) << context;
  EXPECT_NE(context.find("HP101"), std::string::npos) << context;
}

// spellbook's /distill-session writes the boot prompt to
// ~/.local/spellbook/distilled/<project-encoded>/, not into the project.
TEST(ClaudeHook, SessionStartLooksInSpellbooksDistilledDirectoryOfTheProject) {
  TempDir home;
  TempDir project;
  const char* old_home = std::getenv("HOME");
  const std::string saved = old_home ? old_home : "";
  ::setenv("HOME", home.path().c_str(), 1);
  const auto event = Json{
      {"cwd", project.path().string()}, {"hook_event_name", "SessionStart"}, {"source", "startup"}};
  const auto before = hook(event);
  auto encoded = project.path().lexically_normal().string().substr(1);
  std::replace(encoded.begin(), encoded.end(), '/', '-');
  const auto distilled = home.write(".local/spellbook/distilled/" + encoded + "/webhook-20260106-143022.md",
                                    read_text(examples + "broken-handoff.md"));
  // Another project's distilled file is not this session's boot prompt.
  home.write(".local/spellbook/distilled/other-project/x-20260106-143022.md",
             read_text(examples + "broken-handoff.md"));
  const auto after = hook(event);
  if (old_home)
    ::setenv("HOME", saved.c_str(), 1);
  else
    ::unsetenv("HOME");
  EXPECT_EQ(before.out, "");
  ASSERT_EQ(after.code, 0) << after.err;
  const auto context =
      Json::parse(after.out).at("hookSpecificOutput").at("additionalContext").get<std::string>();
  EXPECT_NE(context.find(distilled), std::string::npos) << context;
  EXPECT_EQ(context.find("other-project"), std::string::npos) << context;
  EXPECT_NE(context.find("HP101"), std::string::npos) << context;
}

}  // namespace
