#include <gtest/gtest.h>

#include "source/source_file.hpp"
#include "source/unicode.hpp"

using baton::source::Position;
using baton::source::SourceFile;
using baton::source::TextRange;

TEST(SourceFile, IndexesLinesAndPositions) {
  const SourceFile file("a.md", "ab\ncd\n\nef");
  EXPECT_EQ(file.line_count(), 4u);
  EXPECT_EQ(file.line_text(1), "ab");
  EXPECT_EQ(file.line_text(3), "");
  EXPECT_EQ(file.line_text(4), "ef");
  EXPECT_EQ(file.position_of(0), (Position{1, 1}));
  EXPECT_EQ(file.position_of(4), (Position{2, 2}));
  EXPECT_EQ(file.position_of(7), (Position{4, 1}));
  EXPECT_EQ(file.offset_of({2, 2}), 4u);
  EXPECT_EQ(file.offset_of({2, 99}), 5u) << "columns clamp to the line end";
  EXPECT_EQ(file.position_of(999), (Position{4, 3})) << "offsets clamp to the text end";
}

TEST(SourceFile, TrailingNewlineDoesNotAddALine) {
  EXPECT_EQ(SourceFile("a", "x\n").line_count(), 1u);
  EXPECT_EQ(SourceFile("a", "x\n\n").line_count(), 2u);
  EXPECT_EQ(SourceFile("a", "").line_count(), 1u);
}

TEST(SourceFile, CrlfLinesExcludeTheCarriageReturn) {
  const SourceFile file("a.md", "ab\r\ncd\r\n");
  EXPECT_EQ(file.line_text(1), "ab");
  EXPECT_EQ(file.line_range(2), (TextRange{4, 6}));
  EXPECT_EQ(file.position_of(4), (Position{2, 1}));
}

TEST(SourceFile, CodepointColumns) {
  // "é" is two bytes, "€" three, "😀" four.
  const SourceFile file("a.md", "é€😀x");
  EXPECT_EQ(file.codepoint_column(0), 1u);
  EXPECT_EQ(file.codepoint_column(2), 2u);
  EXPECT_EQ(file.codepoint_column(5), 3u);
  EXPECT_EQ(file.codepoint_column(9), 4u);
  EXPECT_EQ(baton::source::count_codepoints("\xff\xfe"), 2u) << "invalid bytes count one each";
}

TEST(SourceFile, SliceClampsOutOfRange) {
  const SourceFile file("a.md", "hello");
  EXPECT_EQ(file.slice({1, 3}), "el");
  EXPECT_EQ(file.slice({3, 99}), "lo");
  EXPECT_EQ(file.slice({99, 100}), "");
}

TEST(SourceFile, CodepointColumnsInAnyQueryOrder) {
  const SourceFile file("a.md", "x\né€😀a€b\nz");
  // Forward, backward, repeated and across lines: the cache never changes answers.
  const std::uint32_t offsets[] = {2, 4, 7, 11, 12, 15, 7, 2, 16, 17, 11, 3};
  for (auto offset : offsets) {
    const auto line = file.line_of(offset);
    const auto start = file.line_start(line);
    const auto expected = baton::source::count_codepoints(file.text().substr(start, offset - start)) + 1;
    EXPECT_EQ(file.codepoint_column(offset), expected) << "offset " << offset;
  }
}

TEST(Unicode, DecodeJsonEscapes) {
  using baton::source::decode_json_escapes;
  EXPECT_EQ(decode_json_escapes(""), "");
  EXPECT_EQ(decode_json_escapes("plain text, no escape"), "plain text, no escape");
  EXPECT_EQ(decode_json_escapes(R"(\"at start and end\")"), "\"at start and end\"");
  EXPECT_EQ(decode_json_escapes(R"(a\nb\tc\\d\/e\'f\bg\fh\ri)"), "a\nb\tc\\d/e'f\bg\fh\ri");
  EXPECT_EQ(decode_json_escapes(R"(caf\u00e9 \ud83d\ude00!)"), "caf\xC3\xA9 \xF0\x9F\x98\x80!");
  EXPECT_EQ(decode_json_escapes(R"(lone \ud800 and \udc00.)"), "lone \xEF\xBF\xBD and \xEF\xBF\xBD.");
  EXPECT_EQ(decode_json_escapes(R"(bad \uZZ12)"), "bad uZZ12");
  EXPECT_EQ(decode_json_escapes("ends with a backslash\\"), "ends with a backslash\\");
}
