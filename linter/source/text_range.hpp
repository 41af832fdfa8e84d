#pragma once

#include <cstdint>

namespace baton::source {

// Half-open byte range [begin, end) into a SourceFile's text.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  constexpr std::uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  constexpr bool contains(TextRange other) const {
    return other.begin >= begin && other.end <= end;
  }
  friend constexpr bool operator==(TextRange, TextRange) = default;
};

// 1-based line and 1-based byte column.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend constexpr bool operator==(Position, Position) = default;
  friend constexpr auto operator<=>(Position, Position) = default;
};

}  // namespace baton::source
