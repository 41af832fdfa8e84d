#include "engine/glob.hpp"

#include <vector>

namespace baton::engine {

namespace {

// Iterative wildcard match within one segment (no '/' on either side).
bool match_segment(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void split(std::string_view text, std::vector<std::string_view>& parts) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto slash = text.find('/', start);
    const auto end = slash == std::string_view::npos ? text.size() : slash;
    if (end > start) parts.push_back(text.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
}

// Segment-wise match with backtracking over `**`; the table keeps it
// polynomial whatever the pattern.
bool match_segments(const std::vector<std::string_view>& pattern,
                    const std::vector<std::string_view>& path) {
  const auto rows = pattern.size() + 1;
  const auto columns = path.size() + 1;
  std::vector<char> table(rows * columns, 0);
  auto at = [&](std::size_t i, std::size_t j) -> char& { return table[i * columns + j]; };
  at(pattern.size(), path.size()) = 1;
  for (std::size_t i = pattern.size(); i-- > 0;) {
    for (std::size_t j = path.size() + 1; j-- > 0;) {
      if (pattern[i] == "**") {
        at(i, j) = at(i + 1, j) || (j < path.size() && at(i, j + 1));
      } else {
        at(i, j) = j < path.size() && match_segment(pattern[i], path[j]) && at(i + 1, j + 1);
      }
    }
  }
  return at(0, 0) != 0;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (path.starts_with("./")) path.remove_prefix(2);
  std::vector<std::string_view> segments;
  if (pattern.find('/') == std::string_view::npos) segments.push_back("**");
  split(pattern, segments);
  std::vector<std::string_view> parts;
  split(path, parts);
  return match_segments(segments, parts);
}

}  // namespace baton::engine
