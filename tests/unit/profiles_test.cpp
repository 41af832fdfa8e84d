// Profiles: detection (marker, file name, content), profiles defined as data
// in `.baton.json` (parsing, validation, settings, extends) and linting
// under them.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/config_resolver.hpp"
#include "engine/lint.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

using baton::test::read_text;

doc::Document build(std::string text, std::string path = "notes.md") {
  return doc::build_document(source::SourceFile(std::move(path), std::move(text)));
}

engine::Profile detect(const std::string& text, const std::string& path = "notes.md") {
  return engine::detect_profile(build(text, path));
}

const fs::path source_dir(BATON_SOURCE_DIR);
const fs::path shared_corpus = source_dir / ".." / "shared" / "corpus";

std::variant<engine::Config, engine::ConfigError> parse(std::string_view text) {
  return engine::parse_config(text, "t.json", rules::registry());
}

engine::Config parse_ok(std::string_view text) {
  auto parsed = parse(text);
  if (auto* error = std::get_if<engine::ConfigError>(&parsed))
    ADD_FAILURE() << error->message;
  return std::holds_alternative<engine::Config>(parsed) ? std::get<engine::Config>(parsed)
                                                        : engine::Config{};
}

std::string parse_error(std::string_view text) {
  auto parsed = parse(text);
  if (auto* error = std::get_if<engine::ConfigError>(&parsed))
    return error->message;
  return "(parsed without error)";
}

const std::string team_config =
    read_text(source_dir / "fixtures" / "profiles" / "team-handoff.baton.json");

// --- detection -------------------------------------------------------------

TEST(Detection, ByFileName) {
  const std::string notes = "# Notes\n\nNothing to see.\n";
  EXPECT_EQ(detect(notes, "docs/auth-implementation-prompt.md"),
            engine::Profile::implementation_prompt);
  EXPECT_EQ(detect(notes, "IMPLEMENTATION_PROMPT.md"), engine::Profile::implementation_prompt);
  EXPECT_EQ(detect(notes, "x/Implementation-Prompt-v2.MD"), engine::Profile::implementation_prompt);
  EXPECT_EQ(detect(notes, "implementation-prompt/notes.md"), engine::Profile::unknown)
      << "a directory name is not the file name";
  EXPECT_EQ(detect(notes, "implementation-prompt.txt"), engine::Profile::unknown);
  EXPECT_EQ(detect(notes, "README.md"), engine::Profile::unknown);
}

TEST(Detection, MarkerWinsOverFileNameAndContent) {
  EXPECT_EQ(
      detect("<!-- baton-profile spellbook-develop -->\n# Notes\n", "IMPLEMENTATION_PROMPT.md"),
      engine::Profile::spellbook_develop);
  EXPECT_EQ(detect("<!-- baton-profile implementation-prompt -->\n# Handoff: x\n\n## Resume "
                   "At\n\nPhase 2\n"),
            engine::Profile::implementation_prompt);
  // An unknown name is ignored: detection goes on.
  EXPECT_EQ(detect("<!-- baton-profile nope -->\n# Handoff: x\n\n## Resume At\n\nPhase 2\n"),
            engine::Profile::spellbook_develop);
}

TEST(Detection, DevelopHandoffByTitleAndSections) {
  EXPECT_EQ(detect("# Handoff: parser-rewrite\n\n## Resume At\n\n- Phase: 4.5\n"),
            engine::Profile::spellbook_develop);
  EXPECT_EQ(detect("# handoff: parser-rewrite\n\n## Next Dispatch\n\nReview.\n"),
            engine::Profile::spellbook_develop);
  EXPECT_EQ(detect("# Handoff: parser-rewrite\n\nJust notes.\n"), engine::Profile::generic_handoff)
      << "the title alone makes no develop handoff, but a free-form one";
  EXPECT_EQ(detect("# Notes\n\n## Resume At\n\nPhase 2\n"), engine::Profile::unknown)
      << "nor a section alone";
  EXPECT_EQ(detect("# grounded-research Handoff\n\n## Pending Work\n\nP1\n"),
            engine::Profile::generic_handoff);
  // A spellbook boot prompt with a "Handoff:" title stays one.
  EXPECT_EQ(detect("# Handoff: fixture\n\n## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 "
                   "Workflow Restoration\n\n"
                   "NO ACTIVE SKILL\n\n## Resume At\n\nx\n"),
            engine::Profile::spellbook_handoff);
}

TEST(Detection, ImplementationPromptByContent) {
  EXPECT_EQ(detect("# Implementation Prompt: billing export\n\nBuild it.\n"),
            engine::Profile::implementation_prompt);
  EXPECT_EQ(detect("# Plan\n\n| Phase | Goal | Deliverables | Exit Criteria |\n|---|---|---|---|\n"
                   "| 1 | Parser | src/parser.rs | `cargo test` passes |\n"),
            engine::Profile::implementation_prompt);
  EXPECT_EQ(
      detect("# Build\n\n## Phase 1 — Skeleton\n\nDo it.\n\n**Checkpoint**: `make test` passes.\n\n"
             "## Phase 2: CLI\n\nDo more.\n"),
      engine::Profile::implementation_prompt);
  EXPECT_EQ(detect("# Roadmap\n\n## Phase 1\n\nIdeas.\n\n## Phase 2\n\nMore ideas.\n"),
            engine::Profile::unknown)
      << "phases without any exit criteria are a roadmap";
  EXPECT_EQ(
      detect("# Project\n\n## Install\n\nRun make.\n\n## Checkpoint files\n\nSaved hourly.\n"),
      engine::Profile::unknown)
      << "a README that mentions checkpoints";
  EXPECT_EQ(detect("# Plan\n\n| Phase | Owner |\n|---|---|\n| 1 | me |\n"),
            engine::Profile::unknown);
}

TEST(Detection, SharedCorpus) {
  const auto prompt =
      shared_corpus / "implementation-prompts" / "defipunkd-implementation-prompt.md";
  if (!fs::exists(prompt))
    GTEST_SKIP() << "corpus not available: " << prompt;
  // Detected by content too, not only by its name.
  EXPECT_EQ(detect(read_text(prompt), "prompt.md"), engine::Profile::implementation_prompt);
  EXPECT_EQ(detect(read_text(prompt), prompt.string()), engine::Profile::implementation_prompt);
  // PRISM's "SECTION 0" with "ACTION n" headings is no handoff of a known
  // shape; grounded-research's "# grounded-research Handoff" is a free-form one.
  const auto handoffs = shared_corpus / "handoffs";
  EXPECT_EQ(detect(read_text(handoffs / "prism-lookalike-section0.md"), "x.md"), engine::Profile::unknown);
  EXPECT_EQ(detect(read_text(handoffs / "grounded-research-HANDOFF.md"), "x.md"),
            engine::Profile::generic_handoff);
}

// The fixtures written before spellbook-develop and implementation-prompt
// existed keep the profile they had: spellbook-handoff or unknown.
TEST(Detection, EarlierFixturesKeepTheirProfile) {
  std::size_t checked = 0;
  for (const auto* dir : {"rules", "documents", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / "fixtures" / dir)) {
      const auto path = entry.path();
      if (path.extension() != ".md")
        continue;
      const auto relative = fs::relative(path, source_dir / "fixtures").generic_string();
      // Limit fixtures are checked by the limit rules alone, whatever their profile.
      if (relative.starts_with("rules/HP8") || relative.starts_with("rules/HP009") ||
          relative == "documents/develop-handoff.md")
        continue;
      const auto profile = detect(read_text(path), path.string());
      // The implementation-prompt fixtures declare their profile; everything
      // else predates the new profiles and must not drift into one.
      if (relative.starts_with("rules/HP7") || relative.starts_with("documents/implementation")) {
        EXPECT_EQ(profile, engine::Profile::implementation_prompt) << relative;
      } else if (relative.starts_with("rules/HP012")) {
        EXPECT_EQ(profile, engine::Profile::format_template) << relative;
      } else if (relative.starts_with("rules/HP013") || relative.starts_with("rules/HP205") ||
                 relative.starts_with("rules/HP206") || relative.starts_with("rules/HP407") ||
                 relative.starts_with("rules/HP408") ||
                 (relative.starts_with("documents/generic/") && !relative.ends_with("unknown-notes-with-secret.md"))) {
        // The free-form handoff fixtures, written for generic-handoff.
        EXPECT_EQ(profile, engine::Profile::generic_handoff) << relative;
      } else {
        EXPECT_TRUE(profile == engine::Profile::spellbook_handoff ||
                    profile == engine::Profile::unknown)
            << relative << " is now " << engine::to_string(profile);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(Detection, UserDefinedProfileByMarkerAndTitle) {
  const auto config = parse_ok(team_config);
  ASSERT_EQ(config.profile_definitions.size(), 1u);
  const std::vector<engine::ProfileSpecPtr> definitions{
      config.profile_definitions.at("team-handoff")};
  const auto by_title =
      engine::detect_profile(build("# Team handoff: lexer\n\n## Goal\n\nx\n"), definitions);
  EXPECT_EQ(by_title.profile, engine::Profile::custom);
  ASSERT_TRUE(by_title.spec);
  EXPECT_EQ(by_title.spec->name, "team-handoff");
  const auto by_marker =
      engine::detect_profile(build("<!-- baton-profile team-handoff -->\n# Notes\n"), definitions);
  EXPECT_EQ(by_marker.spec, definitions[0]);
  EXPECT_EQ(engine::detect_profile(build("<!-- baton-profile team-handoff -->\n# Notes\n")),
            engine::Profile::unknown)
      << "without the definition the name means nothing";
  const auto other = engine::detect_profile(build("# Other: lexer\n\n## Goal\n\nx\n"), definitions);
  EXPECT_EQ(other.profile, engine::Profile::unknown);
}

TEST(Detection, HugeHeadingsMatchNoPattern) {
  // A greedy user pattern against a megabyte heading must neither crash nor match.
  const auto pattern = std::get<engine::HeadingPattern>(engine::compile_heading_pattern("^(a|b)*c?$"));
  EXPECT_TRUE(pattern.matches("abab"));
  EXPECT_FALSE(pattern.matches(std::string(1 << 20, 'a')));
  const auto document = build("# Handoff: " + std::string(1 << 20, 'x') + "\n\n## Resume At\n\nx\n");
  EXPECT_EQ(engine::detect_profile(document), engine::Profile::generic_handoff)
      << "no develop handoff: the title is too long for its pattern";
}

// --- profile definitions in .baton.json ------------------------------------

TEST(ProfileDefinitions, ParsesEveryKey) {
  const auto config = parse_ok(team_config);
  const auto& spec = *config.profile_definitions.at("team-handoff");
  EXPECT_EQ(spec.name, "team-handoff");
  EXPECT_EQ(spec.description, "Our handoff between pairing sessions");
  EXPECT_EQ(spec.file_globs, std::vector<std::string>{"handoffs/**/*.md"});
  ASSERT_TRUE(spec.title);
  EXPECT_TRUE(spec.title->matches("TEAM HANDOFF: lexer")) << "patterns are case-insensitive";
  EXPECT_TRUE(spec.ordered);
  ASSERT_EQ(spec.sections.size(), 5u);
  EXPECT_EQ(spec.sections[0].name, "Goal");
  EXPECT_EQ(spec.sections[0].level, 2);
  EXPECT_TRUE(spec.sections[0].heading.matches(" goal ")) << "the default pattern is the name";
  EXPECT_FALSE(spec.sections[0].heading.matches("Goals"));
  EXPECT_FALSE(spec.sections[2].required);
  EXPECT_EQ(spec.sections[2].empty_markers, std::vector<std::string>{"None"});
  EXPECT_TRUE(spec.sections[3].absolute_paths);
  EXPECT_TRUE(spec.sections[4].heading.matches("Next action"));
  EXPECT_EQ(spec.sections[4].calls, (std::vector<std::string>{"Skill", "Task"}));
  EXPECT_FALSE(spec.sections[4].level == std::nullopt);
}

TEST(ProfileDefinitions, InvalidDefinitionsNameWhere) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"profile_definitions": []})", "profile_definitions must be an object"},
      {R"({"profile_definitions": {"Team": {"sections": [{"name": "A"}]}}})",
       "profile_definitions.Team: \"Team\" cannot name a profile"},
      {R"({"profile_definitions": {"spellbook-develop": {"sections": [{"name": "A"}]}}})",
       "cannot name a profile"},
      {R"({"profile_definitions": {"custom": {"sections": [{"name": "A"}]}}})",
       "cannot name a profile"},
      {R"({"profile_definitions": {"t": {}}})", "profile_definitions.t needs \"sections\""},
      {R"({"profile_definitions": {"t": {"sections": []}}})",
       "profile_definitions.t.sections must be a non-empty array"},
      {R"({"profile_definitions": {"t": {"section": [], "sections": [{"name": "A"}]}}})",
       "profile_definitions.t: unknown key \"section\""},
      {R"({"profile_definitions": {"t": {"title": "(", "sections": [{"name": "A"}]}}})",
       "profile_definitions.t.title: not a valid regular expression"},
      {R"({"profile_definitions": {"t": {"title": 3, "sections": [{"name": "A"}]}}})",
       "profile_definitions.t.title must be a string"},
      {R"({"profile_definitions": {"t": {"ordered": "yes", "sections": [{"name": "A"}]}}})",
       "profile_definitions.t.ordered must be true or false"},
      {R"({"profile_definitions": {"t": {"files": [1], "sections": [{"name": "A"}]}}})",
       "profile_definitions.t.files must contain only strings"},
      {R"({"profile_definitions": {"t": {"sections": [{"heading": "A"}]}}})",
       "profile_definitions.t.sections[0] needs \"name\""},
      {R"({"profile_definitions": {"t": {"sections": [{"name": ""}]}}})",
       "sections[0].name must be a non-empty string"},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A", "heading": "[a-"}]}}})",
       "profile_definitions.t.sections[0].heading: not a valid regular expression"},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A", "level": 7}]}}})",
       "sections[0].level must be a heading level from 1 to 6"},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A", "required": 1}]}}})",
       "sections[0].required must be true or false"},
      {R"j({"profile_definitions": {"t": {"sections": [{"name": "A", "calls": ["Read()"]}]}}})j",
       "\"Read()\" is not a call name"},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A", "empty_markers": [" "]}]}}})",
       "must not contain blank markers"},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A", "absolute": true}]}}})",
       "profile_definitions.t.sections[0]: unknown key \"absolute\""},
      {R"({"profile_definitions": {"t": {"sections": [{"name": "A"}, {"name": "A"}]}}})",
       "sections[1].name: the section \"A\" is defined twice"},
      {R"({"profiles": {"team": ["*.md"]}})", "profiles: unknown profile \"team\""},
      {R"({"overrides": [{"files": ["x"], "profile": "team"}]})",
       "overrides[0].profile: unknown profile \"team\""},
      {R"({"overrides": [{"files": ["x"], "profile": "Not A Name"}]})",
       "unknown profile \"Not A Name\""},
  };
  for (const auto& [text, reason] : cases) {
    const auto message = parse_error(text);
    EXPECT_NE(message.find(reason), std::string::npos) << text << "\n" << message;
    EXPECT_TRUE(message.starts_with("t.json: ")) << message;
  }
}

TEST(ProfileDefinitions, SettingsPickTheDefinedProfile) {
  auto config = parse_ok(R"({
    "profile_definitions": {
      "team-handoff": {"files": ["handoffs/**/*.md"], "sections": [{"name": "Goal"}]},
      "spike-notes": {"sections": [{"name": "Question"}]}
    },
    "profiles": {"spike-notes": ["spikes/*.md"], "spellbook-handoff": ["handoffs/distilled/*.md"]},
    "overrides": [{"files": ["handoffs/legacy/**"], "profile": "spike-notes"}]
  })");
  const auto team = engine::settings_for(config, "handoffs/2026/a.md");
  EXPECT_EQ(team.profile, engine::Profile::custom);
  ASSERT_TRUE(team.profile_spec);
  EXPECT_EQ(team.profile_spec->name, "team-handoff");
  EXPECT_EQ(team.profile_definitions.size(), 2u);
  EXPECT_EQ(engine::settings_for(config, "spikes/x.md").profile_spec->name, "spike-notes");
  const auto builtin = engine::settings_for(config, "handoffs/distilled/b.md");
  EXPECT_EQ(builtin.profile, engine::Profile::spellbook_handoff)
      << "profiles globs win over a definition's files";
  EXPECT_EQ(builtin.profile_spec, nullptr);
  EXPECT_EQ(engine::settings_for(config, "handoffs/legacy/c.md").profile_spec->name, "spike-notes")
      << "overrides win last";
  const auto plain = engine::settings_for(config, "README.md");
  EXPECT_FALSE(plain.profile.has_value());
  EXPECT_EQ(plain.profile_definitions.size(), 2u) << "still known for markers and titles";
}

TEST(ProfileDefinitions, ExtendsSharesDefinitions) {
  std::map<fs::path, std::string> files = {
      {"/p/base.json", team_config},
      {"/p/.baton.json",
       R"({"extends": "base.json", "profiles": {"team-handoff": ["notes/*.md"]}})"},
      {"/q/base.json", R"({"rules": {}})"},
      {"/q/.baton.json",
       R"({"extends": "base.json", "overrides": [{"files": ["*"], "profile": "team-handoff"}]})"},
  };
  engine::ConfigFiles io;
  io.read = [&](const fs::path& path, std::string& error) -> std::optional<std::string> {
    if (auto it = files.find(path); it != files.end())
      return it->second;
    error = "missing";
    return std::nullopt;
  };
  io.is_file = [&](const fs::path& path) { return files.contains(path); };
  engine::ConfigResolver resolver(std::nullopt, rules::registry(), io);
  const auto* resolved = resolver.for_file("/p/notes/a.md");
  ASSERT_NE(resolved, nullptr);
  const auto settings = engine::ConfigResolver::settings(*resolved, "/p/notes/a.md");
  ASSERT_TRUE(settings.profile_spec);
  EXPECT_EQ(settings.profile_spec->name, "team-handoff");
  try {
    resolver.for_file("/q/a.md");
    ADD_FAILURE() << "an undefined profile must be an error";
  } catch (const engine::ConfigFailure& failure) {
    EXPECT_NE(std::string(failure.what())
                  .find("/q/.baton.json: overrides[0].profile: unknown profile \"team-handoff\""),
              std::string::npos)
        << failure.what();
  }
}

// --- linting under profiles defined as data --------------------------------

std::vector<std::string> codes(const engine::LintResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics)
    out.emplace_back(d.rule->code);
  return out;
}

TEST(ProfileLint, DevelopHandoffUsesTheBuiltInSpec) {
  const auto document =
      build(read_text(source_dir / "fixtures" / "documents" / "develop-handoff.md"));
  const auto result = engine::lint(document, rules::registry(), {});
  EXPECT_EQ(result.profile, engine::Profile::spellbook_develop);
  ASSERT_TRUE(result.spec);
  EXPECT_EQ(result.profile_name(), "spellbook-develop");
  EXPECT_TRUE(result.diagnostics.empty()) << codes(result).front();
}

TEST(ProfileLint, CustomProfileFromOptions) {
  const auto config = parse_ok(team_config);
  engine::LintOptions options;
  options.profile = engine::Profile::custom;
  options.profile_spec = config.profile_definitions.at("team-handoff");
  const auto result =
      engine::lint(build("# Anything\n\n## Goal\n\nShip it.\n"), rules::registry(), options);
  EXPECT_EQ(result.profile, engine::Profile::custom);
  EXPECT_EQ(result.profile_name(), "team-handoff");
  // State, Files and Next Step are missing; Risks is optional.
  EXPECT_EQ(codes(result), (std::vector<std::string>{"HP801", "HP801", "HP801"}));
  for (const auto& d : result.diagnostics)
    EXPECT_NE(d.message.find("team-handoff"), std::string::npos);
  // A custom profile without its spec is nothing baton can check.
  options.profile_spec = nullptr;
  EXPECT_EQ(engine::lint(build("# A\n"), rules::registry(), options).profile,
            engine::Profile::unknown);
}

TEST(ProfileLint, SpecRulesDoNotRunOnOtherProfiles) {
  engine::LintOptions options;
  options.profile = engine::Profile::spellbook_handoff;
  const auto result =
      engine::lint(build("# Handoff: x\n\n## Resume At\n\n"), rules::registry(), options);
  for (const auto& d : result.diagnostics)
    EXPECT_FALSE(d.rule->code.starts_with("HP8")) << d.message;
}

}  // namespace
