// The CI formats (sarif, github, gitlab, junit) on real documents: the rules
// each consumer imposes, checked property by property.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "baton/version.hpp"
#include "document/document.hpp"
#include "engine/lint.hpp"
#include "format/output_format.hpp"
#include "format/report.hpp"
#include "rules/registry.hpp"

using namespace baton;
using nlohmann::json;

namespace {

std::string read_example(const std::string& name) {
  std::ifstream in(std::string(BATON_SOURCE_DIR) + "/fixtures/examples/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << name;
  return text.str();
}

const std::string broken_text = read_example("broken-handoff.md");
const std::string clean_text = read_example("clean-handoff.md");

// Documents linted with every rule; the reports point into the documents.
class Lint {
 public:
  Lint& add(std::string path, std::string text, const engine::LintOptions& options = {}) {
    const auto& document =
        documents_.emplace_back(doc::build_document(source::SourceFile(path, std::move(text))));
    auto result = engine::lint(document, rules::registry(), options);
    reports_.push_back({&document.source(), std::move(result.diagnostics)});
    return *this;
  }

  std::span<const format::FileReport> reports() const { return reports_; }

  std::size_t diagnostic_count() const {
    std::size_t count = 0;
    for (const auto& report : reports_)
      count += report.diagnostics.size();
    return count;
  }

  std::string render(format::OutputFormat output_format, bool with_registry = true) const {
    format::RenderOptions options;
    if (with_registry)
      options.rules = rules::registry();
    std::ostringstream out;
    format::render(output_format, reports_, options, out);
    return out.str();
  }

 private:
  std::deque<doc::Document> documents_;
  std::vector<format::FileReport> reports_;
};

// broken-handoff.md with one rule each as error, warning and info.
engine::LintOptions mixed_severities() {
  engine::LintOptions options;
  options.rule_severities["HP103"] = engine::Severity::warning;
  options.rule_severities["HP201"] = engine::Severity::info;
  return options;
}

// ---------------------------------------------------------------- formats

TEST(CiFormats, NamesParseAndRoundTrip) {
  for (std::string_view name : {"sarif", "github", "gitlab", "junit"}) {
    const auto parsed = format::parse_output_format(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(format::to_string(*parsed), name);
  }
}

// ---------------------------------------------------------------- sarif

TEST(Sarif, LogRunAndDriverHaveWhatGitHubRequires) {
  Lint run;
  run.add("fixtures/examples/broken-handoff.md", broken_text);
  const auto log = json::parse(run.render(format::OutputFormat::sarif));

  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& sarif_run = log["runs"][0];
  EXPECT_EQ(sarif_run["columnKind"], "unicodeCodePoints");
  EXPECT_TRUE(sarif_run["originalUriBaseIds"].contains("%SRCROOT%"));
  ASSERT_TRUE(sarif_run["results"].is_array());

  const auto& driver = sarif_run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "baton");
  EXPECT_EQ(driver["version"], baton::version);
  EXPECT_EQ(driver["semanticVersion"], baton::version);
  EXPECT_EQ(driver["informationUri"], "https://github.com/baton-lint/baton");
}

TEST(Sarif, DescribesEveryRuleOfTheRegistry) {
  Lint run;
  run.add("clean-handoff.md", clean_text);
  const auto log = json::parse(run.render(format::OutputFormat::sarif));
  const auto& descriptors = log["runs"][0]["tool"]["driver"]["rules"];
  const auto registry = rules::registry();
  ASSERT_EQ(descriptors.size(), registry.size());
  const std::map<engine::Severity, std::string> levels{{engine::Severity::error, "error"},
                                                       {engine::Severity::warning, "warning"},
                                                       {engine::Severity::info, "note"}};
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto& rule = *registry[i];
    const auto& descriptor = descriptors[i];
    SCOPED_TRACE(std::string(rule.code));
    EXPECT_EQ(descriptor["id"], rule.code);
    EXPECT_EQ(descriptor["name"], rule.name);
    for (const char* key : {"shortDescription", "fullDescription"}) {
      const auto text = descriptor[key]["text"].get<std::string>();
      EXPECT_FALSE(text.empty()) << key;
      EXPECT_LE(text.size(), 1024u) << key;
    }
    EXPECT_EQ(descriptor["shortDescription"]["text"], rule.summary);
    EXPECT_NE(descriptor["help"]["text"].get<std::string>().find(rule.name), std::string::npos);
    EXPECT_EQ(descriptor["help"]["markdown"].get<std::string>().rfind(
                  "# " + std::string(rule.code) + " " + std::string(rule.name), 0),
              0u);
    EXPECT_EQ(descriptor["defaultConfiguration"]["level"], levels.at(rule.default_severity));
    EXPECT_EQ(descriptor["properties"]["tags"], json::array({rule.family}));
  }
}

TEST(Sarif, ResultsPointAtTheirRulesWithValidRegions) {
  Lint run;
  run.add("./fixtures/examples/broken-handoff.md", broken_text, mixed_severities());
  const auto log = json::parse(run.render(format::OutputFormat::sarif));
  const auto& descriptors = log["runs"][0]["tool"]["driver"]["rules"];
  const auto& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), run.diagnostic_count());
  ASSERT_GE(results.size(), 5u);

  std::set<std::string> levels;
  std::set<std::string> fingerprints;
  bool saw_related = false;
  for (const auto& result : results) {
    SCOPED_TRACE(result.dump());
    const auto index = result["ruleIndex"].get<std::size_t>();
    ASSERT_LT(index, descriptors.size());
    EXPECT_EQ(descriptors[index]["id"], result["ruleId"]);
    levels.insert(result["level"].get<std::string>());
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());

    ASSERT_EQ(result["locations"].size(), 1u);
    const auto& location = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], "fixtures/examples/broken-handoff.md");
    EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    const auto& region = location["region"];
    EXPECT_GE(region["startLine"].get<int>(), 1);
    EXPECT_GE(region["startColumn"].get<int>(), 1);
    EXPECT_GE(region["endLine"].get<int>(), region["startLine"].get<int>());
    EXPECT_GE(region["endColumn"].get<int>(), 1);
    if (region["endLine"] == region["startLine"]) {
      EXPECT_GE(region["endColumn"].get<int>(), region["startColumn"].get<int>());
    }

    const auto fingerprint =
        result["partialFingerprints"]["primaryLocationLineHash"].get<std::string>();
    EXPECT_FALSE(fingerprint.empty());
    EXPECT_TRUE(fingerprints.insert(fingerprint).second) << "repeated " << fingerprint;

    if (result.contains("relatedLocations")) {
      saw_related = true;
      for (const auto& related : result["relatedLocations"]) {
        EXPECT_FALSE(related["message"]["text"].get<std::string>().empty());
        EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"],
                  "fixtures/examples/broken-handoff.md");
        EXPECT_GE(related["physicalLocation"]["region"]["startLine"].get<int>(), 1);
      }
    }
  }
  EXPECT_TRUE(saw_related);  // HP101 points at where Section 0 starts
  EXPECT_EQ(levels, (std::set<std::string>{"error", "warning", "note"}));
}

TEST(Sarif, RegionsMatchTheJsonFormatsCodePointColumns) {
  Lint run;
  run.add("plan-handoff.md",
          "# Café plan\n\n## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
          "naïve → Read(\"rélatif/été.md\") ok\n");
  const auto sarif = json::parse(run.render(format::OutputFormat::sarif));
  const auto plain = json::parse(run.render(format::OutputFormat::json));
  const auto& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), plain["diagnostics"].size());
  ASSERT_GT(results.size(), 0u);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& region = results[i]["locations"][0]["physicalLocation"]["region"];
    const auto& item = plain["diagnostics"][i];
    EXPECT_EQ(region["startLine"], item["line"]);
    EXPECT_EQ(region["startColumn"], item["column"]);
    EXPECT_EQ(region["endLine"], item["end_line"]);
    EXPECT_EQ(region["endColumn"], item["end_column"]);
    EXPECT_EQ(results[i]["ruleId"], item["rule"]);
  }
}

TEST(Sarif, UrisAreRelativeEncodedAndForwardSlashed) {
  Lint run;
  run.add("./docs/my handoff#1%.md", "# Notes\n")
      .add("dir/./sub/../café-handoff.md", "# Notes\n")
      .add("/tmp/abs handoff.md", "# Notes\n");
  const auto log = json::parse(run.render(format::OutputFormat::sarif));
  std::vector<json> locations;
  for (const auto& result : log["runs"][0]["results"])
    locations.push_back(result["locations"][0]["physicalLocation"]["artifactLocation"]);
  ASSERT_EQ(locations.size(), 3u);  // one HP001 per file
  std::map<std::string, json> by_uri;
  for (const auto& location : locations)
    by_uri[location["uri"].get<std::string>()] = location;
  ASSERT_TRUE(by_uri.contains("docs/my%20handoff%231%25.md"));
  EXPECT_EQ(by_uri["docs/my%20handoff%231%25.md"]["uriBaseId"], "%SRCROOT%");
  ASSERT_TRUE(by_uri.contains("dir/caf%C3%A9-handoff.md"));
  EXPECT_EQ(by_uri["dir/caf%C3%A9-handoff.md"]["uriBaseId"], "%SRCROOT%");
  ASSERT_TRUE(by_uri.contains("file:///tmp/abs%20handoff.md"));
  EXPECT_FALSE(by_uri["file:///tmp/abs%20handoff.md"].contains("uriBaseId"));
}

TEST(Sarif, WithoutARegistryDescribesTheRulesThatFired) {
  Lint run;
  run.add("fixtures/examples/broken-handoff.md", broken_text);
  const auto log = json::parse(run.render(format::OutputFormat::sarif, false));
  const auto& descriptors = log["runs"][0]["tool"]["driver"]["rules"];
  std::set<std::string> fired;
  for (const auto& report : run.reports()) {
    for (const auto& diagnostic : report.diagnostics)
      fired.insert(std::string(diagnostic.rule->code));
  }
  ASSERT_EQ(descriptors.size(), fired.size());
  for (const auto& result : log["runs"][0]["results"])
    EXPECT_EQ(descriptors[result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
}

TEST(Sarif, FingerprintsIgnoreUnrelatedEdits) {
  Lint before;
  before.add("h.md", broken_text);
  std::string shifted = broken_text;
  shifted.insert(shifted.find("### 0.2"), "\n\n\n");
  Lint after;
  after.add("h.md", shifted);
  auto fingerprints = [](const Lint& run) {
    std::multiset<std::pair<std::string, std::string>> set;
    const auto log = json::parse(run.render(format::OutputFormat::sarif));
    for (const auto& result : log["runs"][0]["results"]) {
      set.emplace(result["ruleId"],
                  result["partialFingerprints"]["primaryLocationLineHash"].get<std::string>());
    }
    return set;
  };
  EXPECT_EQ(fingerprints(before), fingerprints(after));
}

// ---------------------------------------------------------------- github

constexpr engine::RuleMeta odd_rule{
    .code = "HP999",
    .name = "odd:name,here",
    .family = "Test",
    .profile = "*",
    .summary = "A rule with characters that need escaping",
    .what_it_checks = "Nothing.",
    .why_it_matters = "Escaping.",
    .bad_example = "",
    .good_example = "",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = nullptr,
};

TEST(GitHub, EscapesDataAndPropertiesExactly) {
  const source::SourceFile file("dir/a:b,c%d.md", "first\nsecond line\n");
  engine::Diagnostic diagnostic;
  diagnostic.rule = &odd_rule;
  diagnostic.severity = engine::Severity::warning;
  diagnostic.range = {6, 12};  // "second"
  diagnostic.message = "100% sure: a, b\r\nnext line";
  const std::vector<format::FileReport> reports{{&file, {diagnostic}}};
  std::ostringstream out;
  format::render(format::OutputFormat::github, reports, {}, out);
  EXPECT_EQ(out.str(),
            "::warning file=dir/a%3Ab%2Cc%25d.md,line=2,endLine=2,col=1,endColumn=7,"
            "title=HP999 odd%3Aname%2Chere::100%25 sure: a, b%0D%0Anext line\n");
}

TEST(GitHub, OneCommandPerDiagnosticWithTheSeverityAsCommand) {
  Lint run;
  run.add("./fixtures/examples/broken-handoff.md", broken_text, mixed_severities());
  const auto output = run.render(format::OutputFormat::github);
  std::istringstream lines(output);
  std::string line;
  std::map<std::string, int> commands;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    ++count;
    const auto space = line.find(' ');
    ASSERT_NE(space, std::string::npos) << line;
    commands[line.substr(0, space)]++;
    EXPECT_EQ(line.find("file=fixtures/examples/broken-handoff.md,line="), space + 1) << line;
    EXPECT_NE(line.find(",endLine="), std::string::npos) << line;
    EXPECT_NE(line.find(",col="), std::string::npos) << line;
    EXPECT_NE(line.find(",endColumn="), std::string::npos) << line;
    EXPECT_NE(line.find(",title=HP"), std::string::npos) << line;
  }
  EXPECT_EQ(count, run.diagnostic_count());
  EXPECT_GT(commands["::error"], 0);
  EXPECT_GT(commands["::warning"], 0);
  EXPECT_GT(commands["::notice"], 0);
  EXPECT_EQ(commands.size(), 3u);
}

TEST(GitHub, SummaryCountsAndTabulatesEveryFinding) {
  Lint run;
  run.add("fixtures/examples/broken-handoff.md", broken_text, mixed_severities())
      .add("clean-handoff.md", clean_text);
  const auto summary = format::render_github_summary(run.reports());
  const auto counts = format::count_severities(run.reports());
  EXPECT_EQ(summary.rfind("### baton\n\n", 0), 0u);
  EXPECT_NE(summary.find("Found " + std::to_string(counts.errors) + " error"), std::string::npos)
      << summary;
  EXPECT_NE(summary.find(" in 2 files.\n"), std::string::npos) << summary;
  std::size_t rows = 0;
  std::istringstream lines(summary);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| fixtures/examples/broken-handoff.md | ", 0) == 0)
      ++rows;
  }
  EXPECT_EQ(rows, run.diagnostic_count());
  // Markup in messages is shown as text: backticks and quotes are escaped.
  EXPECT_EQ(summary.find(" `"), std::string::npos) << summary;
}

TEST(GitHub, SummaryEscapesTableCells) {
  const source::SourceFile file("a|b<c>.md", "text\n");
  engine::Diagnostic diagnostic;
  diagnostic.rule = &odd_rule;
  diagnostic.severity = engine::Severity::error;
  diagnostic.range = {0, 4};
  diagnostic.message = "pipe | and `code` and <b>bold</b>\nsecond";
  const std::vector<format::FileReport> reports{{&file, {diagnostic}}};
  const auto summary = format::render_github_summary(reports);
  EXPECT_NE(summary.find("| a\\|b\\<c\\>.md | 1 | 1 | error | HP999 odd\\:name,here | pipe \\| and "
                         "\\`code\\` and \\<b\\>bold\\</b\\> second |\n"),
            std::string::npos)
      << summary;

  Lint clean;
  clean.add("clean-handoff.md", clean_text);
  EXPECT_EQ(format::render_github_summary(clean.reports()),
            "### baton\n\nNo problems found in 1 file.\n");
}

// ---------------------------------------------------------------- gitlab

TEST(GitLab, IssuesHaveTheDocumentedFieldsAndSeverities) {
  Lint run;
  run.add("./fixtures/examples/broken-handoff.md", broken_text, mixed_severities());
  const auto issues = json::parse(run.render(format::OutputFormat::gitlab));
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), run.diagnostic_count());
  std::map<std::string, std::set<std::string>> severities_by_rule;
  for (const auto& issue : issues) {
    SCOPED_TRACE(issue.dump());
    EXPECT_FALSE(issue["description"].get<std::string>().empty());
    EXPECT_EQ(issue["check_name"].get<std::string>().substr(0, 2), "HP");
    EXPECT_EQ(issue["fingerprint"].get<std::string>().size(), 32u);
    EXPECT_EQ(issue["location"]["path"], "fixtures/examples/broken-handoff.md");
    EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1);
    const auto check = issue["check_name"].get<std::string>();
    severities_by_rule[check.substr(0, check.find(' '))].insert(issue["severity"]);
  }
  EXPECT_EQ(severities_by_rule["HP103"], std::set<std::string>{"minor"});
  EXPECT_EQ(severities_by_rule["HP201"], std::set<std::string>{"info"});
  EXPECT_EQ(severities_by_rule["HP102"], std::set<std::string>{"major"});
  EXPECT_EQ(issues[0]["check_name"], "HP101 section0-not-first");
}

TEST(GitLab, FingerprintsAreUniqueAcrossFilesAndStableAcrossEdits) {
  // Two files with the same text, and the same file named twice.
  Lint run;
  run.add("a/handoff.md", broken_text).add("b/handoff.md", broken_text);
  run.add("b/handoff.md", broken_text);
  const auto issues = json::parse(run.render(format::OutputFormat::gitlab));
  ASSERT_EQ(issues.size(), run.diagnostic_count());
  std::set<std::string> fingerprints;
  for (const auto& issue : issues)
    EXPECT_TRUE(fingerprints.insert(issue["fingerprint"].get<std::string>()).second) << issue;

  std::string shifted = broken_text;
  shifted.insert(shifted.find("### 0.2"), "\n\n\n");
  Lint before;
  before.add("a/handoff.md", broken_text);
  Lint after;
  after.add("a/handoff.md", shifted);
  auto identities = [](const Lint& r, bool with_lines) {
    std::set<std::string> set;
    for (const auto& issue : json::parse(r.render(format::OutputFormat::gitlab))) {
      set.insert(issue["fingerprint"].get<std::string>() +
                 (with_lines ? std::to_string(issue["location"]["lines"]["begin"].get<int>())
                             : std::string()));
    }
    return set;
  };
  EXPECT_EQ(identities(before, false), identities(after, false));
  EXPECT_NE(identities(before, true), identities(after, true));  // the lines did move
}

TEST(GitLab, NoFindingsIsAnEmptyArray) {
  Lint run;
  run.add("clean-handoff.md", clean_text);
  EXPECT_EQ(run.render(format::OutputFormat::gitlab), "[]\n");
}

// ---------------------------------------------------------------- junit

// A small, strict XML 1.0 reader: elements, attributes, character data and
// the five predefined entities plus character references. It fails (returns
// false) on anything not well formed that the junit renderer could produce.
struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<Element> children;
  std::string text;

  std::vector<const Element*> all(std::string_view child) const {
    std::vector<const Element*> found;
    for (const auto& element : children) {
      if (element.name == child)
        found.push_back(&element);
    }
    return found;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  bool read(Element& root) {
    constexpr std::string_view declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (text_.substr(0, declaration.size()) != declaration)
      return fail("no declaration");
    at_ = declaration.size();
    if (!element(root))
      return false;
    while (at_ < text_.size() && is_space(text_[at_]))
      ++at_;
    return at_ == text_.size() || fail("content after the root");
  }

  std::string error;

 private:
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  static bool is_name(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
  }

  bool fail(std::string message) {
    error = message + " at " + std::to_string(at_);
    return false;
  }

  bool name(std::string& out) {
    const auto start = at_;
    while (at_ < text_.size() && is_name(text_[at_]))
      ++at_;
    out = std::string(text_.substr(start, at_ - start));
    return !out.empty() || fail("expected a name");
  }

  // Character data up to `stop`, entities decoded; '<' and '&' must be markup.
  bool characters(char stop, std::string& out) {
    while (at_ < text_.size() && text_[at_] != stop) {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '<')
        return fail("raw <");
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return fail("control character");
      if (c == '&') {
        const auto end = text_.find(';', at_);
        if (end == std::string_view::npos)
          return fail("unterminated entity");
        const auto entity = text_.substr(at_ + 1, end - at_ - 1);
        static const std::map<std::string_view, std::string_view> named{
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
        if (named.contains(entity)) {
          out += named.at(entity);
        } else if (entity.size() > 1 && entity[0] == '#') {
          const auto code = std::stoi(std::string(entity.substr(1)));
          if (code != 9 && code != 10 && code != 13)
            return fail("unexpected character reference");
          out += static_cast<char>(code);
        } else {
          return fail("unknown entity");
        }
        at_ = end + 1;
        continue;
      }
      out += text_[at_++];
    }
    return at_ < text_.size() || fail("unexpected end");
  }

  bool element(Element& out) {
    if (text_[at_] != '<')
      return fail("expected <");
    ++at_;
    if (!name(out.name))
      return false;
    while (true) {
      const auto before = at_;
      while (at_ < text_.size() && is_space(text_[at_]))
        ++at_;
      if (at_ >= text_.size())
        return fail("unexpected end");
      if (text_.substr(at_, 2) == "/>") {
        at_ += 2;
        return true;
      }
      if (text_[at_] == '>') {
        ++at_;
        break;
      }
      if (before == at_)
        return fail("attributes need a space");
      std::string key;
      if (!name(key))
        return false;
      if (text_.substr(at_, 2) != "=\"")
        return fail("expected =\"");
      at_ += 2;
      std::string value;
      if (!characters('"', value))
        return false;
      ++at_;
      if (!out.attributes.emplace(key, value).second)
        return fail("repeated attribute " + key);
    }
    while (true) {
      if (!characters('<', out.text))
        return false;
      if (text_.substr(at_, 2) == "</") {
        at_ += 2;
        std::string closing;
        if (!name(closing))
          return false;
        if (closing != out.name)
          return fail("</" + closing + "> closes <" + out.name + ">");
        if (at_ >= text_.size() || text_[at_] != '>')
          return fail("expected >");
        ++at_;
        return true;
      }
      if (!element(out.children.emplace_back()))
        return false;
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

Element parse_xml(const std::string& text) {
  Element root;
  XmlReader reader(text);
  EXPECT_TRUE(reader.read(root)) << reader.error << "\n" << text;
  return root;
}

TEST(JUnit, OneSuitePerFileAndOneCasePerFinding) {
  Lint run;
  run.add("./fixtures/examples/broken-handoff.md", broken_text, mixed_severities())
      .add("clean-handoff.md", clean_text);
  const auto root = parse_xml(run.render(format::OutputFormat::junit));
  const auto counts = format::count_severities(run.reports());
  ASSERT_EQ(root.name, "testsuites");
  EXPECT_EQ(root.attributes.at("tests"), std::to_string(run.diagnostic_count() + 1));
  EXPECT_EQ(root.attributes.at("failures"), std::to_string(counts.errors + counts.warnings));
  EXPECT_EQ(root.attributes.at("errors"), "0");

  const auto suites = root.all("testsuite");
  ASSERT_EQ(suites.size(), 2u);
  // Ordered by path as given ("./f..." sorts before "c..."), named without "./".
  const auto& broken = *suites[0];
  EXPECT_EQ(broken.attributes.at("name"), "fixtures/examples/broken-handoff.md");
  // The clean file's only testcase passes.
  EXPECT_EQ(suites[1]->attributes.at("name"), "clean-handoff.md");
  EXPECT_EQ(suites[1]->attributes.at("tests"), "1");
  EXPECT_EQ(suites[1]->attributes.at("failures"), "0");
  ASSERT_EQ(suites[1]->all("testcase").size(), 1u);
  EXPECT_TRUE(suites[1]->all("testcase")[0]->children.empty());

  const auto cases = broken.all("testcase");
  ASSERT_EQ(cases.size(), run.reports()[0].diagnostics.size());
  EXPECT_EQ(broken.attributes.at("tests"), std::to_string(cases.size()));
  std::size_t failures = 0;
  std::size_t passing_infos = 0;
  for (const auto* testcase : cases) {
    SCOPED_TRACE(testcase->attributes.at("name"));
    EXPECT_EQ(testcase->attributes.at("classname"), "fixtures/examples/broken-handoff.md");
    const auto& name = testcase->attributes.at("name");
    EXPECT_EQ(name.rfind("HP", 0), 0u);
    EXPECT_NE(name.find(" at line "), std::string::npos);
    const auto failure = testcase->all("failure");
    if (failure.empty()) {
      ASSERT_EQ(testcase->all("system-out").size(), 1u);
      EXPECT_NE(testcase->all("system-out")[0]->text.find(": info: "), std::string::npos);
      ++passing_infos;
      continue;
    }
    ++failures;
    EXPECT_EQ(failure[0]->attributes.at("type"), name.substr(0, 5));
    EXPECT_FALSE(failure[0]->attributes.at("message").empty());
    EXPECT_EQ(failure[0]->text.rfind("fixtures/examples/broken-handoff.md:", 0), 0u);
  }
  EXPECT_EQ(std::to_string(failures), broken.attributes.at("failures"));
  EXPECT_EQ(passing_infos, counts.infos);
  EXPECT_GT(passing_infos, 0u);
}

TEST(JUnit, ExactOutputWithEscapedAttributesAndText) {
  const source::SourceFile file("a&b<\"c\">'.md", "first\nsecond line\n");
  engine::Diagnostic diagnostic;
  diagnostic.rule = &odd_rule;
  diagnostic.severity = engine::Severity::error;
  diagnostic.range = {6, 12};
  diagnostic.message = std::string("x < y & \"z\"\tbell\x01 bad\xFF end\nnext");
  diagnostic.related.push_back({{0, 5}, "see <here>"});
  const std::vector<format::FileReport> reports{{&file, {diagnostic}}};
  std::ostringstream out;
  format::render(format::OutputFormat::junit, reports, {}, out);
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"baton\" tests=\"1\" failures=\"1\" errors=\"0\" time=\"0\">\n"
      "  <testsuite name=\"a&amp;b&lt;&quot;c&quot;&gt;&apos;.md\" tests=\"1\" failures=\"1\" "
      "errors=\"0\" skipped=\"0\" time=\"0\">\n"
      "    <testcase classname=\"a&amp;b&lt;&quot;c&quot;&gt;&apos;.md\" "
      "name=\"HP999 odd:name,here at line 2:1\">\n"
      "      <failure message=\"x &lt; y &amp; &quot;z&quot;&#9;bell\uFFFD bad\uFFFD "
      "end&#10;next\" type=\"HP999\">a&amp;b&lt;\"c\"&gt;'.md:2:1: error: x &lt; y &amp; "
      "\"z\"\tbell\uFFFD bad\uFFFD end\nnext\n"
      "a&amp;b&lt;\"c\"&gt;'.md:1:1: note: see &lt;here&gt;</failure>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n";
  EXPECT_EQ(out.str(), expected);
  const auto root = parse_xml(out.str());
  const auto& failure = *root.all("testsuite")[0]->all("testcase")[0]->all("failure")[0];
  EXPECT_EQ(failure.attributes.at("message"), "x < y & \"z\"\tbell\uFFFD bad\uFFFD end\nnext");
}

TEST(JUnit, InvalidUtf8AndNoncharactersBecomeReplacementCharacters) {
  // An overlong "/", a UTF-16 surrogate, U+FFFE and a truncated sequence.
  const source::SourceFile file("x.md", "text\n");
  engine::Diagnostic diagnostic;
  diagnostic.rule = &odd_rule;
  diagnostic.severity = engine::Severity::warning;
  diagnostic.range = {0, 4};
  diagnostic.message = "a\xC0\xAF b\xED\xA0\x80 c\xEF\xBF\xBE d\xE2\x82 é";
  const std::vector<format::FileReport> reports{{&file, {diagnostic}}};
  std::ostringstream out;
  format::render(format::OutputFormat::junit, reports, {}, out);
  const auto root = parse_xml(out.str());
  const auto& failure = *root.all("testsuite")[0]->all("testcase")[0]->all("failure")[0];
  EXPECT_EQ(failure.attributes.at("message"),
            "a\uFFFD\uFFFD b\uFFFD\uFFFD\uFFFD c\uFFFD d\uFFFD\uFFFD é");
}

TEST(Sarif, OptInRulesAreDescribedAsDisabledAndHelpUriFollowsTheBase) {
  auto opt_in = *rules::registry().front();
  opt_in.opt_in = true;
  const engine::RuleMeta* const registry[] = {rules::registry()[1], &opt_in};
  format::RenderOptions options;
  options.rules = registry;
  options.rule_docs_url = "https://example.com/rules/";
  std::ostringstream out;
  format::render(format::OutputFormat::sarif, {}, options, out);
  const auto rules = json::parse(out.str())["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_FALSE(rules[0]["defaultConfiguration"].contains("enabled"));
  EXPECT_EQ(rules[1]["defaultConfiguration"]["enabled"], false);
  EXPECT_EQ(rules[1]["helpUri"], "https://example.com/rules/" + std::string(opt_in.code) + ".md");
}

}  // namespace
