// The pre-commit hook's `files:` pattern (.pre-commit-hooks.yaml) against real-looking paths,
// and against the names `baton check DIR` picks when it walks a directory.
//
// pre-commit applies the pattern with Python's re.search to repository-relative paths with
// forward slashes; the pattern avoids Python-only syntax, so std::regex (ECMAScript) with
// regex_search means the same thing here.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"
#include "support/test_support.hpp"

namespace {

using baton::test::read_text;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos)
    return {};
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

// Every value of a `key:` line in the manifest, unquoted (single-quoted YAML scalars keep
// backslashes literally; the manifest uses no '' escapes).
std::vector<std::string> manifest_values(const std::string& key) {
  std::vector<std::string> values;
  std::istringstream lines(read_text(std::string(BATON_SOURCE_DIR) + "/.pre-commit-hooks.yaml"));
  const std::string prefix = key + ":";
  for (std::string line; std::getline(lines, line);) {
    auto text = trim(line);
    if (text.rfind("- ", 0) == 0)
      text = trim(std::string_view(text).substr(2));
    if (text.rfind(prefix, 0) != 0)
      continue;
    auto value = trim(std::string_view(text).substr(prefix.size()));
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    values.push_back(value);
  }
  return values;
}

std::string files_pattern() {
  const auto values = manifest_values("files");
  EXPECT_EQ(values.size(), 1u) << "expected exactly one files: line";
  return values.empty() ? std::string() : values.front();
}

bool hook_matches(const std::regex& pattern, const std::string& path) {
  return std::regex_search(path, pattern);
}

// What the directory walk decides for the file at `path` (relative to the walked root):
// the name's globs, and whether a directory on the way is named "distilled".
bool walk_matches(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(path);
  while (std::getline(in, part, '/'))
    parts.push_back(part);
  bool under_distilled = false;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string lower = parts[i];
    for (auto& c : lower)
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    under_distilled = under_distilled || lower == "distilled";
  }
  return baton::cli::matches_default_globs(parts.empty() ? path : parts.back(), under_distilled);
}

const std::vector<std::string> matching_paths = {
    "HANDOFF.md",
    ".claude/HANDOFF.md",
    "docs/SESSION_HANDOFF.md",
    "session-handoff.md",
    "handoff.md",
    "Handoff.MD",
    "notes/2026-01-06-handoff-parser.md",
    "docs/handoff/handoff-v2.md",
    "distilled/x/y.md",
    "distilled/a.md",
    "~/.local/spellbook/distilled/Users-me-proj/webhook-delivery-20260106-143022.md",
    ".local/spellbook/distilled/Users-me-proj/webhook-delivery-20260106-143022.md",
    "archive/Distilled/2026/01/notes.md",
    "IMPLEMENTATION_PROMPT.md",
    "docs/IMPLEMENTATION_PROMPT.md",
    "implementation-prompt.md",
    "plans/parser-implementation-prompt.md",
    "plans/Parser-Implementation-Prompt-v2.md",
    "handoff.md.md",
    "a/b/c/d/e/f/g/handoffnotes.md",
};

const std::vector<std::string> other_paths = {
    "README.md",
    "docs/README.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "docs/design.md",
    "docs/handoff.txt",
    "src/handoff.rs",
    "handoff.md.bak",
    "handoff.markdown",
    "handoff.mdx",
    "handoff",
    "HANDOFF.md/inner.txt",
    "distilled.md",
    "distilled",
    "distilled/x/y.txt",
    "distilled/.md",
    "notes/distilledx/a.md",
    "xdistilled/a.md",
    "docs/distilled-notes/a.md",
    // A directory named like a handoff does not make its files handoffs (nor does it for the
    // CLI walk): projects that keep them there add their own `files:` override.
    "handoffs/2026-01-06-parser.md",
    "handoff/notes.md",
    "implementation_prompt_v2.md",
    "implementationprompt.md",
    "docs/implementation-plan.md",
};

TEST(PreCommitHook, ManifestDeclaresTheHook) {
  EXPECT_EQ(manifest_values("id"), std::vector<std::string>{"baton"});
  EXPECT_EQ(manifest_values("entry"), std::vector<std::string>{"baton check"});
  EXPECT_EQ(manifest_values("language"), std::vector<std::string>{"system"});
  EXPECT_EQ(manifest_values("pass_filenames"), std::vector<std::string>{"true"});
  EXPECT_EQ(manifest_values("require_serial"), std::vector<std::string>{"false"});
  EXPECT_EQ(manifest_values("types"), std::vector<std::string>{"[markdown]"});
  EXPECT_EQ(manifest_values("name").size(), 1u);
}

TEST(PreCommitHook, FilesPatternCompilesAsEcmaScript) {
  const auto pattern = files_pattern();
  ASSERT_FALSE(pattern.empty());
  // Python-only syntax would either fail here or silently mean something else.
  EXPECT_EQ(pattern.find("(?"), std::string::npos) << "no inline flags or named groups";
  EXPECT_EQ(pattern.find("\\A"), std::string::npos);
  EXPECT_EQ(pattern.find("\\Z"), std::string::npos);
  EXPECT_NO_THROW(std::regex(pattern, std::regex::ECMAScript));
}

TEST(PreCommitHook, FilesPatternMatchesHandoffPrompts) {
  const std::regex pattern(files_pattern(), std::regex::ECMAScript);
  for (const auto& path : matching_paths)
    EXPECT_TRUE(hook_matches(pattern, path)) << path;
}

TEST(PreCommitHook, FilesPatternSkipsOtherFiles) {
  const std::regex pattern(files_pattern(), std::regex::ECMAScript);
  for (const auto& path : other_paths)
    EXPECT_FALSE(hook_matches(pattern, path)) << path;
}

// The hook and `baton check DIR` agree on every path above. (They differ elsewhere, by
// design: the walk skips hidden directories and node_modules and also picks markdown files
// that carry a `<!-- baton-profile NAME -->` marker; the hook sees only paths.)
TEST(PreCommitHook, FilesPatternAgreesWithTheDirectoryWalk) {
  const std::regex pattern(files_pattern(), std::regex::ECMAScript);
  for (const auto& path : matching_paths)
    EXPECT_TRUE(walk_matches(path)) << path;
  for (const auto& path : other_paths)
    EXPECT_EQ(hook_matches(pattern, path), walk_matches(path)) << path;
}

}  // namespace
