// The judgements behind the implementation-prompt rules: measurable exit
// criteria, type signatures, path tokens, test commands, and phase extraction.
#include <gtest/gtest.h>

#include "document/document.hpp"
#include "rules/implementation/support.hpp"

using namespace baton;
using rules::implementation::Evidence;
namespace impl = rules::implementation;

namespace {

doc::Document parse(std::string text) {
  return doc::build_document(source::SourceFile("prompt.md", std::move(text)));
}

TEST(Measurable, VaguePhrasesAreNot) {
  for (const char* vague :
       {"looks good", "done", "works", "is complete", "as expected", "Everything works as expected",
        "Phase 2 is complete",
        "landing renders; confirm counts, sort, search, filters work + test results", "all green",
        "tests written", "the e2e flow is fine", "see step 3", "as in §4", "issue #12 is fixed",
        "v2 ships", "and/or pass/fail", "the Next.js app renders", ""}) {
    EXPECT_EQ(impl::measurable_text(vague), Evidence::none) << vague;
  }
}

TEST(Measurable, EachKindOfEvidence) {
  EXPECT_EQ(impl::measurable_text("GET https://localhost:3000/health answers"), Evidence::url);
  EXPECT_EQ(impl::measurable_text("packages/registry/src/index.ts exists"), Evidence::path);
  EXPECT_EQ(impl::measurable_text("the README.md is updated"), Evidence::path);
  EXPECT_EQ(impl::measurable_text("files land in ./out"), Evidence::path);
  EXPECT_EQ(impl::measurable_text("fixtures/ holds the samples"), Evidence::path);
  EXPECT_EQ(impl::measurable_text("visit 5 real slugs"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("confirm ~6k entries"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("p95 under 200ms"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("returns HTTP 410"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("coverage \u2265 80%"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("zero lint warnings"), Evidence::number);
  EXPECT_EQ(impl::measurable_text("Build passes"), Evidence::check_outcome);
  EXPECT_EQ(impl::measurable_text("Unit tests green"), Evidence::check_outcome);
  EXPECT_EQ(impl::measurable_text("Curl checks match"), Evidence::check_outcome);
  EXPECT_EQ(impl::measurable_text("full Phase 0 walkthrough + green smoke test"),
            Evidence::check_outcome);
  EXPECT_EQ(impl::measurable_text("Definition of done passes"), Evidence::check_outcome);
}

TEST(Measurable, CodeInTheCriterionCounts) {
  const auto document = parse("- `pnpm build` looks fine\n- the `[command]` works\n");
  const auto items = document.list_items();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(impl::measurable(document, items[0].content), Evidence::code);
  EXPECT_EQ(impl::measurable(document, items[1].content), Evidence::none);
}

TEST(Measurable, CommentsDoNotCount) {
  const auto document = parse("looks good <!-- expect@+3: HP704 src/a.ts -->\n");
  EXPECT_EQ(impl::measurable(document, document.blocks().front().range), Evidence::none);
}

TEST(VisibleText, CommentsAnywhereAreBlankedInSourceOrder) {
  // visible_text relies on the document listing comments in source order.
  const auto document = parse(
      "# T <!-- a -->\n\n<!-- b -->\n\n| x <!-- c --> | y |\n|---|---|\n| 1 <!-- d --> | 2 |\n\n"
      "- item <!-- e --> text\n  - nested <!-- f -->\n\npara <!-- g --> end <!-- h -->\n");
  const auto comments = document.html_comments();
  ASSERT_EQ(comments.size(), 8u);
  for (std::size_t i = 1; i < comments.size(); ++i) {
    EXPECT_LE(comments[i - 1].range.end, comments[i].range.begin);
  }
  const auto whole =
      source::TextRange{0, static_cast<std::uint32_t>(document.source().text().size())};
  EXPECT_EQ(impl::visible_text(document, whole),
            "# T | x | y | |---|---| | 1 | 2 | - item text - nested para end");
  const auto& last = document.blocks().back();
  EXPECT_EQ(impl::visible_text(document, last.range), "para end");
}

TEST(Signature, DeclarationsInSeveralLanguages) {
  for (const char* line :
       {"export interface LotLookupRequest {", "type Overlay = z.infer<typeof S>",
        "listProtocols(): Protocol[]", "getProtocol(slug: string): Protocol | undefined",
        "pub fn lookup(code: &str) -> Result<Lot, Error>;",
        "def lookup(code: str) -> Lot:", "func (s *Store) Lookup(code string) (Lot, error)",
        "std::vector<Phase> find_phases(const Document& document);",
        "public static Lot lookup(String code);", "struct Phase {", "enum Status {",
        "CREATE TABLE lots (code TEXT)", "message LotRequest {"}) {
    EXPECT_TRUE(impl::is_signature_line(line)) << line;
  }
  // Test cases are not interfaces.
  for (const char* line : {"func TestLookup(t *testing.T) {", "func BenchmarkLookup(b *testing.B)",
                           "def test_lookup(client) -> None:", "async def test_sync():"}) {
    EXPECT_FALSE(impl::is_signature_line(line)) << line;
  }
  for (const char* line :
       {"pnpm test", "// interface Commented", "foo(bar);", "return make(x);", "const x = f(a);",
        "{ \"type\": \"object\" }", "console.log(x);", "", "type", "echo $(date): done"}) {
    EXPECT_FALSE(impl::is_signature_line(line)) << line;
  }
}

TEST(PathToken, FilesAndDirectoriesButNotProse) {
  for (const char* word : {"src/lots.ts", "/etc/hosts", "./run.sh", "../a/b", "~/notes.md",
                           "README.md", "data/overlays/", "src/lots/Lots.kt", "proto/lots.proto"}) {
    EXPECT_TRUE(impl::is_path_token(word)) << word;
  }
  for (const char* word : {"and/or", "pass/fail", "K/M/B", "Next.js", "https://x.io/a.ts", "e.g.",
                           "/", "src/lib/foo", "a/b.", "x/y.toolongext", ".gitignore", "~6k"}) {
    EXPECT_FALSE(impl::is_path_token(word)) << word;
  }
}

TEST(TestCommand, RunnersAndTestWords) {
  for (const char* line : {"pnpm test", "$ cargo test -p lots", "pytest -q",
                           "ctest --preset release", "npm run test:unit", "./scripts/run-tests.sh",
                           "make check", "pnpm exec playwright test smoke.spec.ts",
                           "4. Run: cd backend && pytest -v", "2) npm test", "Backend: pytest"}) {
    EXPECT_TRUE(impl::is_test_command(line)) << line;
  }
  for (const char* line :
       {"# pnpm test", "cat tests/README.md", "pnpm build", "", "-- test", "cargo check",
        "1. Build: pnpm build", "12345", "4. Tests as in test-spec.md", "Tests for the parser"}) {
    EXPECT_FALSE(impl::is_test_command(line)) << line;
  }
}

TEST(PhaseTitle, NumbersAndLetters) {
  for (const char* title : {"Phase 1", "Phase 1 — Repo skeleton", "Phase 2: API", "Phase 2.5",
                            "Phase 2a", "Phase B", "**Phase 3**", "phase 4 - docs",
                            "Milestone 3", "6. MILESTONE 1 — CONTROLLED STOREFRONT", "Stage 2: Rollout"}) {
    EXPECT_TRUE(impl::is_phase_title(title)) << title;
  }
  for (const char* title :
       {"Phases", "Phase overview", "Pre-flight (before Phase 1)", "Phase", "Phase 1b2",
        "Milestones", "Staged rollout", "Milestone 1 test gate", "Phase 2 — exit criteria",
        "6.Milestone 1"}) {
    EXPECT_FALSE(impl::is_phase_title(title)) << title;
  }
}

TEST(ExitLabel, AloneOrWithAQualifier) {
  for (const char* label : {"Exit criteria", "**Checkpoint**", "checkpoint 2", "Done when",
                            "Exit criteria (all must hold)", "Acceptance criteria for phase 3",
                            "Exit Criterion", "Exit conditions:", "Test gate", "**Gate:**",
                            "Quality gate (CI)"}) {
    EXPECT_TRUE(impl::is_exit_label(label)) << label;
  }
  for (const char* label : {"Checkpoint commits after each task", "Exit", "Tests", "Done",
                            "Checkpointing", "Deliverables", "Gated by", "Gateway routes"}) {
    EXPECT_FALSE(impl::is_exit_label(label)) << label;
  }
}

TEST(Phases, FromATableWithItsExitColumn) {
  const auto document = parse(
      "| Phase | Goal | Deliverables | Exit Criteria |\n|---|---|---|---|\n"
      "| 1 | Scaffold | configs | Build passes |\n| 2 | API | routes |  |\n");
  const auto plan = impl::find_phases(document);
  EXPECT_TRUE(plan.from_table);
  ASSERT_EQ(plan.phases.size(), 2u);
  EXPECT_EQ(plan.phases[0].name, "phase 1 (Scaffold)");
  ASSERT_EQ(plan.phases[0].criteria.size(), 1u);
  EXPECT_EQ(document.text(plan.phases[0].criteria[0]), "Build passes");
  EXPECT_TRUE(plan.phases[1].criteria.empty());
}

TEST(Phases, FromHeadingsWithLabelsAndSubheadings) {
  const auto document = parse(
      "## Phase 1 — A\n\n**Tests**: unit only.\n\n**Checkpoint**: `make` passes.\n\n"
      "## Phase 2 — B\n\n### Exit criteria\n\n- one\n- two\n  - nested detail\n\n"
      "## Phase 3 — C\n\nExit criteria:\n\n1. first\n2. second\n\n## Phase 4 — D\n\nNothing.\n");
  const auto plan = impl::find_phases(document);
  EXPECT_FALSE(plan.from_table);
  ASSERT_EQ(plan.phases.size(), 4u);
  ASSERT_EQ(plan.phases[0].criteria.size(), 1u);
  EXPECT_EQ(document.text(plan.phases[0].criteria[0]), "`make` passes.");
  ASSERT_EQ(plan.phases[1].criteria.size(), 2u);  // the nested item belongs to "two"
  EXPECT_EQ(document.text(plan.phases[1].criteria[0]), "one");
  ASSERT_EQ(plan.phases[2].criteria.size(), 2u);
  EXPECT_EQ(document.text(plan.phases[2].criteria[1]), "second");
  EXPECT_TRUE(plan.phases[3].criteria.empty());
  EXPECT_FALSE(plan.phases[3].empty_exit.has_value());
}

TEST(Phases, ACellThatSaysPhaseIsNotPrefixedTwice) {
  const auto document = parse("| Phase | Exit criteria |\n|---|---|\n| Phase 1 | `make` |\n");
  const auto plan = impl::find_phases(document);
  ASSERT_EQ(plan.phases.size(), 1u);
  EXPECT_EQ(plan.phases[0].name, "Phase 1");
}

TEST(Phases, ATableWinsOverHeadings) {
  const auto document = parse(
      "| Phase | Exit criteria |\n|---|---|\n| 1 | `make` |\n\n## Phase 1 — detail\n\nNo criteria "
      "here.\n");
  const auto plan = impl::find_phases(document);
  EXPECT_TRUE(plan.from_table);
  EXPECT_EQ(plan.phases.size(), 1u);
}

TEST(Labels, ColonInsideOrOutsideTheEmphasis) {
  const auto document = parse(
      "**Checkpoint**: a\n\n**Exit criteria:** b\n\nRisks: c\n\n**Rollback**\n\nplain text\n");
  std::vector<std::string> labels;
  for (const auto& block : document.blocks()) {
    if (auto label = impl::labelled_paragraph(document, block)) labels.emplace_back(label->label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"Checkpoint", "Exit criteria", "Risks", "Rollback"}));
}

TEST(Labels, DoneWhenWithOrWithoutAColon) {
  const auto document = parse(
      "Done when the build passes: `make`.\n\n**Done when**: `make test` passes\n\nDone "
      "whenever.\n");
  std::vector<std::string> rests;
  for (const auto& block : document.blocks()) {
    if (auto label = impl::labelled_paragraph(document, block)) {
      EXPECT_EQ(label->label, "Done when");
      rests.emplace_back(document.text(label->rest));
    }
  }
  EXPECT_EQ(rests, (std::vector<std::string>{"the build passes: `make`.", "`make test` passes"}));
}

}  // namespace
