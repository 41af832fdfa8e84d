#include "rules/safety/hidden.hpp"

#include <algorithm>

#include "document/text_scan.hpp"

namespace baton::rules::safety {

namespace {

using source::TextRange;

// Comment keywords of baton's directives and markers, and of its fixtures.
constexpr std::string_view baton_comment_prefixes[] = {"baton-", "expect:", "expect@",
                                                       "expect-no-diagnostics", "fixture-"};

// Titles and definitions longer than this are not looked for further: the
// scan stays linear on hostile input.
constexpr std::size_t max_title = 4096;

// True when a range of `ranges` (sorted by begin, not nested) holds `offset`.
bool in_any(const std::vector<TextRange>& ranges, std::uint32_t offset) {
  const auto after =
      std::upper_bound(ranges.begin(), ranges.end(), offset,
                       [](std::uint32_t at, const TextRange& r) { return at < r.begin; });
  return after != ranges.begin() && std::prev(after)->contains(offset);
}

bool is_baton_comment(std::string_view content) {
  const auto trimmed = doc::trim(content);
  for (const auto prefix : baton_comment_prefixes) {
    if (trimmed.starts_with(prefix))
      return true;
  }
  return false;
}

// Blocks whose text is not markdown inline content: indented code and raw HTML.
std::vector<TextRange> literal_blocks(const doc::Document& document) {
  std::vector<TextRange> ranges;
  for (const auto& block : document.blocks()) {
    if (block.kind == doc::BlockKind::indented_code || block.kind == doc::BlockKind::html)
      ranges.push_back(block.range);
  }
  return ranges;
}

class Scanner {
 public:
  explicit Scanner(const doc::Document& document)
      : document_(document), text_(document.source().text()), literal_(literal_blocks(document)) {}

  bool literal(std::uint32_t offset) const {
    return document_.in_code(offset) || document_.in_comment(offset) || in_any(literal_, offset);
  }

  // A title: "…", '…' or (…) starting at `at`; its end (after the closing
  // delimiter) or npos. It may run over lines but not over a blank line.
  std::size_t title_end(std::size_t at) const {
    if (at >= text_.size())
      return std::string_view::npos;
    const char open = text_[at];
    const char close = open == '(' ? ')' : open;
    if (open != '"' && open != '\'' && open != '(')
      return std::string_view::npos;
    for (auto i = at + 1; i < text_.size() && i - at < max_title; ++i) {
      if (text_[i] == '\\') {
        ++i;
      } else if (text_[i] == close) {
        return i + 1;
      } else if (text_[i] == '\n' && blank_line_at(i + 1)) {
        return std::string_view::npos;
      }
    }
    return std::string_view::npos;
  }

  // Inline links and images: `](destination "title")`.
  void link_titles(std::vector<HiddenText>& found) const {
    for (auto at = text_.find("]("); at != std::string_view::npos; at = text_.find("](", at + 2)) {
      if (literal(static_cast<std::uint32_t>(at)))
        continue;
      auto i = skip_blanks(at + 2);
      // A destination never holds "](", so no byte is scanned for two links.
      if (i < text_.size() && text_[i] == '<') {
        while (i < text_.size() && text_[i] != '>' && text_[i] != '\n' && text_[i] != ']')
          ++i;
        if (i >= text_.size() || text_[i] != '>')
          continue;
        ++i;
      } else {
        int depth = 0;
        while (i < text_.size() && !doc::is_space(text_[i]) && text_[i] != ']' &&
               i - at < max_title) {
          if (text_[i] == '(')
            ++depth;
          if (text_[i] == ')' && depth-- == 0)
            break;
          ++i;
        }
      }
      i = skip_space_and_one_newline(i);
      const auto end = title_end(i);
      if (end == std::string_view::npos)
        continue;
      const auto close = skip_space_and_one_newline(end);
      if (close >= text_.size() || text_[close] != ')')
        continue;
      found.push_back({HiddenKind::link_title,
                       {static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(end - 1)}});
    }
  }

  // Link reference definitions: `[label]: destination "title"` at the start
  // of a line (behind block quote markers), not inside a paragraph.
  void link_definitions(std::vector<HiddenText>& found) const {
    const auto& source = document_.source();
    std::vector<TextRange> paragraphs;
    for (const auto& block : document_.blocks()) {
      if (block.kind == doc::BlockKind::paragraph)
        paragraphs.push_back(block.range);
    }
    bool may_start = true;  // the previous line did not continue a paragraph
    for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
      const auto range = source.line_range(line);
      auto at = static_cast<std::size_t>(range.begin);
      while (at < range.end && (text_[at] == '>' || doc::is_blank(text_[at])))
        ++at;
      auto rest = text_.substr(at, range.end - at);
      while (!rest.empty() && rest.back() == '\r')
        rest.remove_suffix(1);
      const bool blank = rest.empty();
      std::size_t end = 0;
      if (may_start && !blank && rest.front() == '[' && !literal(static_cast<std::uint32_t>(at))) {
        end = definition_end(at, range.end);
      }
      if (end != 0) {
        found.push_back({HiddenKind::link_definition,
                         {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)}});
        while (line < source.line_count() && source.line_range(line + 1).begin < end)
          ++line;
      }
      may_start = blank || end != 0 || !in_any(paragraphs, range.begin);
    }
  }

 private:
  std::size_t skip_blanks(std::size_t at) const {
    while (at < text_.size() && doc::is_blank(text_[at]))
      ++at;
    return at;
  }
  std::size_t skip_space_and_one_newline(std::size_t at) const {
    at = skip_blanks(at);
    if (at < text_.size() && text_[at] == '\r')
      ++at;
    if (at < text_.size() && text_[at] == '\n')
      at = skip_blanks(at + 1);
    return at;
  }
  bool blank_line_at(std::size_t at) const {
    while (at < text_.size() && (doc::is_blank(text_[at]) || text_[at] == '\r' || text_[at] == '>'))
      ++at;
    return at >= text_.size() || text_[at] == '\n';
  }
  // The end of the definition whose '[' is at `at` on a line ending at
  // `line_end`, or 0 when it is not one.
  std::size_t definition_end(std::size_t at, std::size_t line_end) const {
    auto i = at + 1;
    if (i < line_end && text_[i] == '^')
      return 0;  // a footnote, which is rendered
    while (i < line_end && text_[i] != ']' && i - at < max_title) {
      if (text_[i] == '[')
        return 0;
      if (text_[i] == '\\')
        ++i;
      ++i;
    }
    if (i + 1 >= line_end || text_[i] != ']' || text_[i + 1] != ':' ||
        doc::trim(text_.substr(at + 1, i - at - 1)).empty()) {
      return 0;
    }
    i = skip_space_and_one_newline(i + 2);
    const auto destination = i;
    while (i < text_.size() && !doc::is_space(text_[i]))
      ++i;
    if (i == destination)
      return 0;
    auto destination_end = i;
    i = skip_blanks(i);
    const bool at_line_end = i >= text_.size() || text_[i] == '\n' || text_[i] == '\r';
    const auto title_begin = at_line_end ? skip_space_and_one_newline(i) : i;
    if (const auto end = title_end(title_begin); end != std::string_view::npos) {
      const auto after = skip_blanks(end);
      if (after >= text_.size() || text_[after] == '\n' || text_[after] == '\r')
        return end;
    }
    // No title: the destination must end its line.
    return at_line_end ? destination_end : 0;
  }

  const doc::Document& document_;
  std::string_view text_;
  std::vector<TextRange> literal_;
};

}  // namespace

HiddenTexts find_hidden_texts(const doc::Document& document) {
  HiddenTexts hidden;
  for (const auto& comment : document.html_comments()) {
    hidden.items.push_back({HiddenKind::html_comment, comment.content,
                            is_baton_comment(document.text(comment.content))});
  }
  const Scanner scanner(document);
  scanner.link_titles(hidden.items);
  scanner.link_definitions(hidden.items);
  std::stable_sort(
      hidden.items.begin(), hidden.items.end(),
      [](const HiddenText& a, const HiddenText& b) { return a.content.begin < b.content.begin; });
  return hidden;
}

const HiddenTexts& hidden_texts(const engine::RuleContext& context) {
  return context.cache().get<HiddenTexts>([&] { return find_hidden_texts(context.document()); });
}

std::string_view hidden_kind_name(HiddenKind kind) {
  switch (kind) {
    case HiddenKind::html_comment:
      return "an HTML comment";
    case HiddenKind::link_title:
      return "a link title";
    case HiddenKind::link_definition:
      return "a link reference definition";
  }
  return "hidden text";
}

const HiddenText* hidden_at(const HiddenTexts& hidden, std::uint32_t offset) {
  const auto after = std::upper_bound(
      hidden.items.begin(), hidden.items.end(), offset,
      [](std::uint32_t at, const HiddenText& item) { return at < item.content.begin; });
  if (after == hidden.items.begin())
    return nullptr;
  const auto& item = *std::prev(after);
  return offset < item.content.end ? &item : nullptr;
}

}  // namespace baton::rules::safety
