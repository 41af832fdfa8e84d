// The labelled real-world corpus: every public prompt of
// ../shared/corpus/realworld (and the implementation prompt of
// ../shared/corpus/implementation-prompts) is linted under its original base name, and
// every finding must carry a verdict in tests/realworld/manifest.json (tp,
// fp, or fixed: a former false positive that must never return). The
// per-file and per-rule tables of docs/realworld.md come from this run;
// BATON_UPDATE_DOCS=1 rewrites them. Skips visibly without ../shared.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "document/document.hpp"
#include "engine/lint.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace baton;

namespace {

const fs::path source_dir(BATON_SOURCE_DIR);
const fs::path corpus = source_dir / ".." / "shared" / "corpus" / "realworld";

struct Counts {
  std::size_t findings = 0, tp = 0, fp = 0, missed = 0;
};

TEST(RealWorld, EveryFindingIsLabelledAndNoFixedFalsePositiveReturns) {
  if (!fs::exists(corpus)) GTEST_SKIP() << "shared corpus not available: " << corpus;
  const auto manifest = nlohmann::json::parse(baton::test::read_text(source_dir / "tests" / "realworld" / "manifest.json"));
  std::map<std::string, Counts> per_rule;
  Counts total;
  std::string file_table =
      "| File (original name) | Profile | Findings | True | False | Missed |\n|---|---|---|---|---|---|\n";
  for (const auto& entry : manifest["files"]) {
    const auto name = entry["name"].get<std::string>();
    SCOPED_TRACE(name);
    const auto path = corpus / entry["corpus"].get<std::string>();
    ASSERT_TRUE(fs::exists(path)) << path;
    // Linted under its original name: detection by name matters.
    const auto document = doc::build_document(source::SourceFile(name, baton::test::read_text(path)));
    const auto result = engine::lint(document, rules::registry(), {});
    EXPECT_EQ(result.profile_name(), entry["profile"].get<std::string>());
    // (rule, line) -> verdicts still to match, in manifest order.
    std::multimap<std::pair<std::string, std::uint32_t>, std::string> labels;
    for (const auto& label : entry["expect"])
      labels.emplace(std::pair{label["rule"].get<std::string>(), label["line"].get<std::uint32_t>()},
                     label["verdict"].get<std::string>());
    Counts file;
    for (const auto& diagnostic : result.diagnostics) {
      const std::pair key{std::string(diagnostic.rule->code), document.source().line_of(diagnostic.range.begin)};
      auto it = labels.find(key);
      while (it != labels.end() && it->first == key && (it->second == "fixed" || it->second == "missed")) ++it;
      if (it == labels.end() || it->first != key) {
        const auto first = labels.find(key);
        const char* what = first == labels.end()      ? "unlabelled finding: "
                           : first->second == "fixed" ? "a fixed false positive returned: "
                                                      : "a finding labelled missed (left out by design) fires: ";
        ADD_FAILURE() << what << key.first << " on line " << key.second << ": " << diagnostic.message;
        continue;
      }
      auto& rule = per_rule[key.first];
      ++rule.findings;
      ++file.findings;
      if (it->second == "tp") {
        ++rule.tp;
        ++file.tp;
      } else {
        ++rule.fp;
        ++file.fp;
      }
      labels.erase(it);
    }
    for (const auto& [key, verdict] : labels) {
      if (verdict == "missed") {
        ++file.missed;
        continue;
      }
      if (verdict != "fixed") ADD_FAILURE() << "labelled " << verdict << " finding did not fire: " << key.first << " on line " << key.second;
    }
    total.findings += file.findings;
    total.tp += file.tp;
    total.fp += file.fp;
    total.missed += file.missed;
    file_table += "| `" + name + "` | " + std::string(result.profile_name()) + " | " + std::to_string(file.findings) +
                  " | " + std::to_string(file.tp) + " | " + std::to_string(file.fp) + " | " +
                  std::to_string(file.missed) + " |\n";
  }
  file_table += "| **all** | | " + std::to_string(total.findings) + " | " + std::to_string(total.tp) + " | " +
                std::to_string(total.fp) + " | " + std::to_string(total.missed) + " |\n";
  std::string rule_table = "| Rule | Findings | True | False | Precision |\n|---|---|---|---|---|\n";
  for (const auto& [code, counts] : per_rule) {
    rule_table += "| " + code + " | " + std::to_string(counts.findings) + " | " + std::to_string(counts.tp) + " | " +
                  std::to_string(counts.fp) + " | " + std::to_string(100 * counts.tp / counts.findings) + "% |\n";
  }
  std::cout << file_table << '\n' << rule_table;

  // docs/realworld.md holds both tables between its markers.
  const auto docs = source_dir / "docs" / "realworld.md";
  auto text = baton::test::read_text(docs);
  const std::string begin = "<!-- realworld-tables:begin -->\n", end = "<!-- realworld-tables:end -->";
  auto from = text.find(begin), to = text.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const auto tables = "### Per file\n\n" + file_table + "\n### Per rule\n\n" + rule_table + "\n";
  if (std::getenv("BATON_UPDATE_DOCS")) {
    text.replace(from + begin.size(), to - from - begin.size(), tables);
    std::ofstream(docs, std::ios::binary) << text;
    to = text.find(end);
  }
  EXPECT_EQ(text.substr(from + begin.size(), to - from - begin.size()), tables)
      << "docs/realworld.md is out of date; run: BATON_UPDATE_DOCS=1 build/tests/realworld_test";
}

}  // namespace
