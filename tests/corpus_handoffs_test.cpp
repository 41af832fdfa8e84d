// Real handoff-like files from ../shared/corpus/handoffs: neither is a
// spellbook boot prompt, so each must get exactly one unknown-format warning
// and nothing else. Skips visibly when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "document/document.hpp"
#include "engine/lint.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

const fs::path corpus = fs::path(BATON_SOURCE_DIR) / ".." / "shared" / "corpus" / "handoffs";

class CorpusHandoff : public ::testing::TestWithParam<const char*> {};

TEST_P(CorpusHandoff, IsReportedOnceAsUnknownFormat) {
  const auto path = corpus / GetParam();
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file not available: " << path;
  const auto document =
      doc::build_document(source::SourceFile(path.string(), baton::test::read_text(path)));
  const auto result = engine::lint(document, rules::registry(), {});
  EXPECT_EQ(result.profile, engine::Profile::unknown);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule->code, "HP001");
}

INSTANTIATE_TEST_SUITE_P(Real, CorpusHandoff,
                         ::testing::Values("prism-lookalike-section0.md", "grounded-research-HANDOFF.md"),
                         [](const auto& p) {
                           std::string name = p.param;
                           for (auto& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
