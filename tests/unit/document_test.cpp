#include <gtest/gtest.h>

#include "document/document.hpp"

using namespace baton;
using doc::SectionKind;

namespace {

doc::Document build(std::string text) { return doc::build_document(source::SourceFile("t.md", std::move(text))); }

std::string_view text_of(const doc::Document& d, source::TextRange r) { return d.text(r); }

const char* const handoff = R"(# Title

## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```text
Skill("develop", "--resume Phase3")  # resume
```

### 0.2 Required Document Reads

Use `Read("/a.md")` and <!-- note --> text.

| Path | Why |
|------|-----|
| `/x/y.md` | plan \| spec |

- [ ] Skill invoked?
- [x] Todos restored?
1. numbered

## SECTION 1: SESSION CONTEXT

#### 1.1.1 Active Skill Stack

### Step 3.5: Workflow Restoration Test
)";

TEST(Document, SectionsAreRecognisedByNumber) {
  const auto d = build(handoff);
  ASSERT_EQ(d.sections().size(), 6u);
  EXPECT_EQ(d.sections()[0].kind, SectionKind::part);
  EXPECT_EQ(d.sections()[0].number, "0");
  EXPECT_EQ(text_of(d, d.sections()[0].title), "MANDATORY FIRST ACTIONS");
  EXPECT_EQ(d.sections()[1].number, "0.1");
  EXPECT_EQ(text_of(d, d.sections()[1].title), "Workflow Restoration (EXECUTE FIRST)");
  EXPECT_EQ(d.sections()[4].number, "1.1.1");
  EXPECT_EQ(d.sections()[5].kind, SectionKind::step);
  EXPECT_EQ(d.sections()[5].number, "3.5");
  EXPECT_EQ(text_of(d, d.sections()[5].title), "Workflow Restoration Test");
  ASSERT_NE(d.find_section(SectionKind::sub, "0.2"), nullptr);
  EXPECT_EQ(d.find_section(SectionKind::sub, "0.9"), nullptr);
}

TEST(Document, SectionBodiesRunToTheNextHeadingOfTheSameLevel) {
  const auto d = build(handoff);
  const auto* section0 = d.find_section(SectionKind::part, "0");
  const auto* section01 = d.find_section(SectionKind::sub, "0.1");
  const auto* section1 = d.find_section(SectionKind::part, "1");
  EXPECT_TRUE(section0->body.contains(d.heading_of(*section01).range));
  EXPECT_EQ(section0->body.end, d.heading_of(*section1).range.begin);
  const auto body01 = text_of(d, section01->body);
  EXPECT_NE(body01.find("Skill("), std::string_view::npos);
  EXPECT_EQ(body01.find("0.2"), std::string_view::npos);
}

TEST(Document, NotSectionNumbers) {
  const auto d = build("## 1. Introduction\n\n## 2026 plans\n\n## 1.2x thing\n\n## Stepping up\n\n## SECTION A\n");
  EXPECT_TRUE(d.sections().empty());
}

TEST(Document, FencesWithInfoAndCalls) {
  const auto d = build(handoff);
  ASSERT_EQ(d.fences().size(), 1u);
  const auto& fence = d.fences()[0];
  EXPECT_EQ(fence.info, "text");
  EXPECT_TRUE(fence.closed);
  EXPECT_EQ(text_of(d, fence.content), R"(Skill("develop", "--resume Phase3")  # resume)");
  ASSERT_EQ(d.calls().size(), 2u);
  const auto& skill = d.calls()[0];
  EXPECT_EQ(skill.site, doc::CallSite::fence);
  EXPECT_EQ(skill.call.name, "Skill");
  EXPECT_EQ(text_of(d, skill.call.range), R"(Skill("develop", "--resume Phase3"))");
  ASSERT_EQ(skill.call.arguments.size(), 2u);
  EXPECT_EQ(skill.call.arguments[1].value.text, "--resume Phase3");
  const auto& read = d.calls()[1];
  EXPECT_EQ(read.site, doc::CallSite::inline_code);
  EXPECT_EQ(text_of(d, read.call.range), R"(Read("/a.md"))");
}

TEST(Document, UnclosedFenceRunsToTheEnd) {
  const auto d = build("text\n\n```yaml\na: 1\nb: 2\n");
  ASSERT_EQ(d.fences().size(), 1u);
  EXPECT_FALSE(d.fences()[0].closed);
  EXPECT_EQ(d.fences()[0].info, "yaml");
  EXPECT_EQ(text_of(d, d.fences()[0].content), "a: 1\nb: 2");
}

TEST(Document, InlineCodeAndCommentsHaveExactRanges) {
  const auto d = build(handoff);
  ASSERT_EQ(d.html_comments().size(), 1u);
  EXPECT_EQ(text_of(d, d.html_comments()[0].range), "<!-- note -->");
  EXPECT_EQ(text_of(d, d.html_comments()[0].content), " note ");
  ASSERT_GE(d.inline_code().size(), 2u);
  EXPECT_EQ(text_of(d, d.inline_code()[0].range), "`Read(\"/a.md\")`");
  EXPECT_EQ(text_of(d, d.inline_code()[1].content), "/x/y.md");
  EXPECT_TRUE(d.in_comment(d.html_comments()[0].range.begin + 2));
  EXPECT_TRUE(d.in_code(d.inline_code()[0].range.begin + 1));
  EXPECT_FALSE(d.in_code(0));
}

TEST(Document, TablesSplitCellsOnUnescapedPipes) {
  const auto d = build(handoff);
  ASSERT_EQ(d.tables().size(), 1u);
  const auto& table = d.tables()[0];
  ASSERT_EQ(table.header.cells.size(), 2u);
  EXPECT_EQ(text_of(d, table.header.cells[0].content), "Path");
  ASSERT_EQ(table.rows.size(), 1u);
  ASSERT_EQ(table.rows[0].cells.size(), 2u);
  EXPECT_EQ(text_of(d, table.rows[0].cells[0].content), "`/x/y.md`");
  EXPECT_EQ(text_of(d, table.rows[0].cells[1].content), "plan \\| spec");
}

TEST(Document, ListItemsKnowTheirTaskState) {
  const auto d = build(handoff);
  ASSERT_EQ(d.list_items().size(), 3u);
  EXPECT_EQ(d.list_items()[0].checked, false);
  EXPECT_EQ(text_of(d, d.list_items()[0].content), "Skill invoked?");
  EXPECT_EQ(d.list_items()[1].checked, true);
  EXPECT_FALSE(d.list_items()[2].checked.has_value());
  EXPECT_EQ(text_of(d, d.list_items()[2].marker), "1.");
}

TEST(Document, FrontMatterIsNotAHeading) {
  const auto d = build("---\ntitle: x\n---\n# Title\n");
  ASSERT_TRUE(d.front_matter().has_value());
  EXPECT_EQ(d.headings().size(), 1u);
  EXPECT_EQ(text_of(d, d.headings()[0].text), "Title");
}

TEST(Document, BomAndCrlfKeepExactPositions) {
  const std::string lf = "## SECTION 0: MANDATORY FIRST ACTIONS\n\n```\nRead(\"/a\")\n```\n";
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (const auto& text : {"\xEF\xBB\xBF" + lf, crlf}) {
    const auto d = build(text);
    ASSERT_EQ(d.sections().size(), 1u);
    EXPECT_EQ(text_of(d, d.sections()[0].title), "MANDATORY FIRST ACTIONS");
    ASSERT_EQ(d.calls().size(), 1u);
    EXPECT_EQ(text_of(d, d.calls()[0].call.range), "Read(\"/a\")");
  }
}

TEST(Document, SetextAndClosedAtxHeadings) {
  const auto d = build("SECTION 2: CONTINUATION PROTOCOL\n---\n\n### 0.4 Checkpoint ###\n");
  ASSERT_EQ(d.headings().size(), 2u);
  EXPECT_TRUE(d.headings()[0].setext);
  EXPECT_EQ(text_of(d, d.headings()[0].text), "SECTION 2: CONTINUATION PROTOCOL");
  EXPECT_EQ(text_of(d, d.headings()[1].text), "0.4 Checkpoint");
}

TEST(Document, APlainTextBannerIsTitledByTheLineInsideIt) {
  // "=====" / title / "=====" parses as a setext heading whose first line is the rule.
  const auto d = build("====================\n6. MILESTONE 1 — STOREFRONT\n====================\n\nBody.\n");
  ASSERT_EQ(d.headings().size(), 1u);
  EXPECT_TRUE(d.headings()[0].setext);
  EXPECT_EQ(text_of(d, d.headings()[0].text), "6. MILESTONE 1 — STOREFRONT");
  // A title that is all rule characters but a single line keeps them.
  const auto only = build("Title\n=====\n");
  EXPECT_EQ(text_of(only, only.headings()[0].text), "Title");
}

TEST(Document, BlocksCarryDepth) {
  const auto d = build("- a\n  > b\n\npara\n");
  std::vector<std::pair<doc::BlockKind, int>> kinds;
  for (const auto& block : d.blocks()) kinds.emplace_back(block.kind, block.depth);
  const std::vector<std::pair<doc::BlockKind, int>> expected{
      {doc::BlockKind::list, 0}, {doc::BlockKind::item, 1}, {doc::BlockKind::paragraph, 2},
      {doc::BlockKind::block_quote, 2}, {doc::BlockKind::paragraph, 3}, {doc::BlockKind::paragraph, 0}};
  EXPECT_EQ(kinds, expected);
}

TEST(Document, CallErrorsOnlyFromFences) {
  const auto d = build("```\nSkill(\"x\n```\n\nSee `TodoWrite(` here.\n");
  ASSERT_EQ(d.call_errors().size(), 1u);
  EXPECT_EQ(d.call_errors()[0].call_name, "Skill");
}

}  // namespace
