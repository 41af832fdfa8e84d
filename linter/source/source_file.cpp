#include "source/source_file.hpp"

#include <algorithm>
#include <cstring>

namespace baton::source {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.reserve(text_.size() / 48 + 1);
  line_starts_.push_back(0);
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* at = begin; at < end;) {
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
    if (newline == nullptr) break;
    line_starts_.push_back(static_cast<std::uint32_t>(newline - begin + 1));
    at = newline + 1;
  }
  // A final "\n" ends the last line rather than starting an empty one.
  if (line_starts_.size() > 1 && line_starts_.back() == text_.size()) line_starts_.pop_back();
}

std::string_view SourceFile::slice(TextRange range) const {
  const auto begin = std::min<std::uint32_t>(range.begin, size());
  const auto end = std::clamp<std::uint32_t>(range.end, begin, size());
  return std::string_view(text_).substr(begin, end - begin);
}

std::uint32_t SourceFile::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return size();
  return line_starts_[line - 1];
}

TextRange SourceFile::line_range(std::uint32_t line) const {
  const auto begin = line_start(line);
  auto end = line < line_starts_.size() ? line_starts_[line] : size();
  if (end > begin && text_[end - 1] == '\n') --end;
  if (end > begin && text_[end - 1] == '\r') --end;
  return {begin, end};
}

std::uint32_t SourceFile::offset_of(Position position) const {
  const auto line = line_range(position.line);
  const auto column = position.column == 0 ? 0 : position.column - 1;
  return std::min<std::uint32_t>(line.begin + column, line.end);
}

std::uint32_t SourceFile::line_of(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

Position SourceFile::position_of(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const auto line = line_of(offset);
  return {line, offset - line_starts_[line - 1] + 1};
}

std::uint32_t SourceFile::codepoint_column(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const auto line = line_of(offset);
  auto start = line_starts_[line - 1];
  std::uint32_t counted = 0;
  auto& cache = column_cache_;
  // Continue from the cached point when it is on this line, before `offset`,
  // and on a character boundary (so the count stays exact).
  const bool boundary = cache.offset >= size() ||
                        (static_cast<unsigned char>(text_[cache.offset]) & 0xC0) != 0x80;
  if (cache.line == line && cache.offset <= offset && cache.offset >= start && boundary) {
    start = cache.offset;
    counted = cache.codepoints;
  }
  counted += count_codepoints(std::string_view(text_).substr(start, offset - start));
  cache = {line, offset, counted};
  return counted + 1;
}

std::uint32_t count_codepoints(std::string_view text) {
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    bool well_formed = i + length <= text.size();
    for (std::size_t k = 1; well_formed && k < length; ++k) {
      well_formed = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    i += well_formed ? length : 1;
    ++count;
  }
  return count;
}

}  // namespace baton::source
