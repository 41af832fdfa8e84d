#include <gtest/gtest.h>

#include <sstream>
#include <streambuf>
#include <string>

#include "lsp/code_actions.hpp"
#include "lsp/lint_document.hpp"
#include "lsp/protocol.hpp"
#include "lsp/symbols.hpp"
#include "lsp/transport.hpp"
#include "lsp/workspace.hpp"
#include "rules/registry.hpp"

namespace {

using namespace baton::lsp;
using Status = ReadResult::Status;

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Hands out one byte per underflow, as a pipe delivering a frame in pieces would.
class TrickleBuf : public std::streambuf {
 public:
  explicit TrickleBuf(std::string data) : data_(std::move(data)) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr())
      return traits_type::to_int_type(*gptr());
    if (at_ >= data_.size())
      return traits_type::eof();
    current_ = data_[at_++];
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  std::string data_;
  std::size_t at_ = 0;
  char current_ = 0;
};

// --- transport -------------------------------------------------------------

TEST(Transport, ReadsFramesDeliveredByteByByte) {
  TrickleBuf buffer(frame(R"({"a":1})") +
                    "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                    frame(R"({"b":2})"));
  std::istream in(&buffer);
  std::ostringstream out;
  Transport transport(in, out, Framing::content_length);
  auto first = transport.read();
  ASSERT_EQ(first.status, Status::message);
  EXPECT_EQ(first.body, R"({"a":1})");
  auto second = transport.read();
  ASSERT_EQ(second.status, Status::message);
  EXPECT_EQ(second.body, R"({"b":2})");
  EXPECT_EQ(transport.read().status, Status::eof);
}

TEST(Transport, BadHeaderIsAnErrorAndReadingResumesAtTheNextFrame) {
  std::istringstream in("Garbage without colon\r\n\r\n{\"x\":1}" + frame(R"({"ok":true})"));
  std::ostringstream out;
  Transport transport(in, out, Framing::content_length);
  auto bad = transport.read();
  EXPECT_EQ(bad.status, Status::error);
  EXPECT_NE(bad.error.find("malformed message header"), std::string::npos);
  auto good = transport.read();
  ASSERT_EQ(good.status, Status::message);
  EXPECT_EQ(good.body, R"({"ok":true})");
  EXPECT_EQ(transport.read().status, Status::eof);
}

TEST(Transport, InvalidOrMissingContentLength) {
  std::istringstream in("Content-Length: 12x\r\n\r\n{}" + std::string("Content-Type: x\r\n\r\n{}") +
                        frame("{}"));
  std::ostringstream out;
  Transport transport(in, out, Framing::content_length);
  auto first = transport.read();
  EXPECT_EQ(first.status, Status::error);
  EXPECT_NE(first.error.find("invalid Content-Length"), std::string::npos);
  // The resynchronisation skips the header without Content-Length and its body.
  auto next = transport.read();
  ASSERT_EQ(next.status, Status::message);
  EXPECT_EQ(next.body, "{}");
}

TEST(Transport, OversizedFrameIsSkippedWithAnError) {
  std::istringstream in(frame(std::string(100, 'x')) + frame(R"({"small":1})"));
  std::ostringstream out;
  Transport transport(in, out, Framing::content_length, 64);
  auto big = transport.read();
  EXPECT_EQ(big.status, Status::error);
  EXPECT_NE(big.error.find("exceeds the limit"), std::string::npos);
  auto small = transport.read();
  ASSERT_EQ(small.status, Status::message);
  EXPECT_EQ(small.body, R"({"small":1})");
}

TEST(Transport, TruncatedBodyAndOverlongHeaderLine) {
  {
    std::istringstream in("Content-Length: 50\r\n\r\n{\"short\":");
    std::ostringstream out;
    Transport transport(in, out, Framing::content_length);
    EXPECT_EQ(transport.read().status, Status::error);
    EXPECT_EQ(transport.read().status, Status::eof);
  }
  {
    std::istringstream in(std::string(20000, 'H') + "\r\n\r\n" + frame("{}"));
    std::ostringstream out;
    Transport transport(in, out, Framing::content_length);
    EXPECT_EQ(transport.read().status, Status::error);
    auto next = transport.read();
    ASSERT_EQ(next.status, Status::message);
    EXPECT_EQ(next.body, "{}");
  }
}

TEST(Transport, WritesContentLengthFrames) {
  std::istringstream in;
  std::ostringstream out;
  Transport transport(in, out, Framing::content_length);
  transport.write(R"({"é":1})");
  EXPECT_EQ(out.str(), "Content-Length: 8\r\n\r\n{\"é\":1}");  // bytes, not characters
}

TEST(Transport, DelimitedFramingSkipsCommentsAndEmptyMessages) {
  std::istringstream in("# a comment\n{\"a\":\n1}\n---\n---\n# only a comment\n---\n{\"b\":2}\n");
  std::ostringstream out;
  Transport transport(in, out, Framing::delimited);
  auto first = transport.read();
  ASSERT_EQ(first.status, Status::message);
  EXPECT_EQ(first.body, "{\"a\":\n1}\n");
  auto second = transport.read();
  ASSERT_EQ(second.status, Status::message);
  EXPECT_EQ(second.body, "{\"b\":2}\n");
  EXPECT_EQ(transport.read().status, Status::eof);
}

// --- positions ---------------------------------------------------------------

TEST(Positions, AstralCharactersAreTwoUtf16Units) {
  const std::string line =
      "a\xF0\x9F\x98\x80"
      "b";  // a, U+1F600, b
  EXPECT_EQ(count_units(line, PositionEncoding::utf16), 4u);
  EXPECT_EQ(count_units(line, PositionEncoding::utf32), 3u);
  EXPECT_EQ(count_units(line, PositionEncoding::utf8), 6u);
  EXPECT_EQ(byte_column(line, 1, PositionEncoding::utf16), 1u);
  EXPECT_EQ(byte_column(line, 3, PositionEncoding::utf16), 5u);
  EXPECT_EQ(byte_column(line, 2, PositionEncoding::utf16), 1u);  // inside the pair: rounds down
  EXPECT_EQ(byte_column(line, 2, PositionEncoding::utf32), 5u);
  EXPECT_EQ(byte_column(line, 99, PositionEncoding::utf16), 6u);  // clamped
}

TEST(Positions, InvalidUtf8BytesCountOneUnitEach) {
  const std::string line = "\xC3(\xED\xA0\x80z";  // truncated 2-byte, a surrogate encoded in UTF-8
  EXPECT_EQ(count_units(line, PositionEncoding::utf16), 6u);
  EXPECT_EQ(byte_column(line, 5, PositionEncoding::utf16), 5u);
  const std::string bmp = "\xC3\xA9\xE2\x82\xAC";  // é €
  EXPECT_EQ(count_units(bmp, PositionEncoding::utf16), 2u);
}

TEST(Positions, MapperRoundTripsOffsetsWithCrlfAndAstral) {
  const baton::source::SourceFile file("x.md", "ab\r\n\xF0\x9F\x98\x80x\nlast");
  const PositionMapper mapper(file, PositionEncoding::utf16);
  EXPECT_EQ(mapper.position(0), (Position{0, 0}));
  EXPECT_EQ(mapper.position(2), (Position{0, 2}));
  EXPECT_EQ(mapper.position(8), (Position{1, 2}));  // after the emoji
  EXPECT_EQ(mapper.offset(Position{1, 2}), 8u);
  EXPECT_EQ(mapper.offset(Position{0, 50}), 2u);  // past the line end: before "\r\n"
  EXPECT_EQ(mapper.offset(Position{9, 0}), file.size());
  EXPECT_EQ(mapper.position(file.size()), (Position{2, 4}));
}

TEST(Positions, NegotiatesTheFirstSupportedEncoding) {
  EXPECT_EQ(negotiate_encoding(json::array({"utf-32", "utf-8"})), PositionEncoding::utf32);
  EXPECT_EQ(negotiate_encoding(json::array({"latin1", "utf-8"})), PositionEncoding::utf8);
  EXPECT_EQ(negotiate_encoding(json::array()), PositionEncoding::utf16);
  EXPECT_EQ(negotiate_encoding(json()), PositionEncoding::utf16);
}

TEST(Uris, FileUrisBecomePaths) {
  EXPECT_EQ(uri_to_path("file:///tmp/a%20b/c.md"), "/tmp/a b/c.md");
  EXPECT_EQ(uri_to_path("file://localhost/x.md"), "/x.md");
  EXPECT_EQ(uri_to_path("untitled:Untitled-1"), "untitled:Untitled-1");
  EXPECT_EQ(uri_to_path("file:///bad%zz%4"), "/bad%zz%4");
}

// --- incremental didChange ---------------------------------------------------

TEST(Workspace, IncrementalChangesApplyInOrderInUtf16) {
  Workspace workspace;
  auto& document = workspace.open("file:///t.md", 1, "h\xF0\x9F\x98\x80llo\nworld\n");
  const auto changes = json::parse(R"([
    {"range": {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 5}}, "text": "LL"},
    {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 5}}, "text": "there\nsecond"},
    {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "end"}
  ])");
  workspace.change(document, 2, changes, PositionEncoding::utf16);
  EXPECT_EQ(document.text, "h\xF0\x9F\x98\x80LLo\nthere\nsecond\nend");
  EXPECT_EQ(document.version, 2);
  workspace.change(document, 3, json::parse(R"([{"text": "full"}])"), PositionEncoding::utf16);
  EXPECT_EQ(document.text, "full");
  EXPECT_THROW(
      workspace.change(document, 4, json::parse(R"([{"range": 1}])"), PositionEncoding::utf16),
      RpcError);
}

TEST(Workspace, LintIsRecomputedAfterAChange) {
  Workspace workspace;
  auto& document = workspace.open("file:///x-handoff.md", 1, "# t\n");
  const auto first = workspace.analysis(document).document.source().size();
  const auto first_id = document.result_id;
  workspace.change(document, 2, json::parse(R"([{"text": "# longer\n"}])"),
                   PositionEncoding::utf16);
  EXPECT_NE(workspace.analysis(document).document.source().size(), first);
  EXPECT_NE(document.result_id, first_id);
}

// --- code actions ------------------------------------------------------------

constexpr std::string_view handoff =
    "# Handoff: t\n"
    "\n"
    "## SECTION 0: MANDATORY FIRST ACTIONS\n"
    "\n"
    "### 0.1 Workflow Restoration (EXECUTE FIRST)\n"
    "\n"
    "Resume.\n"
    "\n"
    "### 0.2 Required Document Reads (EXECUTE SECOND)\n"
    "\n"
    "```\n"
    "Read(\"docs/plan.md\")\n"
    "```\n";

const baton::engine::Diagnostic* find(const Analysis& analysis, std::string_view code) {
  for (const auto& d : analysis.diagnostics)
    if (d.rule && d.rule->code == code)
      return &d;
  return nullptr;
}

std::string apply(std::string text, std::vector<baton::engine::TextEdit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return a.range.begin > b.range.begin; });
  for (const auto& edit : edits)
    text.replace(edit.range.begin, edit.range.size(), edit.replacement);
  return text;
}

TEST(CodeActions, DisableForALineOfProseAppendsADirectiveThatSuppresses) {
  auto analysis = lint_open_document("/t/x-handoff.md", std::string(handoff));
  const auto* hp102 = find(analysis, "HP102");
  ASSERT_NE(hp102, nullptr);
  const auto edits = disable_for_line_edits(analysis, *hp102);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].replacement, " <!-- baton-disable-line HP102 -->");
  const auto fixed = apply(std::string(handoff), edits);
  EXPECT_NE(fixed.find("(EXECUTE FIRST) <!-- baton-disable-line HP102 -->\n"), std::string::npos);
  const auto relinted = lint_open_document("/t/x-handoff.md", fixed);
  EXPECT_EQ(find(relinted, "HP102"), nullptr);
  // A second rule on the same line joins the existing directive.
  baton::engine::Diagnostic other = *hp102;
  other.rule = baton::engine::find_rule(baton::rules::registry(), "HP103");
  ASSERT_NE(other.rule, nullptr);
  auto relinted_copy = lint_open_document("/t/x-handoff.md", fixed);
  other.range = {static_cast<std::uint32_t>(fixed.find("### 0.1")),
                 static_cast<std::uint32_t>(fixed.find("### 0.1") + 3)};
  const auto joined = disable_for_line_edits(relinted_copy, other);
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_NE(apply(fixed, joined).find("<!-- baton-disable-line HP102 HP103 -->"), std::string::npos)
      << apply(fixed, joined);
}

TEST(CodeActions, DisableInsideAFenceWrapsTheBlock) {
  auto analysis = lint_open_document("/t/x-handoff.md", std::string(handoff));
  const auto* hp201 = find(analysis, "HP201");
  ASSERT_NE(hp201, nullptr);
  const auto fixed = apply(std::string(handoff), disable_for_line_edits(analysis, *hp201));
  EXPECT_NE(fixed.find("<!-- baton-disable HP201 -->\n```\nRead(\"docs/plan.md\")\n```\n"
                       "<!-- baton-enable HP201 -->"),
            std::string::npos)
      << fixed;
  const auto relinted = lint_open_document("/t/x-handoff.md", fixed);
  EXPECT_EQ(find(relinted, "HP201"), nullptr);
}

TEST(CodeActions, QuickFixAndFixAllUseSafeNonOverlappingEdits) {
  auto analysis = lint_open_document("/t/x-handoff.md", std::string(handoff));
  ASSERT_GE(analysis.diagnostics.size(), 2u);
  using baton::engine::Fix;
  using baton::engine::FixSafety;
  analysis.diagnostics[0].fix = Fix{"Insert A", FixSafety::safe, {{{0, 0}, "A"}}};
  analysis.diagnostics[1].fix = Fix{"Replace", FixSafety::unsafe, {{{2, 4}, "zz"}}};
  auto third = analysis.diagnostics[0];
  third.fix = Fix{"Overlapping", FixSafety::safe, {{{0, 0}, "B"}}};
  analysis.diagnostics.push_back(third);
  auto fourth = analysis.diagnostics[0];
  fourth.fix = Fix{"Later", FixSafety::safe, {{{5, 6}, "X"}}};
  analysis.diagnostics.push_back(fourth);

  const auto all = fix_all_edits(analysis);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].replacement, "A");
  EXPECT_EQ(all[1].replacement, "X");

  const auto actions =
      code_actions(analysis, "file:///t.md", PositionEncoding::utf16, Range{{0, 0}, {100, 0}}, {});
  bool saw_preferred = false, saw_unsafe = false, saw_fix_all = false;
  for (const auto& action : actions) {
    if (action["title"] == "Insert A")
      saw_preferred = action["isPreferred"] == true;
    if (action["title"] == "Replace")
      saw_unsafe = action["isPreferred"] == false;
    if (action["kind"] == "source.fixAll.baton") {
      saw_fix_all = true;
      EXPECT_EQ(action["edit"]["changes"]["file:///t.md"].size(), 2u);
    }
  }
  EXPECT_TRUE(saw_preferred);
  EXPECT_TRUE(saw_unsafe);
  EXPECT_TRUE(saw_fix_all);
  const auto only_fix_all = code_actions(analysis, "file:///t.md", PositionEncoding::utf16,
                                         Range{{0, 0}, {100, 0}}, {"source.fixAll"});
  ASSERT_EQ(only_fix_all.size(), 1u);
  EXPECT_EQ(only_fix_all[0]["kind"], "source.fixAll.baton");
  EXPECT_TRUE(code_actions(analysis, "file:///t.md", PositionEncoding::utf16,
                           Range{{0, 0}, {100, 0}}, {"refactor"})
                  .empty());
}

// --- document symbols ----------------------------------------------------------

TEST(Symbols, SectionsNestByNumber) {
  const std::string text =
      "# T\n\n## SECTION 0: BOOT\n\n### 0.1 A\n\nx\n\n### 0.2 B\n\ny\n\n"
      "## SECTION 1: CONTEXT\n\n### 1.1 C\n\n#### 1.1.1 D\n\nz\n\n"
      "## SECTION 2: STEPS\n\n### Step 0: E\n\nw\n";
  const auto analysis = lint_open_document("/t/x-handoff.md", text);
  const auto symbols = document_symbols(analysis, PositionEncoding::utf16, "file:///t.md", true);
  ASSERT_EQ(symbols.size(), 3u) << symbols.dump(1);
  EXPECT_EQ(symbols[0]["name"], "SECTION 0: BOOT");
  ASSERT_EQ(symbols[0]["children"].size(), 2u);
  EXPECT_EQ(symbols[0]["children"][1]["name"], "0.2 B");
  EXPECT_EQ(symbols[1]["children"][0]["children"][0]["name"], "1.1.1 D");
  EXPECT_EQ(symbols[2]["children"][0]["name"], "Step 0: E");
  EXPECT_EQ(symbols[0]["selectionRange"]["start"]["line"], 2);
  EXPECT_EQ(symbols[0]["range"]["end"], json::parse(R"({"line": 12, "character": 0})"));
  const auto flat = document_symbols(analysis, PositionEncoding::utf16, "file:///t.md", false);
  EXPECT_EQ(flat.size(), 8u);
  EXPECT_EQ(flat[1]["containerName"], "SECTION 0: BOOT");
}

}  // namespace

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "lsp/lint_document.hpp"

TEST(LspConfig, NearestBatonJsonAppliesAndReloads) {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("baton-lsp-config-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto path = (dir / "x-handoff.md").string();
  const std::string text = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\nProse.\n";
  auto codes = [&](baton::engine::ConfigResolver* resolver) {
    std::vector<std::string> found;
    for (const auto& d : baton::lsp::lint_open_document(path, text, resolver).diagnostics) {
      found.emplace_back(d.rule->code);
    }
    return found;
  };
  auto has = [](const std::vector<std::string>& v, const char* code) {
    return std::find(v.begin(), v.end(), code) != v.end();
  };
  std::ofstream(dir / ".baton.json") << R"({"rules": {"HP102": "off"}})";
  EXPECT_TRUE(has(codes(nullptr), "HP102")) << "no resolver: defaults";
  baton::engine::ConfigResolver first(std::nullopt, baton::rules::registry());
  EXPECT_FALSE(has(codes(&first), "HP102"));
  std::ofstream(dir / ".baton.json") << R"({"rules": {"HP002": "off"}})";
  EXPECT_FALSE(has(codes(&first), "HP102")) << "a resolver reads each file once";
  baton::engine::ConfigResolver second(std::nullopt, baton::rules::registry());
  const auto reloaded = codes(&second);
  EXPECT_TRUE(has(reloaded, "HP102"));
  EXPECT_FALSE(has(reloaded, "HP002"));
  fs::remove_all(dir);
}

#include "lsp/workspace.hpp"

TEST(LspConfig, WorkspaceRereadsConfigurationWhenInvalidated) {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("baton-lsp-ws-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / ".baton.json") << R"({"rules": {"HP102": "off"}})";
  baton::lsp::Workspace workspace;
  auto& document = workspace.open("file://" + (dir / "x-handoff.md").string(), 1,
                                  "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\nProse.\n");
  document.path = (dir / "x-handoff.md").string();
  auto reports_hp102 = [&] {
    for (const auto& d : workspace.analysis(document).diagnostics) {
      if (d.rule->code == std::string_view("HP102")) return true;
    }
    return false;
  };
  EXPECT_FALSE(reports_hp102());
  std::ofstream(dir / ".baton.json") << R"({"rules": {}})";
  EXPECT_FALSE(reports_hp102()) << "cached until invalidated";
  workspace.invalidate_all();
  EXPECT_TRUE(reports_hp102());
  fs::remove_all(dir);
}

#include "lsp/links.hpp"
#include "lsp/settings.hpp"

TEST(LspSettings, EditorSettingsGoOverTheNearestBatonJson) {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("baton-lsp-settings-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / ".baton.json") << R"({"rules": {"HP102": "off", "HP103": "warning"}})";
  std::ofstream(dir / "other.json") << R"({"rules": {"HP103": "off"}})";
  baton::lsp::Workspace workspace;
  auto& document = workspace.open("file://" + (dir / "x-handoff.md").string(), 1,
                                  "## SECTION 0: MANDATORY FIRST ACTIONS\n\n### 0.1 Workflow Restoration\n\n"
                                  "Continue the workflow.\n");
  auto severity_of = [&](std::string_view code) -> std::string {
    for (const auto& d : workspace.analysis(document).diagnostics) {
      if (d.rule->code == code) return std::string(baton::engine::to_string(d.severity));
    }
    return "none";
  };
  EXPECT_EQ(severity_of("HP102"), "none");
  EXPECT_EQ(severity_of("HP103"), "warning");
  // enable over the configuration's "off"; ignore over everything.
  auto parsed = parse_editor_settings(json::parse(R"({"baton": {"enable": ["HP102"], "ignore": "HP103"}})"),
                                      dir.string());
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_TRUE(workspace.set_settings(parsed.settings));
  EXPECT_EQ(severity_of("HP102"), "error");
  EXPECT_EQ(severity_of("HP103"), "none");
  EXPECT_FALSE(workspace.set_settings(parsed.settings)) << "unchanged settings keep the lints";
  // configPath, relative to the workspace root, replaces the nearest .baton.json.
  parsed = parse_editor_settings(json::parse(R"({"configPath": "other.json"})"), dir.string());
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front();
  EXPECT_EQ(parsed.settings.config_path, (dir / "other.json").string());
  workspace.set_settings(parsed.settings);
  EXPECT_EQ(severity_of("HP102"), "error");
  EXPECT_EQ(severity_of("HP103"), "none");
  // A forced profile: no Section 0 rule under implementation-prompt.
  workspace.set_settings(parse_editor_settings(json::parse(R"({"profile": "implementation-prompt"})"), "").settings);
  EXPECT_EQ(severity_of("HP102"), "none");
  fs::remove_all(dir);
}

TEST(LspSettings, BadValuesAreProblemsAndLeftOut) {
  const auto parsed = parse_editor_settings(
      json::parse(R"({"select": ["HP1", "nope"], "ignore": 3, "profile": "spellbook-handoff"})"), "");
  EXPECT_EQ(parsed.settings.rules.select, std::vector<std::string>{"HP1"});
  EXPECT_TRUE(parsed.settings.rules.ignore.empty());
  EXPECT_EQ(parsed.settings.profile, "spellbook-handoff");
  EXPECT_EQ(parsed.problems,
            (std::vector<std::string>{
                "baton setting 'ignore' must be an array of rule codes or names, or one comma-separated string",
                "baton setting 'select': unknown rule 'nope'"}));
  EXPECT_TRUE(parse_editor_settings(json(), "").problems.empty());
  EXPECT_TRUE(parse_editor_settings(json("text"), "").problems.empty());
}

TEST(DocumentLinks, ReadCallsAndPathCellsOfFilesThatExist) {
  const std::string text =
      "# Plan\n\n| Document | Path |\n|---|---|\n| plan | `/srv/a b/plan.md` |\n| notes | /srv/notes.md (old) |\n"
      "| gone | /srv/gone.md |\n| rel | docs/x.md |\n\n```\nRead('/srv/read me.md')  # first\n```\n";
  const auto analysis = lint_open_document("/t/x.md", text);
  const auto links = document_links(analysis, PositionEncoding::utf16,
                                    [](std::string_view path) { return path != "/srv/gone.md"; });
  ASSERT_EQ(links.size(), 3u) << links.dump();
  EXPECT_EQ(links[0]["target"], "file:///srv/a%20b/plan.md");
  EXPECT_EQ(links[0]["range"]["start"], json({{"line", 4}, {"character", 10}}));
  EXPECT_EQ(links[0]["range"]["end"], json({{"line", 4}, {"character", 26}}));
  EXPECT_EQ(links[1]["target"], "file:///srv/notes.md");
  EXPECT_EQ(links[1]["range"]["end"], json({{"line", 5}, {"character", 23}}));
  EXPECT_EQ(links[2]["target"], "file:///srv/read%20me.md");
  EXPECT_EQ(links[2]["range"]["start"], json({{"line", 10}, {"character", 6}}));
  EXPECT_EQ(path_to_uri("/a/\xc3\xa9.md"), "file:///a/%C3%A9.md");
}
