// `baton generate` end to end through cli::run: output targets, overwrite
// protection, exit codes, the Section 0 budget and redaction.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "cli/cli.hpp"
#include "generate/render.hpp"
#include "generate_support.hpp"
#include "rules/safety/secrets.hpp"
#include "support/cli_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

const std::string session = (test::generate_fixtures / "v1-checkout.jsonl").string();

std::string session_line(const nlohmann::json& record) {
  return record.dump() + "\n";
}

TEST(GenerateCli, WritesToOutAndPrintsThePath) {
  test::TempDir temp;
  const auto target = temp / "deep/er/handoff.md";
  const auto run = baton::test::run_cli({"generate", session, "--out", target});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, target + "\n");
  const auto text = test::read_text(target);
  EXPECT_TRUE(text.starts_with("# Handoff: "));
  // The written handoff passes `baton check`.
  const auto check = baton::test::run_cli({"check", target});
  EXPECT_EQ(check.code, 0) << check.out;
}

TEST(GenerateCli, DashPrintsToStdout) {
  const auto run = baton::test::run_cli({"generate", session, "--out", "-"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("# Handoff: "));
  EXPECT_NE(run.out.find("## SECTION 2: CONTINUATION PROTOCOL"), std::string::npos);
}

TEST(GenerateCli, RefusesToOverwriteWithoutForce) {
  test::TempDir temp;
  const auto target = temp.write("handoff.md", "keep me\n");
  const auto refused = baton::test::run_cli({"generate", session, "--out", target});
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("already exists; use --force"), std::string::npos) << refused.err;
  EXPECT_EQ(test::read_text(target), "keep me\n");
  const auto forced = baton::test::run_cli({"generate", session, "--out", target, "--force"});
  EXPECT_EQ(forced.code, 0) << forced.err;
  EXPECT_TRUE(test::read_text(target).starts_with("# Handoff: "));
}

TEST(GenerateCli, UsageAndInputErrorsExit2) {
  test::TempDir temp;
  const auto missing = baton::test::run_cli({"generate", temp / "nope.jsonl", "--out", "-"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("session file not found"), std::string::npos);
  EXPECT_TRUE(missing.out.empty());
  const auto stream = baton::test::run_cli(
      {"generate", (fs::path(BATON_SOURCE_DIR) / "fixtures/sessions/stream-json.jsonl").string(),
       "--out", "-"});
  EXPECT_EQ(stream.code, 2);
  EXPECT_NE(stream.err.find("stream-json"), std::string::npos) << stream.err;
  const auto bad_dir =
      baton::test::run_cli({"generate", session, "--project-dir", temp / "absent", "--out", "-"});
  EXPECT_EQ(bad_dir.code, 2);
  EXPECT_EQ(baton::test::run_cli({"generate"}).code, 2);
  const auto directory = baton::test::run_cli({"generate", temp.path().string(), "--out", "-"});
  EXPECT_EQ(directory.code, 2);
  EXPECT_NE(directory.err.find("session is not a file"), std::string::npos) << directory.err;
  // An output directory that cannot be created.
  const auto file = temp.write("plain", "x");
  const auto unwritable =
      baton::test::run_cli({"generate", session, "--out", file + "/sub/handoff.md"});
  EXPECT_EQ(unwritable.code, 2);
  EXPECT_NE(unwritable.err.find("cannot create"), std::string::npos) << unwritable.err;
}

TEST(GenerateCli, DefaultPathUnderHome) {
  test::TempDir temp;
  const char* old_home = std::getenv("HOME");
  const std::string saved = old_home ? old_home : "";
  ::setenv("HOME", temp.path().c_str(), 1);
  const auto run = baton::test::run_cli({"generate", session});
  if (old_home)
    ::setenv("HOME", saved.c_str(), 1);
  else
    ::unsetenv("HOME");
  ASSERT_EQ(run.code, 0) << run.err;
  const auto written = fs::path(run.out.substr(0, run.out.size() - 1));
  EXPECT_EQ(written.parent_path(), temp.path() / ".local/spellbook/distilled/home-dev-shop");
  // No slug in a 1.0.x session: spellbook's "session-HHMMSS", then the stamp.
  EXPECT_TRUE(written.filename().string().starts_with("session-")) << written;
  EXPECT_EQ(written.extension(), ".md");
  EXPECT_TRUE(fs::exists(written));
}

TEST(GenerateCli, Section0OnlyFitsTheBudget) {
  test::TempDir temp;
  // 150 long todos: far beyond 8,000 characters when restored in full.
  nlohmann::json todos = nlohmann::json::array();
  for (int i = 0; i < 150; ++i) {
    todos.push_back({{"content", "Port module " + std::to_string(i) + " " + std::string(120, 'x')},
                     {"status", i % 3 == 0 ? "completed" : "pending"},
                     {"activeForm", "Porting module " + std::to_string(i)}});
  }
  nlohmann::json call = {{"type", "assistant"},
                         {"cwd", "/home/dev/big"},
                         {"sessionId", "s"},
                         {"message",
                          {{"role", "assistant"},
                           {"content",
                            {{{"type", "tool_use"},
                              {"id", "t1"},
                              {"name", "TodoWrite"},
                              {"input", {{"todos", todos}}}}}}}}};
  const auto file = temp.write("big.jsonl", session_line(call));
  const auto full = baton::test::run_cli({"generate", file, "--out", "-"});
  ASSERT_EQ(full.code, 0);
  EXPECT_GT(generate::code_points(full.out), 8000u);
  const auto run = baton::test::run_cli({"generate", file, "--out", "-", "--section0-only"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_LE(generate::code_points(run.out), 8000u);
  EXPECT_NE(run.out.find("## SECTION 0"), std::string::npos);
  EXPECT_EQ(run.out.find("SECTION 1"), std::string::npos);
  EXPECT_NE(run.out.find("To fit the budget"), std::string::npos);
  const auto target = temp.write("s0.md", run.out);
  EXPECT_EQ(baton::test::run_cli({"check", target}).code, 0);
}

// A session of 1,500 messages: unbudgeted, its handoff is too long for one
// Read call and `check` says so (HP011); by default it fits, and passes.
TEST(GenerateCli, TheHandoffFitsOneReadCallUnlessTheBudgetIsLifted) {
  test::TempDir temp;
  std::string lines;
  for (int i = 0; i < 1500; ++i) {
    nlohmann::json message = {
        {"type", "user"},
        {"cwd", "/home/dev/shop"},
        {"sessionId", "long"},
        {"timestamp", "2026-01-01T00:00:00Z"},
        {"message",
         {{"role", "user"}, {"content", "Please rename variable number " + std::to_string(i)}}}};
    lines += session_line(message);
  }
  const auto file = temp.write("long.jsonl", lines);

  const auto fitted = baton::test::run_cli({"generate", file, "--out", "-"});
  ASSERT_EQ(fitted.code, 0) << fitted.err;
  EXPECT_LE(generate::line_count(fitted.out), 2000u);
  EXPECT_LE(fitted.out.size(), 100000u);
  EXPECT_NE(fitted.out.find("left out to keep this handoff readable in one Read call"),
            std::string::npos);
  // The first request stays the goal; the most recent message is kept.
  EXPECT_NE(fitted.out.find("Please rename variable number 0\n"), std::string::npos);
  EXPECT_NE(fitted.out.find("Please rename variable number 1499"), std::string::npos);
  const auto fitted_file = temp.write("fitted.md", fitted.out);
  const auto fitted_check = baton::test::run_cli({"check", "--format", "concise", fitted_file});
  EXPECT_EQ(fitted_check.code, 0) << fitted_check.out;
  EXPECT_EQ(fitted_check.out.find("HP011"), std::string::npos) << fitted_check.out;

  const auto unlimited = baton::test::run_cli(
      {"generate", file, "--out", "-", "--max-lines", "0", "--max-bytes", "0"});
  ASSERT_EQ(unlimited.code, 0) << unlimited.err;
  EXPECT_GT(generate::line_count(unlimited.out), 2000u);
  const auto unlimited_file = temp.write("unlimited.md", unlimited.out);
  const auto unlimited_check =
      baton::test::run_cli({"check", "--format", "concise", unlimited_file});
  EXPECT_EQ(unlimited_check.code, 0) << "HP011 is a warning";
  EXPECT_NE(unlimited_check.out.find("warning: this handoff is"), std::string::npos)
      << unlimited_check.out;
  EXPECT_NE(unlimited_check.out.find("[HP011/handoff-too-long]"), std::string::npos);

  const auto small = baton::test::run_cli({"generate", file, "--out", "-", "--max-lines", "400"});
  ASSERT_EQ(small.code, 0) << small.err;
  EXPECT_LE(generate::line_count(small.out), 400u);
  EXPECT_EQ(small.err, "");
  // Below the fixed sections' own length: the smallest handoff, and a warning.
  const auto tiny = baton::test::run_cli({"generate", file, "--out", "-", "--max-lines", "50"});
  ASSERT_EQ(tiny.code, 0) << tiny.err;
  EXPECT_NE(tiny.err.find("baton: warning: the handoff is"), std::string::npos) << tiny.err;
  EXPECT_LT(generate::line_count(tiny.out), generate::line_count(small.out));
}

TEST(GenerateCli, SecretsAreRedactedInTheOutput) {
  test::TempDir temp;
  nlohmann::json message = {
      {"type", "user"},
      {"cwd", "/home/dev/s"},
      {"sessionId", "s"},
      {"message",
       {{"role", "user"},
        {"content", "deploy with AKIAIOSFODNN7EXAMPLE and postgres://admin:hunter2secret@db/x"}}}};
  const auto file = temp.write("secret.jsonl", session_line(message));
  const auto run = baton::test::run_cli({"generate", file, "--out", "-"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(rules::safety::find_secrets(run.out).empty());
  EXPECT_EQ(run.out.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos);
  EXPECT_EQ(run.out.find("hunter2secret"), std::string::npos);
  EXPECT_NE(run.out.find("REDACTED AWS access key ID"), std::string::npos);
  const auto section0 = baton::test::run_cli({"generate", file, "--out", "-", "--section0-only"});
  EXPECT_TRUE(rules::safety::find_secrets(section0.out).empty());
}

}  // namespace
