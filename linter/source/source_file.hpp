#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.hpp"

namespace baton::source {

// The text of one input plus a line index. Lines end at "\n"; a trailing "\r"
// belongs to the line terminator, so CRLF files get the same columns as LF ones.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(TextRange range) const;

  std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

  // Byte range of a 1-based line, without its terminator ("\n" or "\r\n").
  TextRange line_range(std::uint32_t line) const;
  std::string_view line_text(std::uint32_t line) const { return slice(line_range(line)); }
  // Offset of the first byte of a 1-based line.
  std::uint32_t line_start(std::uint32_t line) const;
  // Offset of a 1-based line and 1-based byte column, clamped to the text.
  std::uint32_t offset_of(Position position) const;

  Position position_of(std::uint32_t offset) const;
  std::uint32_t line_of(std::uint32_t offset) const;
  // 1-based column counted in Unicode code points (invalid bytes count as one
  // each). Not thread-safe: it caches the last answer.
  std::uint32_t codepoint_column(std::uint32_t offset) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  // The last code-point column computed: renderers ask in offset order, so
  // counting on from here keeps many findings on one long line linear.
  struct ColumnCache {
    std::uint32_t line = 0;
    std::uint32_t offset = 0;
    std::uint32_t codepoints = 0;
  };
  mutable ColumnCache column_cache_;
};

// Number of code points in a UTF-8 byte string; a byte that does not start a
// well-formed sequence counts as one.
std::uint32_t count_codepoints(std::string_view text);

}  // namespace baton::source
