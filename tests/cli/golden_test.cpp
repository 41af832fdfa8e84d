// Exact renderings of the shipped examples, in every format, through the real
// CLI entry point. BATON_UPDATE_GOLDEN=1 rewrites the golden files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/cli.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

using baton::test::read_text;

struct GoldenCase {
  std::string name;  // golden file name
  std::vector<std::string> args;
  int exit_code;
};

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, OutputMatches) {
  const auto& c = GetParam();
  // Paths are relative to the repository, as a user in its root would type them.
  const auto previous = fs::current_path();
  fs::current_path(BATON_SOURCE_DIR);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const int code = baton::cli::run(c.args, in, out, err, {});
  fs::current_path(previous);

  // The version changes with every release; the golden files should not.
  // SARIF's own "version": "2.1.0" stays.
  const std::regex version(R"re("(version|semanticVersion)": "(?!2\.1\.0")[^"]*")re");
  const auto output = std::regex_replace(out.str(), version, R"("$1": "VERSION")");
  const fs::path golden = fs::path(BATON_SOURCE_DIR) / "tests" / "cli" / "golden" / c.name;
  if (std::getenv("BATON_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << output;
  EXPECT_EQ(code, c.exit_code) << err.str();
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(output, read_text(golden))
      << "golden file " << golden << " differs; rerun with BATON_UPDATE_GOLDEN=1 after checking";
}

const std::string clean = "fixtures/examples/clean-handoff.md";
const std::string broken = "fixtures/examples/broken-handoff.md";

INSTANTIATE_TEST_SUITE_P(
    Examples, Golden,
    ::testing::Values(GoldenCase{"clean.text", {"check", clean}, 0},
                      GoldenCase{"broken.text", {"check", broken}, 1},
                      GoldenCase{"broken.concise", {"check", "--format", "concise", broken}, 1},
                      GoldenCase{"broken.json", {"check", "--format", "json", broken}, 1},
                      GoldenCase{"broken.sarif", {"check", "--format", "sarif", broken}, 1},
                      GoldenCase{"broken.github", {"check", "--format", "github", broken}, 1},
                      GoldenCase{"broken.gitlab", {"check", "--format", "gitlab", broken}, 1},
                      GoldenCase{"broken.junit", {"check", "--format", "junit", broken}, 1},
                      GoldenCase{"both.concise", {"check", "--format", "concise", clean, broken}, 1},
                      GoldenCase{"explain-HP102.text", {"explain", "HP102"}, 0},
                      GoldenCase{"check-help.text", {"check", "--help"}, 0},
                      GoldenCase{"rules.text", {"rules"}, 0}),
    [](const auto& p) {
      std::string name = p.param.name;
      for (auto& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

}  // namespace
