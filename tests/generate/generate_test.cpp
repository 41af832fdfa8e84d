// The generator: extraction per transcript generation, rendering, goldens,
// and the property that every generated handoff lints clean.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "generate/quote.hpp"
#include "generate_support.hpp"
#include "rules/safety/secrets.hpp"

namespace fs = std::filesystem;
using namespace baton;
using baton::test::FakeWorld;
using baton::test::generate_fixtures;

namespace {

FakeWorld checkout_world() {
  FakeWorld world;
  world.files["/home/dev/shop/docs/plans/checkout-impl.md"] = 120;
  world.files["/home/dev/shop/src/pricing/tax.py"] = 88;
  world.git = generate::GitState{"checkout-rewrite", {" M src/pricing/tax.py", "?? notes/"}};
  return world;
}

FakeWorld api_world() {
  FakeWorld world;
  world.files["/home/dev/api/docs/plans/rate-limit-impl.md"] = 40;
  world.files["/home/dev/api/src/limit/bucket.ts"] = 12;
  world.files["/home/dev/api/notes/handlers.md"] = 4;
  return world;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// --- 1.0.x -------------------------------------------------------------------

TEST(GenerateExtract, OldTranscriptSkillsTodosAndMessages) {
  const auto world = checkout_world();
  const auto model = test::model_of(generate_fixtures / "v1-checkout.jsonl", world);
  EXPECT_EQ(model.project_dir, "/home/dev/shop");
  EXPECT_EQ(model.project_encoded, "home-dev-shop");
  // Skill {command} is the most recent, the typed /brainstorm below it; /clear is built in.
  ASSERT_EQ(model.skills.size(), 2u);
  EXPECT_EQ(model.skills[0].name, "writing-plans");
  EXPECT_EQ(model.skills[0].origin, "Skill tool");
  EXPECT_EQ(model.skills[0].parent, "brainstorm");
  EXPECT_EQ(model.skills[1].name, "brainstorm");
  EXPECT_EQ(model.skills[1].origin, "slash command");
  // Relative path words in arguments become absolute.
  EXPECT_EQ(model.skills[1].args,
            "checkout flow, see /home/dev/shop/docs/plans/checkout-design.md");
  // TodoWrite verbatim, with 1.0.x ids and priorities.
  ASSERT_EQ(model.todos.size(), 3u);
  EXPECT_EQ(model.todo_source, "TodoWrite");
  EXPECT_EQ(model.todos[1].content, "Port the tax rules to src/pricing/tax.py");
  EXPECT_EQ(model.todos[1].status, "in_progress");
  EXPECT_EQ(model.todos[1].active_form, model.todos[1].content);  // 1.0.x had no activeForm
  EXPECT_EQ(model.todos[1].priority, "high");
  // Real user messages only: no meta expansion, no sidechain prompt, no summary.
  ASSERT_EQ(model.user_messages.size(), 4u);
  EXPECT_EQ(model.user_messages[0].text,
            "/brainstorm checkout flow, see docs/plans/checkout-design.md");
  EXPECT_EQ(model.user_messages[1].text, "/clear");
  EXPECT_TRUE(contains(model.user_messages[2].text, "[REDACTED GitHub token]"));
  EXPECT_FALSE(contains(model.user_messages[2].text, "ghp_"));
  EXPECT_TRUE(contains(model.user_messages[3].text, "Keep the public API"));
  EXPECT_TRUE(model.user_messages[0].command);
  EXPECT_FALSE(model.user_messages[2].command);
  // The goal is the first request: here the arguments of the skill command
  // typed first; the later messages are the goal stack, most recent on top.
  const auto text = generate::render(model);
  EXPECT_TRUE(contains(text,
                       "- **Ultimate Goal:** as first requested by the user (the arguments of "
                       "/brainstorm, session line 2): checkout flow, see"));
  EXPECT_TRUE(contains(text,
                       "- **Later Requests (goal stack, most recent on top):**\n  - session line "
                       "28: Keep the public API"));
  EXPECT_TRUE(contains(text, "\n  - session line 5: Rewrite the checkout."));
  ASSERT_TRUE(model.last_compact);
  EXPECT_TRUE(contains(model.last_compact->text, "half ported"));
  EXPECT_EQ(model.compaction_count, 1u);
}

TEST(GenerateExtract, OldTranscriptDocumentsFilesErrorsAndTests) {
  const auto world = checkout_world();
  const auto model = test::model_of(generate_fixtures / "v1-checkout.jsonl", world);
  // Planning documents: the impl plan exists, the design doc and old plan do not.
  std::vector<std::string> present;
  std::vector<std::string> gone;
  for (const auto& doc : model.planning_docs)
    (doc.exists ? present : gone).push_back(doc.path);
  EXPECT_EQ(present, std::vector<std::string>{"/home/dev/shop/docs/plans/checkout-impl.md"});
  std::sort(gone.begin(), gone.end());
  EXPECT_EQ(gone, (std::vector<std::string>{"/home/dev/shop/docs/old-plan.md",
                                            "/home/dev/shop/docs/plans/checkout-design.md"}));
  // Files: MultiEdit of a relative path and Edit of the same file by the main
  // agent; the inline sidechain's Write apart.
  ASSERT_EQ(model.files.size(), 2u);
  const auto& tax = model.files[0].actor == "main" ? model.files[0] : model.files[1];
  EXPECT_EQ(tax.path, "/home/dev/shop/src/pricing/tax.py");
  EXPECT_EQ(tax.operations.at("MultiEdit"), 1u);
  EXPECT_EQ(tax.operations.at("Edit"), 1u);
  EXPECT_TRUE(tax.state.exists);
  EXPECT_EQ(tax.state.lines, 88u);
  // Tool errors: the missing Read stays unresolved, the failing pytest is
  // resolved by the later passing run.
  ASSERT_EQ(model.errors.size(), 2u);
  EXPECT_EQ(model.errors[0].tool, "Read");
  EXPECT_TRUE(model.errors[0].resolution.empty());
  EXPECT_EQ(model.errors[1].tool, "Bash");
  EXPECT_EQ(model.errors[1].resolution, "the same command succeeded at line 25");
  ASSERT_EQ(model.test_runs.size(), 2u);
  EXPECT_TRUE(model.test_runs[0].failed);
  EXPECT_FALSE(model.test_runs[1].failed);
  // Subagent of 1.0.x: no agentId in the result.
  ASSERT_EQ(model.subagents.size(), 1u);
  EXPECT_EQ(model.subagents[0].type, "general-purpose");
  EXPECT_EQ(model.subagents[0].description, "Survey pricing");
  EXPECT_EQ(model.subagents[0].status, "completed");
  EXPECT_TRUE(model.subagents[0].id.empty());
  // One verification per open todo: the session ran tests, so its last test command.
  ASSERT_EQ(model.verifications.size(), 2u);
  EXPECT_EQ(model.verifications[0].todo_number, 2u);
  EXPECT_EQ(model.verifications[0].command, "pytest -q tests/pricing");
  EXPECT_EQ(model.verifications[1].todo_number, 3u);
  EXPECT_EQ(model.verifications[1].command, "pytest -q tests/pricing");
  EXPECT_EQ(model.verifications[1].basis,
            "last test command of the session (line 24, it passed then)");
  ASSERT_TRUE(model.git);
  EXPECT_EQ(model.git->branch, "checkout-rewrite");
}

// --- 2.1.x -------------------------------------------------------------------

TEST(GenerateExtract, NewTranscriptTaskSuiteAgentsAndSubagentTranscripts) {
  const auto world = api_world();
  const auto model =
      test::model_of(generate_fixtures / "66666666-6666-4666-8666-666666666666.jsonl", world);
  EXPECT_EQ(model.slug, "rate-limit");
  // The first Skill call failed ("Unknown skill"): it never became active.
  ASSERT_EQ(model.errors.size(), 1u);
  EXPECT_EQ(model.errors[0].tool, "Skill");
  ASSERT_EQ(model.skills.size(), 2u);
  EXPECT_EQ(model.skills[0].name, "spellbook:develop");
  EXPECT_EQ(model.skills[0].args,
            "--resume Phase2.Task1 --impl-plan /home/dev/api/docs/plans/rate-limit-impl.md");
  EXPECT_EQ(model.skills[1].name, "brainstorming");
  // TaskCreate/TaskUpdate: #1 completed, #2 in progress, #3 deleted, #4 pending.
  EXPECT_EQ(model.todo_source, "TaskCreate/TaskUpdate");
  ASSERT_EQ(model.todos.size(), 3u);
  EXPECT_EQ(model.todos[2].id, "4");
  EXPECT_EQ(model.todos[2].status, "pending");
  // No test ran: the files the tasks name verify them — the identifier in a
  // file that exists, the existence of one that does not yet.
  ASSERT_EQ(model.verifications.size(), 2u);
  EXPECT_EQ(model.verifications[0].command, "test -f /home/dev/api/src/server.ts");
  EXPECT_EQ(model.verifications[0].basis, "the task names this file; it does not exist yet");
  EXPECT_EQ(model.verifications[1].command,
            "grep -c -- rate_limit_config /home/dev/api/src/limit/bucket.ts");
  EXPECT_EQ(model.todos[0].id, "1");
  EXPECT_EQ(model.todos[0].status, "completed");
  EXPECT_EQ(model.todos[1].content, "Wire the middleware into src/server.ts");
  EXPECT_EQ(model.todos[1].status, "in_progress");
  EXPECT_EQ(model.todos[1].active_form, "Wiring the middleware");
  // Agents with their ids; the background one still running; the transcript found.
  ASSERT_EQ(model.subagents.size(), 2u);
  EXPECT_EQ(model.subagents[0].id, "a1b2c3");
  EXPECT_EQ(model.subagents[0].type, "Explore");
  EXPECT_EQ(model.subagents[0].status, "completed");
  EXPECT_EQ(model.subagents[0].transcript_records, 2u);
  EXPECT_EQ(model.subagents[1].id, "d4e5f6");
  EXPECT_EQ(model.subagents[1].status, "running");
  EXPECT_TRUE(model.subagents[1].background);
  // Files of the subagent transcript are attributed to it.
  const auto subagent_file =
      std::find_if(model.files.begin(), model.files.end(),
                   [](const auto& change) { return change.actor == "a1b2c3"; });
  ASSERT_NE(subagent_file, model.files.end());
  EXPECT_EQ(subagent_file->path, "/home/dev/api/notes/handlers.md");
  // The impl plan named only in the Skill arguments exists: it is read.
  ASSERT_EQ(model.reads().size(), 1u);
  EXPECT_EQ(model.reads()[0]->path, "/home/dev/api/docs/plans/rate-limit-impl.md");
  ASSERT_EQ(model.user_messages.size(), 2u);
  EXPECT_FALSE(model.git);
}

TEST(GenerateExtract, ProjectDirOverridesTheSessionCwd) {
  const auto world = api_world();
  const auto model = test::model_of(
      generate_fixtures / "66666666-6666-4666-8666-666666666666.jsonl", world, "/srv/api");
  EXPECT_EQ(model.project_dir, "/srv/api");
  EXPECT_FALSE(model.project_dir_from_session);
  EXPECT_EQ(model.skills[0].args,
            "--resume Phase2.Task1 --impl-plan /srv/api/docs/plans/rate-limit-impl.md");
}

// spellbook's name for a project directory: where /distill-session writes and
// where the SessionStart hook looks.
TEST(GenerateExtract, SpellbookProjectEncoding) {
  EXPECT_EQ(generate::spellbook_project_encoded("/home/dev/shop"), "home-dev-shop");
  EXPECT_EQ(generate::spellbook_project_encoded("/home/dev/shop/"), "home-dev-shop");
  EXPECT_EQ(generate::spellbook_project_encoded("//srv//x"), "srv--x");
  EXPECT_EQ(generate::spellbook_project_encoded("/"), "root");
  EXPECT_EQ(generate::spellbook_project_encoded(""), "root");
}

TEST(GenerateRender, NothingToRestoreUsesEveryMarker) {
  FakeWorld world;
  const auto model = test::model_of(generate_fixtures / "nothing.jsonl", world);
  const auto text = generate::render(model);
  EXPECT_TRUE(contains(text, "NO ACTIVE SKILL - proceed to 0.2"));
  EXPECT_TRUE(contains(text, "NO DOCUMENTS TO READ"));
  EXPECT_TRUE(contains(text, "NO TODOS TO RESTORE"));
  EXPECT_TRUE(contains(text, "NO PLANNING DOCUMENTS"));
  EXPECT_TRUE(contains(text, "NO DOCUMENTS TO RE-READ"));
  EXPECT_TRUE(contains(text, "No files changed"));
  EXPECT_TRUE(contains(text, "The session has no user message"));
  EXPECT_EQ(test::lint_all(text, world, true), std::vector<std::string>{});
}

TEST(GenerateRender, GoneDocumentsAreNeverReadTargets) {
  const auto world = checkout_world();
  const auto text =
      generate::render(test::model_of(generate_fixtures / "v1-checkout.jsonl", world));
  EXPECT_TRUE(contains(text, "Read(\"/home/dev/shop/docs/plans/checkout-impl.md\")"));
  EXPECT_FALSE(contains(text, "Read(\"/home/dev/shop/docs/old-plan.md\")"));
  EXPECT_TRUE(contains(text, "Gone (referenced in the session, no longer on disk"));
  EXPECT_TRUE(contains(text, "`/home/dev/shop/docs/old-plan.md`"));
}

TEST(GenerateRender, SecretsAreRedactedEverywhere) {
  const auto world = checkout_world();
  const auto text =
      generate::render(test::model_of(generate_fixtures / "v1-checkout.jsonl", world));
  EXPECT_TRUE(rules::safety::find_secrets(text).empty());
  EXPECT_TRUE(contains(text, "REDACTED GitHub token"));
}

TEST(GenerateRender, UserTextCannotBreakTheLayout) {
  const auto world = checkout_world();
  const auto text =
      generate::render(test::model_of(generate_fixtures / "v1-checkout.jsonl", world));
  // The fence and the "# not a heading" line of the last message are quoted text.
  EXPECT_TRUE(contains(text, "> \\`\\`\\`python"));
  EXPECT_TRUE(contains(text, "> \\# not a heading"));
}

TEST(GenerateQuote, LiteralsHideWhatRulesRead) {
  using generate::quote::literal;
  EXPECT_EQ(literal("plain"), "\"plain\"");
  EXPECT_EQ(literal("a \"q\" \\ b\nc"), "\"a \\\"q\\\" \\\\ b\\nc\"");
  EXPECT_EQ(literal("[x]"), "\"\\u005Bx\\u005D\"");
  EXPECT_EQ(literal("Bash(ls)"), "\"\\u0042ash(ls)\"");
  EXPECT_EQ(literal("then curl x"), "\"then \\u0063url x\"");
  EXPECT_EQ(literal("Continue the workflow"), "\"\\u0043ontinue the workflow\"");
  EXPECT_EQ(literal("NO TODOS"), "\"\\u004EO TODOS\"");
  EXPECT_EQ(literal("/path/to/x"), "\"\\u002Fpath/to/x\"");
  EXPECT_EQ(literal(std::string("nul\0!", 5)), "\"nul\xEF\xBF\xBD!\"");
}

TEST(GenerateQuote, ProseAndPaths) {
  using namespace generate::quote;
  EXPECT_EQ(inline_text("a `b` <c> [d] {e} | f"), "a \\`b\\` \\<c\\> \\[d\\] \\{e\\} \\| f");
  EXPECT_EQ(inline_text("# x", true), "\\# x");
  EXPECT_EQ(inline_text("1. x", true), "1\\. x");
  EXPECT_EQ(inline_text("1. x"), "1. x");
  EXPECT_EQ(inline_text("see /path/to/x"), "see /path\\/to/x");
  EXPECT_EQ(blockquote("a\n\n    b"), "> a\n>\n> &#32;&#32;&#32;&#32;b\n");
  EXPECT_EQ(safe_path("/path/to/Demo/x.md"), "/path//to/Demo/x.md");
  EXPECT_EQ(safe_path("/absolute/path/x"), "/absolute//path/x");
  EXPECT_TRUE(quotable_path("/home/dev/a b.md"));
  EXPECT_FALSE(quotable_path("/home/dev/[id]/x.md"));
  EXPECT_FALSE(quotable_path("relative.md"));
  EXPECT_EQ(shell_word("/a b/c"), "'/a b/c'");
  EXPECT_EQ(cell("\xE2\x80\xA6"), "\xE2\x80\xA6 (as written)");
}

// --- Goldens -----------------------------------------------------------------

struct GoldenCase {
  const char* name;
  const char* session;
  FakeWorld (*world)();
  bool section0_only;
};

void PrintTo(const GoldenCase& golden_case, std::ostream* out) {
  *out << golden_case.name;
}

FakeWorld no_world() {
  return FakeWorld{};
}

class GenerateGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GenerateGolden, MatchesAndLintsClean) {
  const auto& param = GetParam();
  const auto world = param.world();
  const auto model = test::model_of(generate_fixtures / param.session, world);
  const auto text =
      param.section0_only ? generate::render_section0(model) : generate::render(model);
  EXPECT_EQ(test::lint_all(text, world, true), std::vector<std::string>{});
  const auto golden = fs::path(BATON_SOURCE_DIR) / "tests" / "generate" / "golden" /
                      (std::string(param.name) + ".md");
  if (const char* update = std::getenv("BATON_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << text;
  }
  const auto expected = test::read_text(golden);
  EXPECT_TRUE(text == expected)
      << "golden " << golden << " differs (first difference at byte "
      << std::distance(
             text.begin(),
             std::mismatch(text.begin(), text.end(), expected.begin(), expected.end()).first)
      << "); BATON_UPDATE_GOLDEN=1 rewrites it";
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, GenerateGolden,
    ::testing::Values(GoldenCase{"v1-checkout", "v1-checkout.jsonl", &checkout_world, false},
                      GoldenCase{"v2-1-rate-limit", "66666666-6666-4666-8666-666666666666.jsonl",
                                 &api_world, false},
                      GoldenCase{"nothing", "nothing.jsonl", &no_world, false},
                      GoldenCase{"v1-checkout-section0", "v1-checkout.jsonl", &checkout_world,
                                 true}),
    [](const auto& p) {
      std::string name = p.param.name;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

}  // namespace

namespace {

// --- Skill arguments -----------------------------------------------------------

TEST(GenerateExtract, SkillArgumentPathsBecomeAbsoluteAndBareNamesStayWords) {
  test::TempDir temp;
  const nlohmann::json call = {
      {"type", "assistant"},
      {"cwd", "/proj"},
      {"sessionId", "s"},
      {"message",
       {{"role", "assistant"},
        {"content",
         {{{"type", "tool_use"},
           {"id", "t"},
           {"name", "Skill"},
           {"input",
            {{"skill", "develop"},
             {"args", "use Next.js with README.md --plan=docs/x-plan.md ~/n.md"}}}}}}}}};
  const auto file = temp.write("s.jsonl", call.dump() + "\n");
  FakeWorld world;
  world.files["/proj/README.md"] = 3;
  const auto model = test::model_of(file, world);
  ASSERT_EQ(model.skills.size(), 1u);
  EXPECT_EQ(model.skills[0].args,
            "use `Next.js` with /proj/README.md --plan=/proj/docs/x-plan.md /home/dev/n.md");
}

// --- 2.0.x -------------------------------------------------------------------

TEST(GenerateExtract, SiblingAgentTranscriptsOfTheSameSession) {
  FakeWorld world;
  const auto model = test::model_of(
      fs::path(BATON_SOURCE_DIR) /
          "fixtures/sessions/projects/v2-0/22222222-2222-4222-8222-222222222222.jsonl",
      world);
  ASSERT_FALSE(model.subagents.empty());
  const auto agent = std::find_if(model.subagents.begin(), model.subagents.end(),
                                  [](const auto& subagent) { return subagent.id == "a06151e"; });
  ASSERT_NE(agent, model.subagents.end());
  EXPECT_EQ(agent->status, "completed");
  // Its transcript is the sibling agent-a06151e.jsonl.
  ASSERT_TRUE(agent->transcript_records.has_value());
  EXPECT_GT(*agent->transcript_records, 0u);
  // agent-b99.jsonl beside it belongs to another session.
  const auto input = generate::load_session(
      fs::path(BATON_SOURCE_DIR) /
          "fixtures/sessions/projects/v2-0/22222222-2222-4222-8222-222222222222.jsonl",
      {});
  EXPECT_EQ(input.agents.count("a06151e"), 1u);
  EXPECT_EQ(input.agents.count("b99"), 0u);
  // Skill {command} of Claude Code <= 2.0.22.
  ASSERT_FALSE(model.skills.empty());
  EXPECT_EQ(model.skills.front().name, "debugging");
}

}  // namespace

// User records are read from their skimmed members (message content, flags,
// and toolUseResult only for an Agent's result), not parsed whole: what the
// model takes from them must be the same as from a full parse.
TEST(GenerateExtract, SkimmedUserRecordsKeepEscapesAndAgentResults) {
  baton::test::TempDir dir;
  const std::string lines[] = {
      R"({"type":"user","sessionId":"s1","cwd":"/home/dev/api","timestamp":"2026-01-01T00:00:00Z","message":{"role":"user","content":"Fix the \"limiter\"\tnow"}})",
      R"({"type":"assistant","sessionId":"s1","message":{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"make"}},{"type":"tool_use","id":"t2","name":"Task","input":{"description":"survey","prompt":"x","subagent_type":"Explore"}}]}})",
      R"({"type":"user","sessionId":"s1","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true,"content":"make: \"bad\" \ud83d\ude00 \u00e9\nstop"},{"type":"tool_result","tool_use_id":"t2","content":[{"type":"text","text":"surveyed"}]}]},"toolUseResult":{"agentId":"fa11ed","status":"completed","sizes":[1,2.5e3,true,null]}})",
  };
  std::string transcript;
  for (const auto& line : lines)
    transcript += line + "\n";
  const auto session = dir.write("-home-dev-api/s1.jsonl", transcript);
  const auto model = test::model_of(session, api_world());
  ASSERT_EQ(model.user_messages.size(), 1u);
  EXPECT_EQ(model.user_messages[0].text, "Fix the \"limiter\"\tnow");
  ASSERT_EQ(model.errors.size(), 1u);
  EXPECT_EQ(model.errors[0].tool, "Bash");
  EXPECT_NE(model.errors[0].error.find("make: \"bad\" \xF0\x9F\x98\x80 \xC3\xA9"),
            std::string::npos)
      << model.errors[0].error;
  ASSERT_EQ(model.subagents.size(), 1u);
  EXPECT_EQ(model.subagents[0].id, "fa11ed");  // from the record's toolUseResult
  EXPECT_EQ(model.subagents[0].status, "completed");
  EXPECT_EQ(model.subagents[0].result_excerpt, "surveyed");
}
