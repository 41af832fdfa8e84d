// The generator's contract: for every session — the fixtures, the real
// transcripts of ../shared/corpus/sessions and a few hundred random ones —
// `generate` then `check` (full registry, with and without --check-fs)
// gives zero diagnostics, the output holds no secret, and Section 0 alone
// fits its budget and lints clean too.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "generate_support.hpp"
#include "rules/safety/secrets.hpp"
#include "session/jsonl_reader.hpp"

namespace fs = std::filesystem;
using namespace baton;
using baton::test::FakeWorld;
using json = nlohmann::ordered_json;

namespace {

// Files exist when their name says so ("keep"), plus a few fixed ones.
class RuleWorld : public FakeWorld {
 public:
  generate::FileState file_state(const std::string& path) const override {
    const auto normal = test::normal_path(path);
    if (normal.find("keep") != std::string::npos)
      return {true, normal.size()};
    return FakeWorld::file_state(path);
  }
};

void expect_clean(const generate::Model& model, const generate::World& world,
                  const std::string& what) {
  const auto text = generate::render(model);
  EXPECT_EQ(test::lint_all(text, world, false), std::vector<std::string>{}) << what << "\n" << text;
  EXPECT_EQ(test::lint_all(text, world, true), std::vector<std::string>{}) << what << " (check-fs)";
  EXPECT_TRUE(rules::safety::find_secrets(text).empty()) << what;
  const auto section0 = generate::render_section0(model);
  EXPECT_LE(generate::code_points(section0), generate::section0_budget) << what;
  EXPECT_EQ(test::lint_all(section0, world, true), std::vector<std::string>{})
      << what << " (Section 0)\n"
      << section0;
}

std::vector<fs::path> jsonl_under(const fs::path& directory) {
  std::vector<fs::path> files;
  if (!fs::is_directory(directory))
    return files;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(GenerateProperty, EveryFixtureSessionLintsClean) {
  const auto files = jsonl_under(fs::path(BATON_SOURCE_DIR) / "fixtures" / "sessions");
  ASSERT_GE(files.size(), 8u);
  RuleWorld world;
  world.git = generate::GitState{"main", {" M a.txt"}};
  std::size_t generated = 0;
  for (const auto& file : files) {
    generate::SessionInput input;
    try {
      input = generate::load_session(file, {});
    } catch (const session::SessionError& error) {
      EXPECT_EQ(file.filename(), "stream-json.jsonl") << error.what();  // the one non-transcript
      continue;
    }
    expect_clean(generate::extract(input, world), world, file.string());
    ++generated;
  }
  EXPECT_GE(generated, files.size() - 1);
}

TEST(GenerateProperty, EveryCorpusSessionLintsClean) {
  const auto corpus = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions";
  const auto files = jsonl_under(corpus);
  if (files.empty())
    GTEST_SKIP() << "corpus not available: " << corpus;
  RuleWorld world;
  for (const auto& file : files) {
    expect_clean(generate::extract(generate::load_session(file, {}), world), world, file.string());
  }
}

// --- What a careful distiller would write, on the real transcripts ----------

std::vector<fs::path> corpus_files() {
  return jsonl_under(fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions");
}

// The non-blank lines of section `number` ("1.6"), up to the next heading.
std::vector<std::string> section_lines(const std::string& text, const std::string& number) {
  std::vector<std::string> lines;
  bool inside = false;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos)
      end = text.size();
    const auto line = text.substr(at, end - at);
    at = end + 1;
    if (line.starts_with("#")) {
      inside = line.find(" " + number + " ") != std::string::npos &&
               line.find_first_not_of('#') == line.find(' ');
      continue;
    }
    if (inside && !line.empty())
      lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines)
    out += line + "\n";
  return out;
}

TEST(GenerateCorpus, EveryHandoffFitsOneReadCall) {
  const auto files = corpus_files();
  if (files.empty())
    GTEST_SKIP() << "corpus not available under ../shared/corpus/sessions";
  RuleWorld world;
  for (const auto& file : files) {
    const auto text = generate::render(test::model_of(file, world));
    EXPECT_LE(generate::line_count(text), generate::read_call_lines) << file;
    EXPECT_LE(text.size(), generate::read_call_bytes) << file;
    EXPECT_TRUE(generate::fits(text, {})) << file;
  }
}

// The goal is the first request: a skill command's arguments when it came
// first, the first typed message otherwise, the prompt of a subagent's own
// transcript; never a later message.
TEST(GenerateCorpus, TheUltimateGoalIsTheFirstRequest) {
  const auto files = corpus_files();
  if (files.empty())
    GTEST_SKIP() << "corpus not available under ../shared/corpus/sessions";
  const std::map<std::string, std::string> first_requests = {
      {"fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl",
       "(the arguments of /orchestrator, session line 2): create TODO app by Next.js"},
      {"5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl",
       "(the arguments of /orchestrator, session "
       "line 1): @CLAUDE.md を最新の状態にアップデートしてください"},
      {"1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl", "(session line 1): /init"},
      {"agent-test-hash-123.jsonl", "(session line 1): Run the test suite"},
  };
  RuleWorld world;
  std::size_t known = 0;
  for (const auto& file : files) {
    const auto text = generate::render(test::model_of(file, world));
    const auto goal = section_lines(text, "1.2");
    ASSERT_FALSE(goal.empty()) << file;
    EXPECT_TRUE(goal.front().starts_with("- **Ultimate Goal:** as first requested by the user"))
        << file << ": " << goal.front();
    const auto expected = first_requests.find(file.filename().string());
    if (expected == first_requests.end())
      continue;
    ++known;
    EXPECT_NE(goal.front().find(expected->second), std::string::npos)
        << file << ": " << goal.front();
  }
  EXPECT_EQ(known, first_requests.size()) << "a corpus transcript this test knows is missing";
}

TEST(GenerateCorpus, LaterRequestsAreTheGoalStackWithTheirLines) {
  const auto file = corpus_files().empty()
                        ? fs::path()
                        : fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions" /
                              "fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl";
  if (file.empty() || !fs::exists(file))
    GTEST_SKIP() << "corpus transcript fe5e1c67 not available";
  RuleWorld world;
  const auto goal = joined(section_lines(generate::render(test::model_of(file, world)), "1.2"));
  EXPECT_NE(goal.find("- **Later Requests (goal stack, most recent on top):**\n  - session line "
                      "434: Thanks! Please update CLAUDE.md for current changes\n"),
            std::string::npos)
      << goal;
}

// Claude Code's guards ("File has not been read yet", EISDIR) refuse a call
// before it runs; the agent corrects itself, so such an error is never left
// for the next session to look into.
TEST(GenerateCorpus, NoSelfCorrectionIsUnresolved) {
  const auto files = corpus_files();
  if (files.empty())
    GTEST_SKIP() << "corpus not available under ../shared/corpus/sessions";
  RuleWorld world;
  for (const auto& file : files) {
    const auto model = test::model_of(file, world);
    const auto text = generate::render(model);
    for (const auto& line : section_lines(text, "1.6")) {
      if (line.starts_with("|") && (line.find("not been read yet") != std::string::npos ||
                                    line.find("EISDIR") != std::string::npos))
        ADD_FAILURE() << file << ": a self-correction is listed in 1.6: " << line;
    }
    const auto partial = joined(section_lines(text, "1.17"));
    std::size_t unresolved_lines = 0;
    for (auto at = partial.find("**Unresolved:**"); at != std::string::npos;
         at = partial.find("**Unresolved:**", at + 1))
      ++unresolved_lines;
    EXPECT_EQ(unresolved_lines, model.unresolved_errors()) << file << "\n" << partial;
    for (const auto& error : model.errors) {
      if (error.self_correction)
        continue;
      EXPECT_EQ(error.error.find("not been read yet"), std::string::npos) << file;
    }
    const auto implicit = joined(section_lines(text, "1.8"));
    if (model.unresolved_errors() == 0) {
      EXPECT_NE(implicit.find("no tool error is left unresolved"), std::string::npos) << file;
    }
  }
}

// fe5e1c67 failed 23 calls: 14 guard refusals, and shell commands the agent
// got past in the same directory. Before, 18 were "unresolved".
TEST(GenerateCorpus, ErrorsAreResolvedByLaterSuccessesOnTheSameTarget) {
  const auto file = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions" /
                    "fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl";
  if (!fs::exists(file))
    GTEST_SKIP() << "corpus transcript fe5e1c67 not available";
  RuleWorld world;
  const auto model = test::model_of(file, world);
  ASSERT_EQ(model.errors.size(), 23u);
  const auto corrections = std::count_if(model.errors.begin(), model.errors.end(),
                                         [](const auto& e) { return e.self_correction; });
  EXPECT_EQ(corrections, 14);
  EXPECT_EQ(model.unresolved_errors(), 0u);
  const auto errors = joined(section_lines(generate::render(model), "1.6"));
  EXPECT_NE(
      errors.find("**Self-corrections:** 14 calls were refused by Claude Code before running"),
      std::string::npos)
      << errors;
  EXPECT_NE(errors.find("a later command in the same directory succeeded at line 160"),
            std::string::npos)
      << errors;
}

// 1.0.x sidechains carry no agent id: each Task call is tied to its
// sidechain by its prompt and named by the sidechain's lines, and the files
// a sidechain wrote are its agent's.
TEST(GenerateCorpus, InlineSidechainsAreTiedToTheirTaskCalls) {
  const auto file = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions" /
                    "fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl";
  if (!fs::exists(file))
    GTEST_SKIP() << "corpus transcript fe5e1c67 not available";
  RuleWorld world;
  const auto model = test::model_of(file, world);
  ASSERT_EQ(model.subagents.size(), 5u);
  // Task calls at lines 13-15; the third one's sidechain ran first (16-36).
  EXPECT_EQ(model.subagents[2].description, "Build TODO components");
  EXPECT_EQ(model.subagents[2].sidechain_first_line, 16u);
  EXPECT_EQ(model.subagents[2].sidechain_last_line, 36u);
  EXPECT_EQ(model.subagents[0].sidechain_first_line, 38u);
  for (const auto& agent : model.subagents)
    EXPECT_NE(agent.sidechain_first_line, 0u) << agent.description;
  const auto text = generate::render(model);
  EXPECT_EQ(text.find("| not reported |"), std::string::npos);
  EXPECT_NE(text.find("By the inline sidechain of session lines 16 to 36 (Build TODO components):"),
            std::string::npos);
}

// A budget smaller than the default still gives a handoff that passes
// `baton check` and says where the entries it left out are.
TEST(GenerateCorpus, ASmallBudgetKeepsTheHandoffValid) {
  const auto file = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions" /
                    "fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl";
  if (!fs::exists(file))
    GTEST_SKIP() << "corpus transcript fe5e1c67 not available";
  RuleWorld world;
  const auto model = test::model_of(file, world);
  const generate::Budget budget{450, 24000};
  const auto text = generate::render(model, budget);
  EXPECT_TRUE(generate::fits(text, budget))
      << generate::line_count(text) << " lines, " << text.size() << " bytes";
  EXPECT_EQ(test::lint_all(text, world, true), std::vector<std::string>{}) << text;
  EXPECT_NE(text.find("left out to keep this handoff readable in one Read call"),
            std::string::npos);
  EXPECT_NE(text.find("baton sessions all"), std::string::npos);
  // The goal survives any cut.
  EXPECT_NE(text.find("create TODO app by Next.js"), std::string::npos);
  // Unlimited is what it was.
  EXPECT_EQ(generate::render(model, {0, 0}), generate::render(model));
}

// The largest real transcript of the corpus 60 times over (46 MB, 300
// subagents, 1,600 changed files): unbudgeted its handoff is 17,000 lines;
// budgeted it fits one Read call and still passes the full registry.
TEST(GenerateCorpus, AHugeSessionFitsOneReadCall) {
  const auto file = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "sessions" /
                    "fe5e1c67-53e7-4862-81ae-d0e013e3270b.jsonl";
  if (!fs::exists(file))
    GTEST_SKIP() << "corpus transcript fe5e1c67 not available";
  const auto once = test::read_text(file);
  std::string many;
  for (int copy = 0; copy < 60; ++copy)
    many += once;
  test::TempDir temp;
  const auto huge = temp.write("huge.jsonl", many);
  RuleWorld world;
  const auto model = test::model_of(huge, world);
  ASSERT_GE(model.files.size(), 1000u);
  EXPECT_GT(generate::line_count(generate::render(model, {0, 0})), 10000u);
  const auto text = generate::render(model);
  EXPECT_TRUE(generate::fits(text, {}))
      << generate::line_count(text) << " lines, " << text.size() << " bytes";
  EXPECT_EQ(test::lint_all(text, world, true), std::vector<std::string>{});
  EXPECT_NE(text.find("as first requested by the user (the arguments of /orchestrator, session "
                      "line 2): create TODO app by Next.js"),
            std::string::npos);
}

// --- Random sessions ---------------------------------------------------------

class SessionBuilder {
 public:
  explicit SessionBuilder(std::uint32_t seed) : random_(seed) {}

  std::string build() {
    cwd_ = pick(cwds_);
    const auto records = 5 + below(60);
    for (std::size_t i = 0; i < records; ++i)
      step();
    std::string text;
    for (const auto& record : lines_)
      text += record.dump() + "\n";
    return text;
  }

 private:
  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  std::string text() {
    std::string out;
    const auto parts = 1 + below(4);
    for (std::size_t i = 0; i < parts; ++i) {
      if (i)
        out += pick(separators_);
      out += chance(20) ? secret() : pick(fragments_);
    }
    return out;
  }

  std::string token(std::size_t n) {
    static const std::string alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
      out += alphabet[below(alphabet.size())];
    return out;
  }

  std::string secret() {
    switch (below(7)) {
      case 0:
        return "ghp_" + token(36);
      case 1:
        return "sk-ant-api03-" + token(40);
      case 2:
        return "AKIA" + std::string("ABCDEFGHIJKLMNOP").substr(0, 16);
      case 3:
        return "postgres://admin:" + token(12) + "@db.internal/x";
      case 4:
        return "-----BEGIN RSA PRIVATE KEY-----\n" + token(64) + "\n-----END RSA PRIVATE KEY-----";
      case 5:
        return "xoxb-" + token(10) + "-" + token(12);
      default:
        return "AIza" + token(35);
    }
  }

  std::string path() {
    auto p = pick(paths_);
    if (p.front() != '/' && p.front() != '~' && chance(50))
      p = cwd_ + "/" + p;
    return p;
  }

  json envelope(const std::string& type) {
    json record = {{"parentUuid", nullptr},
                   {"isSidechain", chance(5)},
                   {"userType", "external"},
                   {"cwd", cwd_},
                   {"sessionId", "99999999-9999-4999-8999-999999999999"},
                   {"version", pick(versions_)},
                   {"uuid", "u" + std::to_string(lines_.size())},
                   {"timestamp", "2026-03-01T10:00:00.000Z"},
                   {"type", type}};
    if (chance(30))
      record["slug"] = chance(80) ? "random-session" : text();
    return record;
  }

  void user(json content, bool meta = false) {
    auto record = envelope("user");
    record["message"] = {{"role", "user"}, {"content", std::move(content)}};
    if (meta)
      record["isMeta"] = true;
    lines_.push_back(std::move(record));
  }

  void tool(const std::string& name, json input, bool error, json result_extra = json::object()) {
    const auto id = "toolu_" + std::to_string(lines_.size());
    auto call = envelope("assistant");
    call["message"] = {
        {"role", "assistant"},
        {"content",
         json::array({{{"type", "tool_use"}, {"id", id}, {"name", name}, {"input", input}}})}};
    lines_.push_back(std::move(call));
    if (chance(10))
      return;  // no result (yet)
    json block = {{"tool_use_id", id},
                  {"type", "tool_result"},
                  {"content", error ? text() : std::string("ok #") + std::to_string(below(9))}};
    if (error)
      block["is_error"] = true;
    auto result = envelope("user");
    result["message"] = {{"role", "user"}, {"content", json::array({block})}};
    if (!result_extra.empty())
      result["toolUseResult"] = std::move(result_extra);
    lines_.push_back(std::move(result));
  }

  json todos() {
    json list = json::array();
    const auto n = below(6);
    for (std::size_t i = 0; i < n; ++i) {
      json todo = {{"content", chance(10) ? std::string() : text()}, {"status", pick(statuses_)}};
      if (chance(70))
        todo["activeForm"] = text();
      if (chance(30))
        todo["priority"] = "high";
      if (chance(30))
        todo["id"] = std::to_string(i);
      list.push_back(std::move(todo));
    }
    return list;
  }

  void step() {
    switch (below(16)) {
      case 0:
      case 1:
        user(text());
        break;
      case 2:
        user(json::array({{{"type", "text"}, {"text", text()}}}));
        break;
      case 3:
        user("<command-name>/" + pick(commands_) + "</command-name>\n<command-args>" + text() +
             "</command-args>");
        break;
      case 4: {
        json input;
        switch (below(3)) {
          case 0:
            input = {{"command", pick(skills_)}};
            break;
          case 1:
            input = {{"skill", pick(skills_)}};
            break;
          default:
            input = {{"skill", pick(skills_)}, {"args", text() + " --plan " + path()}};
            break;
        }
        tool("Skill", input, chance(10));
        break;
      }
      case 5:
        tool("TodoWrite", {{"todos", todos()}}, false);
        break;
      case 6:
        tool("TaskCreate", {{"subject", text()}, {"description", text()}}, false);
        break;
      case 7:
        tool("TaskUpdate", {{"taskId", std::to_string(1 + below(4))}, {"status", pick(statuses_)}},
             false);
        break;
      case 8:
        tool(chance(50) ? "Task" : "Agent",
             {{"description", text()},
              {"prompt", text()},
              {"subagent_type", pick(skills_)},
              {"run_in_background", chance(30)}},
             chance(15),
             {{"agentId", token(7)}, {"status", chance(50) ? "completed" : "async_launched"}});
        break;
      case 9:
        tool("Read", {{"file_path", path()}}, chance(30));
        break;
      case 10:
        tool(chance(50) ? "Write" : "Edit", {{"file_path", path()}, {"content", text()}},
             chance(20));
        break;
      case 11:
        tool("Bash", {{"command", pick(commands_run_)}}, chance(40));
        break;
      case 12: {
        auto boundary = envelope("system");
        boundary["subtype"] = "compact_boundary";
        boundary["content"] = "Conversation compacted";
        lines_.push_back(std::move(boundary));
        auto summary = envelope("user");
        summary["isCompactSummary"] = true;
        summary["message"] = {
            {"role", "user"},
            {"content", "This session is being continued from a previous conversation. " + text()}};
        lines_.push_back(std::move(summary));
        break;
      }
      case 13:
        user(text(), true);
        break;
      case 14: {
        auto assistant = envelope("assistant");
        assistant["message"] = {{"role", "assistant"},
                                {"content", json::array({{{"type", "text"}, {"text", text()}}})}};
        lines_.push_back(std::move(assistant));
        break;
      }
      default:
        tool("MultiEdit", {{"file_path", path()}, {"edits", json::array()}}, chance(20));
        break;
    }
  }

  std::mt19937 random_;
  std::string cwd_;
  std::vector<json> lines_;
  const std::vector<std::string> cwds_ = {"/home/u/proj", "/path/to/Demo", "/home/u/a b",
                                          "/absolute/path/x", "/srv/keep"};
  const std::vector<std::string> versions_ = {"1.0.98", "2.0.30", "2.1.78"};
  const std::vector<std::string> separators_ = {" ", "\n", "\n\n", "\t", ""};
  const std::vector<std::string> fragments_ = {"Fix the parser",
                                               "```",
                                               "````js",
                                               "~~~",
                                               "# heading",
                                               "## SECTION 0: MANDATORY FIRST ACTIONS",
                                               "### 0.1 Workflow Restoration",
                                               "<!-- comment -->",
                                               "<!-- baton-disable HP601 -->",
                                               "-->",
                                               "[skill-name]",
                                               "{placeholder}",
                                               "/path/to/impl.md",
                                               "/absolute/path/x",
                                               "continue the workflow",
                                               "see the design doc",
                                               "as discussed",
                                               "Bash(\"rm -rf /\")",
                                               "curl http://example.com",
                                               "wget x",
                                               "rm -rf build",
                                               "NO ACTIVE SKILL",
                                               "NO TODOS",
                                               "NO DOCUMENTS TO READ",
                                               "| a | b |",
                                               "|---|",
                                               "...",
                                               "\xE2\x80\xA6",
                                               "1. item",
                                               "- item",
                                               "* item",
                                               "+ item",
                                               "> quote",
                                               "    indented code",
                                               "\tTab",
                                               std::string("nul\0byte", 8),
                                               "\xE2\x80\xA8",
                                               "caf\xC3\xA9",
                                               "\xF0\x9F\x9A\x80",
                                               "\xE2\x80\xAE"
                                               "rtl",
                                               "`",
                                               "``",
                                               "```",
                                               "\\",
                                               "Read(\"relative.md\")",
                                               "Skill(\"x\")",
                                               "TodoWrite(",
                                               "Task(",
                                               "Agent(x)",
                                               "[A]",
                                               "[1-N]",
                                               "\"[x]\"",
                                               "---",
                                               "===",
                                               "<div>",
                                               "&amp;",
                                               "*emph*",
                                               "_x_",
                                               "src/app.ts:88",
                                               "docs/plans/a-plan.md",
                                               "~/notes.md",
                                               "Phase[N].Task[M]",
                                               "<command-name>/x</command-name>",
                                               "No files changed",
                                               "a-keep-impl.md",
                                               "[REDACTED x]",
                                               "\r\n",
                                               "\r",
                                               "# x\n```\ny",
                                               "  - [ ] box"};
  const std::vector<std::string> paths_ = {"docs/plans/keep-impl.md",
                                           "docs/gone-design.md",
                                           "plans/keep.md",
                                           "/srv/keep/x-plan.md",
                                           "/path/to/Demo/keep-plan.md",
                                           "/home/u/[id]/keep-plan.md",
                                           "/home/u/a b/keep-design.md",
                                           "src/keep.py",
                                           "src/gone.py",
                                           "~/keep/notes-plan.md",
                                           "../keep/up-impl.md",
                                           "/tmp/`tick`-keep-plan.md",
                                           "/absolute/path/keep-impl.md",
                                           "/home/u/proj/keep|pipe-plan.md",
                                           "/home/u/proj/#keep-plan.md"};
  const std::vector<std::string> skills_ = {
      "develop", "spellbook:develop", "brainstorming", "x y", "[skill]", "Bash(", "\"quoted\"", ""};
  const std::vector<std::string> commands_ = {"clear",   "develop",  "brainstorm",
                                              "compact", "my-skill", ""};
  const std::vector<std::string> commands_run_ = {"pytest -q",
                                                  "npm test",
                                                  "cargo test -p x",
                                                  "ls",
                                                  "pytest tests/test_x.py::test[A]",
                                                  "make check | tee log",
                                                  "[ -f x ] && pytest",
                                                  "ctest --preset release -j2",
                                                  "go test ./...\nset -e"};
  const std::vector<std::string> statuses_ = {"pending", "in_progress", "completed",
                                              "blocked", "deleted",     ""};
};

TEST(GenerateProperty, RandomSessionsLintClean) {
  test::TempDir temp;
  RuleWorld world;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    if (seed % 3 == 0)
      world.git = generate::GitState{"feature/x", {"?? /path/to/x", " M [A].md", "?? `t`"}};
    else
      world.git.reset();
    const auto file = temp.write(fmt::format("s{}.jsonl", seed), SessionBuilder(seed).build());
    const auto model = generate::extract(generate::load_session(file, {}), world);
    expect_clean(model, world, fmt::format("seed {}", seed));
    if (HasFailure())
      break;  // one seed's report is enough to debug
  }
}

}  // namespace
