// Real handoff-like files from ../shared/corpus/handoffs: neither is a
// spellbook boot prompt. Skips visibly when ../shared is absent.
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

// PRISM's look-alike has a "SECTION 0" but no spellbook parts: unknown, one warning.
TEST(CorpusHandoff, PrismLookalikeIsReportedOnceAsUnknownFormat) {
  const auto path = corpus / "prism-lookalike-section0.md";
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file not available: " << path;
  const auto document =
      doc::build_document(source::SourceFile(path.string(), baton::test::read_text(path)));
  const auto result = engine::lint(document, rules::registry(), {});
  EXPECT_EQ(result.profile, engine::Profile::unknown);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].rule->code, "HP001");
}

// grounded-research's HANDOFF.md is a free-form handoff with a resume
// section, fenced commands and no defect a reviewer would report: clean.
TEST(CorpusHandoff, GroundedResearchIsACleanGenericHandoff) {
  const auto path = corpus / "grounded-research-HANDOFF.md";
  if (!fs::exists(path)) GTEST_SKIP() << "corpus file not available: " << path;
  const auto document = doc::build_document(source::SourceFile("HANDOFF.md", baton::test::read_text(path)));
  const auto result = engine::lint(document, rules::registry(), {});
  EXPECT_EQ(result.profile, engine::Profile::generic_handoff);
  EXPECT_EQ(result.detected_by, engine::DetectedBy::name);
  for (const auto& diagnostic : result.diagnostics)
    ADD_FAILURE() << diagnostic.rule->code << ": " << diagnostic.message;
}

}  // namespace
