// docs/rules/ is generated from the registry. This test fails when the
// committed pages drift; run with BATON_UPDATE_DOCS=1 to regenerate them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "format/config_schema.hpp"
#include "format/rule_docs.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

using baton::test::read_text;

TEST(DocsSync, RulePagesMatchTheRegistry) {
  const fs::path dir = fs::path(BATON_SOURCE_DIR) / "docs" / "rules";
  const auto pages = format::rule_doc_pages(rules::registry());
  const bool update = std::getenv("BATON_UPDATE_DOCS") != nullptr;
  if (update) {
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".md") fs::remove(entry.path());
    }
    for (const auto& [name, content] : pages) {
      std::ofstream(dir / name, std::ios::binary) << content;
    }
  }
  std::set<std::string> expected;
  for (const auto& [name, content] : pages) {
    expected.insert(name);
    EXPECT_EQ(read_text(dir / name), content)
        << "docs/rules/" << name << " is out of date; run: BATON_UPDATE_DOCS=1 build/tests/docs_test";
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_TRUE(expected.count(entry.path().filename().string()))
        << "stale page docs/rules/" << entry.path().filename().string();
  }
}

TEST(DocsSync, ConfigSchemaMatchesTheRegistry) {
  const fs::path file = fs::path(BATON_SOURCE_DIR) / "docs" / "baton.schema.json";
  const auto schema = format::config_schema(rules::registry());
  if (std::getenv("BATON_UPDATE_DOCS")) std::ofstream(file, std::ios::binary) << schema;
  EXPECT_EQ(read_text(file), schema)
      << "docs/baton.schema.json is out of date; run: BATON_UPDATE_DOCS=1 build/tests/docs_test";
}

// The keyword tables of docs/generic-handoffs.md are the data baton matches.
TEST(DocsSync, KeywordTablesMatchTheData) {
  const fs::path file = fs::path(BATON_SOURCE_DIR) / "docs" / "generic-handoffs.md";
  const std::string begin = "<!-- keyword-tables:begin -->\n";
  const std::string end = "<!-- keyword-tables:end -->";
  auto text = read_text(file);
  const auto from = text.find(begin);
  const auto to = text.find(end);
  ASSERT_NE(from, std::string::npos) << "docs/generic-handoffs.md has no keyword-tables:begin marker";
  ASSERT_NE(to, std::string::npos) << "docs/generic-handoffs.md has no keyword-tables:end marker";
  const auto expected = format::keyword_tables_markdown();
  if (std::getenv("BATON_UPDATE_DOCS")) {
    text.replace(from + begin.size(), to - from - begin.size(), expected);
    std::ofstream(file, std::ios::binary) << text;
  }
  EXPECT_EQ(text.substr(from + begin.size(), to - from - begin.size()), expected)
      << "docs/generic-handoffs.md keyword tables are out of date; run: BATON_UPDATE_DOCS=1 build/tests/docs_test";
}

}  // namespace
