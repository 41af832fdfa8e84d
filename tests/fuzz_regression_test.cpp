// Replays every input under fixtures/fuzz/TARGET/ (inputs that once crashed,
// hung or leaked in a fuzz target) and the fixtures the fuzzer starts from,
// through the same code as the libFuzzer targets in fuzz/. Under
// `make test-sanitize` a regression is an ASan/UBSan report.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using baton::test::read_text;

namespace {

using Target = std::function<int(const std::uint8_t*, std::size_t)>;

struct TargetCase {
  std::string name;
  Target run;
  std::string seed_dir;   // under the source tree: the target's seeds, replayed too
  std::string extension;  // of the seed files
  friend void PrintTo(const TargetCase& target, std::ostream* out) { *out << target.name; }
};

std::vector<TargetCase> targets() {
  return {{"document", baton::fuzz::document, "fixtures", ".md"},
          {"call_grammar", baton::fuzz::call_grammar, "fixtures", ".md"},
          {"session_reader", baton::fuzz::session_reader, "fixtures/sessions", ".jsonl"},
          {"lsp", baton::fuzz::lsp, "fixtures/lsp", ".lsp"},
          {"config", baton::fuzz::config, "fuzz/seeds/config", ".json"}};
}

std::vector<fs::path> files_under(const fs::path& root, const std::string& extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

int replay(const Target& target, const std::string& bytes) {
  return target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

class FuzzRegression : public ::testing::TestWithParam<TargetCase> {};

TEST_P(FuzzRegression, CrashInputsStayFixed) {
  const auto& target = GetParam();
  const auto dir = fs::path(BATON_SOURCE_DIR) / "fixtures" / "fuzz" / target.name;
  const auto inputs = files_under(dir, "");
  if (inputs.empty()) GTEST_SKIP() << "no regression inputs in " << dir << " (none found yet)";
  for (const auto& input : inputs) {
    SCOPED_TRACE(input.string());
    EXPECT_EQ(replay(target.run, read_text(input)), 0);
  }
}

TEST_P(FuzzRegression, SeedFixturesAndEdgeCasesRun) {
  const auto& target = GetParam();
  const auto fixtures = files_under(fs::path(BATON_SOURCE_DIR) / target.seed_dir, target.extension);
  ASSERT_FALSE(fixtures.empty()) << "no " << target.extension << " files in " << target.seed_dir;
  for (const auto& input : fixtures) {
    SCOPED_TRACE(input.string());
    EXPECT_EQ(replay(target.run, read_text(input)), 0);
  }
  // The inputs every fuzz run tries first.
  for (const std::string& bytes : {std::string(), std::string(1, '\0'), std::string("\xEF\xBB\xBF"),
                                  std::string("\xFF\xFE\x80"), std::string(4096, '['),
                                  std::string(4096, '{'), std::string(4096, '>')}) {
    EXPECT_EQ(replay(target.run, bytes), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(targets()),
                         [](const auto& p) { return p.param.name; });

}  // namespace
