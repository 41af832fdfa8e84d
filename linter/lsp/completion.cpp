#include "lsp/completion.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <string_view>

#include "rules/layout.hpp"

namespace baton::lsp {

namespace {

constexpr std::array<std::string_view, 5> markers = {
    "NO ACTIVE SKILL - proceed to 0.2", "NO DOCUMENTS TO READ", "NO TODOS TO RESTORE",
    "NO PLANNING DOCUMENTS", "NO DOCUMENTS TO RE-READ"};

// LSP CompletionItemKind values.
constexpr int kind_text = 1;
constexpr int kind_module = 9;

json item(std::string label, int kind, const Range& replace, std::size_t order) {
  char sort[16];
  std::snprintf(sort, sizeof sort, "%04zu", order);
  return {{"label", label},
          {"kind", kind},
          {"sortText", sort},
          {"filterText", label},
          {"textEdit", {{"range", replace}, {"newText", label}}}};
}

}  // namespace

json completion(const Analysis& analysis, PositionEncoding encoding, Position position) {
  const auto& source = analysis.document.source();
  const PositionMapper mapper(source, encoding);
  const auto offset = mapper.offset(position);
  const auto line = source.line_of(offset);
  const auto line_start = source.line_start(line);
  const auto prefix = source.text().substr(line_start, offset - line_start);
  auto items = json::array();
  if (analysis.document.in_code(offset))
    return items;

  std::size_t hashes = 0;
  while (hashes < prefix.size() && prefix[hashes] == '#')
    ++hashes;
  if (hashes >= 2 && hashes <= 4 && hashes < prefix.size() && prefix[hashes] == ' ') {
    const auto typed_from = line_start + static_cast<std::uint32_t>(hashes + 1);
    const Range replace{mapper.position(typed_from), position};
    std::size_t order = 0;
    for (const auto& entry : rules::layout::entries()) {
      items.push_back(item(rules::layout::display_name(entry), kind_module, replace, order++));
    }
    return items;
  }
  if (prefix.find_first_not_of(" \t") == std::string_view::npos && !prefix.empty() &&
      prefix.size() > 8)
    return items;  // indented code territory
  const auto first = prefix.find_first_not_of(" \t");
  const auto typed = first == std::string_view::npos ? std::string_view{} : prefix.substr(first);
  // Only at the start of a line of text, while it is still a prefix of a marker.
  for (char c : typed) {
    if (!(c == ' ' || c == '-' || c == '.' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          (c >= 'a' && c <= 'z')))
      return items;
  }
  const auto typed_from = line_start + static_cast<std::uint32_t>(
                                           first == std::string_view::npos ? prefix.size() : first);
  const Range replace{mapper.position(typed_from), position};
  std::size_t order = 0;
  for (auto marker : markers)
    items.push_back(item(std::string(marker), kind_text, replace, order++));
  return items;
}

}  // namespace baton::lsp
