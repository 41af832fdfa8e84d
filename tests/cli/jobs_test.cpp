// `check --jobs N`: files are linted in parallel, and nothing a user sees
// depends on N — not the output, not its order, not the exit code, not what
// --fix writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/parallel.hpp"
#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;
using baton::test::read_text;
using baton::test::TempDir;

namespace {

// Every markdown fixture of the repository (rule fixtures, documents,
// examples: clean and broken ones), copied below `distilled/` so that a
// directory walk picks each of them. Returns how many were copied.
std::size_t copy_fixtures(const fs::path& to) {
  std::size_t copied = 0;
  const fs::path fixtures = fs::path(BATON_SOURCE_DIR) / "fixtures";
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    const auto target = to / "distilled" / fs::relative(entry.path(), fixtures);
    fs::create_directories(target.parent_path());
    fs::copy_file(entry.path(), target);
    ++copied;
  }
  return copied;
}

std::vector<std::string> file_contents(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file())
      files.emplace_back(fs::relative(entry.path(), root).string(), read_text(entry.path()));
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> flat;
  for (auto& [name, text] : files) flat.push_back(name + "\n" + text);
  return flat;
}

}  // namespace

TEST(Jobs, OutputIsTheSameWhateverTheNumberOfJobs) {
  TempDir dir;
  ASSERT_GT(copy_fixtures(dir.path()), 50u);
  const auto root = dir / "distilled";
  for (const std::string format : {"text", "json", "concise", "sarif", "junit"}) {
    const auto sequential = baton::test::run_cli({"check", "--no-color", "--format", format, "--jobs", "1", root});
    const auto parallel = baton::test::run_cli({"check", "--no-color", "--format", format, "--jobs", "4", root});
    const auto by_default = baton::test::run_cli({"check", "--no-color", "--format", format, root});
    EXPECT_EQ(sequential.code, 1) << format;
    EXPECT_FALSE(sequential.out.empty()) << format;
    EXPECT_EQ(parallel.code, sequential.code) << format;
    EXPECT_EQ(parallel.out, sequential.out) << format;
    EXPECT_EQ(parallel.err, sequential.err) << format;
    EXPECT_EQ(by_default.code, sequential.code) << format;
    EXPECT_EQ(by_default.out, sequential.out) << format;
    EXPECT_EQ(by_default.err, sequential.err) << format;
  }
}

TEST(Jobs, ReadErrorsAndExitCodesAreTheSame) {
  TempDir dir;
  copy_fixtures(dir.path());
  const auto clean = std::string(BATON_SOURCE_DIR) + "/fixtures/examples/clean-handoff.md";
  // /proc/self/mem exists but cannot be read from offset 0 (EIO, even for
  // root): exit 2, after the other files are reported.
  std::vector<std::string> one = {"check", "--no-color", "--jobs", "1", clean, "/proc/self/mem",
                                  dir / "distilled/examples/broken-handoff.md"};
  std::vector<std::string> four = one;
  four[3] = "4";
  const auto sequential = baton::test::run_cli(one);
  const auto parallel = baton::test::run_cli(four);
  EXPECT_EQ(sequential.code, 2);
  EXPECT_EQ(parallel.code, sequential.code);
  EXPECT_EQ(parallel.out, sequential.out);
  EXPECT_EQ(parallel.err, sequential.err);
  EXPECT_NE(sequential.err.find("cannot read"), std::string::npos) << sequential.err;
}

TEST(Jobs, FixesAreTheSameWhateverTheNumberOfJobs) {
  TempDir one;
  TempDir four;
  copy_fixtures(one.path());
  copy_fixtures(four.path());
  const auto diff_one = baton::test::run_cli({"check", "--diff", "--jobs", "1", one / "distilled"});
  const auto diff_four = baton::test::run_cli({"check", "--diff", "--jobs", "4", four / "distilled"});
  EXPECT_EQ(diff_one.code, 1);
  EXPECT_FALSE(diff_one.out.empty());
  // The paths differ by the temporary directory only.
  auto strip = [](std::string text, const std::string& prefix) {
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
      text.erase(at, prefix.size());
    return text;
  };
  EXPECT_EQ(strip(diff_four.out, four.path().string()), strip(diff_one.out, one.path().string()));

  const auto fixed_one = baton::test::run_cli({"check", "--no-color", "--fix", "--jobs", "1", one / "distilled"});
  const auto fixed_four = baton::test::run_cli({"check", "--no-color", "--fix", "--jobs", "4", four / "distilled"});
  EXPECT_EQ(fixed_four.code, fixed_one.code);
  EXPECT_NE(fixed_one.err.find("baton: fixed"), std::string::npos) << fixed_one.err;
  EXPECT_EQ(strip(fixed_four.err, four.path().string()), strip(fixed_one.err, one.path().string()));
  EXPECT_EQ(strip(fixed_four.out, four.path().string()), strip(fixed_one.out, one.path().string()));
  EXPECT_EQ(file_contents(four.path()), file_contents(one.path()));
}

TEST(Jobs, InvalidCountsAreUsageErrors) {
  const auto clean = std::string(BATON_SOURCE_DIR) + "/fixtures/examples/clean-handoff.md";
  EXPECT_EQ(baton::test::run_cli({"check", "--jobs", "0", clean}).code, 2);
  EXPECT_EQ(baton::test::run_cli({"check", "--jobs", "many", clean}).code, 2);
  EXPECT_EQ(baton::test::run_cli({"check", "--jobs", "2", clean}).code, 0);
}

TEST(Jobs, EveryIndexIsVisitedOnce) {
  for (unsigned jobs : {1U, 2U, 7U}) {
    std::vector<int> visits(1000, 0);
    cli::for_each_index(visits.size(), jobs, [&](std::size_t i) { ++visits[i]; });
    EXPECT_EQ(std::count(visits.begin(), visits.end(), 1), 1000) << jobs;
  }
  cli::for_each_index(0, 4, [](std::size_t) { FAIL() << "no task"; });
  EXPECT_GE(cli::available_cores(), 1U);
}
