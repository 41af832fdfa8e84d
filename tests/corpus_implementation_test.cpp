// The real implementation prompt of ../shared/corpus/implementation-prompts,
// detected and linted as an implementation prompt: exactly the findings it
// deserves. Skips visibly when ../shared is absent.
//
// Why these: it has no fenced block at all, so no fenced contracts (its
// signatures are inline, first `type Protocol` on line 42) and no fenced test
// command (`pnpm test` only in prose, line 55); no Definition of Done
// checklist, no risks and no rollback section (line 1, the title). Its five
// `## Phase N — …` headings each have a **Checkpoint** paragraph; four are
// measurable (commands in backticks; "visit 5 real slugs"; "green smoke
// test"), Phase 4's "confirm counts, sort, search, filters work + test
// results" names no command, file, number or outcome (line 132).
#include <gtest/gtest.h>

#include <filesystem>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "engine/lint.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

const fs::path prompt = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" /
                        "implementation-prompts" / "defipunkd-implementation-prompt.md";

TEST(CorpusImplementationPrompt, DefipunkdGetsExactlyTheExpectedFindings) {
  if (!fs::exists(prompt)) GTEST_SKIP() << "corpus file not available: " << prompt;
  const auto document =
      doc::build_document(source::SourceFile(prompt.string(), baton::test::read_text(prompt)));
  // No profile forced: the file is recognised on its own.
  const auto result = engine::lint(document, rules::registry(), engine::LintOptions{});
  EXPECT_EQ(result.profile, engine::Profile::implementation_prompt);
  std::vector<std::pair<std::string, std::uint32_t>> found;
  for (const auto& diagnostic : result.diagnostics) {
    found.emplace_back(std::string(diagnostic.rule->code),
                       document.source().position_of(diagnostic.range.begin).line);
  }
  // No HP708: "Phase 0 MVP", "the initial 5-phase build" is new work, with
  // nothing to roll back.
  const std::vector<std::pair<std::string, std::uint32_t>> expected{
      {"HP705", 1}, {"HP707", 1}, {"HP701", 42}, {"HP706", 55}, {"HP704", 132}};
  // The done definition is one sentence of running text: the message names it.
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule->code == "HP705") {
      EXPECT_NE(diagnostic.message.find("the closest is line 7"), std::string::npos)
          << diagnostic.message;
    }
  }
  EXPECT_EQ(found, expected);
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.rule->code == "HP704") {
      EXPECT_NE(diagnostic.message.find("Phase 4 — Landing page"), std::string::npos)
          << diagnostic.message;
    }
  }
}

}  // namespace
