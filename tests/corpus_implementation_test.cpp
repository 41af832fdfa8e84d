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
#include <initializer_list>
#include <string>
#include <string_view>
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

std::vector<std::pair<std::string, std::uint32_t>> findings_of(const std::string& text) {
  const auto document = doc::build_document(source::SourceFile(prompt.string(), text));
  // No profile forced: the file is recognised on its own.
  const auto result = engine::lint(document, rules::registry(), engine::LintOptions{});
  EXPECT_EQ(result.profile, engine::Profile::implementation_prompt);
  std::vector<std::pair<std::string, std::uint32_t>> found;
  for (const auto& diagnostic : result.diagnostics) {
    found.emplace_back(std::string(diagnostic.rule->code),
                       document.source().position_of(diagnostic.range.begin).line);
  }
  return found;
}

// A real task distillation with phases, exit criteria and a done definition
// comes out clean (verdicts in docs/implementation-prompts.md, "A real
// prompt"): its contracts are signatures in inline code under the package
// they belong in (line 42), `pnpm test` is written as code, Phase 4's "+ test
// results" means the tests the phase lists, the done definition states its
// conditions and every phase has a checkpoint, and the user reviews each
// phase ("wait for my go-ahead"), so no risks section is asked for. No
// HP708 either: "Phase 0 MVP", "the initial 5-phase build" is new work.
TEST(CorpusImplementationPrompt, DefipunkdComesOutClean) {
  if (!fs::exists(prompt)) GTEST_SKIP() << "corpus file not available: " << prompt;
  const auto text = baton::test::read_text(prompt);
  EXPECT_EQ(findings_of(text), (std::vector<std::pair<std::string, std::uint32_t>>{}));
}

// Each reason it is clean is load-bearing: take it away and the finding
// returns.
TEST(CorpusImplementationPrompt, DefipunkdWithoutItsGatesGetsTheirFindings) {
  if (!fs::exists(prompt)) GTEST_SKIP() << "corpus file not available: " << prompt;
  const auto text = baton::test::read_text(prompt);
  using Edit = std::pair<std::string_view, std::string_view>;  // cut, put in its place
  const auto edited = [&](std::initializer_list<Edit> edits) {
    auto changed = text;
    for (const auto& [cut, with] : edits) {
      const auto at = changed.find(cut);
      EXPECT_NE(at, std::string::npos) << cut;
      if (at != std::string::npos) changed.replace(at, cut.size(), with);
    }
    return findings_of(changed);
  };
  const auto without = [&](std::string_view cut) { return edited({{cut, ""}}); };
  using Found = std::vector<std::pair<std::string, std::uint32_t>>;
  EXPECT_EQ(without(", and wait for my go-ahead before starting the next"), (Found{{"HP707", 1}}));
  // The package the signatures belong in, and the snapshot path that the last
  // item's paragraph runs on into.
  EXPECT_EQ(edited({{"Create `packages/registry` exporting:", "Export:"},
                    {"reads `data/defillama-snapshot.json`", "reads the snapshot"}}),
            (Found{{"HP701", 42}}));
  // Phase 5 without its checkpoint: that is missing, and the done sentence
  // alone is no checklist.
  EXPECT_EQ(without("**Checkpoint**: full Phase 0 walkthrough against a Vercel preview URL + green "
                    "smoke test."),
            (Found{{"HP705", 1}, {"HP703", 134}}));
  EXPECT_EQ(edited({{"**Tests**:\n- **Unit**: `category-map.ts`", "- **Unit**: `category-map.ts`"}}),
            (Found{{"HP704", 131}}));
}

}  // namespace
