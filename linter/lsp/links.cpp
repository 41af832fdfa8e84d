#include "lsp/links.hpp"

#include <algorithm>
#include <vector>

#include "document/text_scan.hpp"
#include "rules/support.hpp"
#include "source/unicode.hpp"

namespace baton::lsp {

std::string path_to_uri(std::string_view path) {
  return "file://" + source::percent_encode_path(path);
}

json document_links(const Analysis& analysis, PositionEncoding encoding,
                    const std::function<bool(std::string_view path)>& exists) {
  const auto& document = analysis.document;
  const PositionMapper mapper(document.source(), encoding);
  struct Link {
    source::TextRange range;
    std::string path;
  };
  std::vector<Link> links;
  for (const auto& located : document.calls()) {
    const auto& call = located.call;
    if (call.name != "Read" || call.arguments.empty())
      continue;
    const auto& value = call.arguments.front().value;
    if (value.kind != grammar::Value::Kind::string || !value.text.starts_with('/'))
      continue;
    auto range = value.range;
    // The link covers the path, not its quotes.
    if (value.quote != 0 && range.end - range.begin >= 2)
      range = {range.begin + 1, range.end - 1};
    links.push_back({range, value.text});
  }
  const source::TextRange whole{0, static_cast<std::uint32_t>(document.source().text().size())};
  for (const auto& cell : rules::support::table_paths(document, whole)) {
    // A code span holds the path whole; a plain cell may add words after it
    // ("/a/plan.md (approved)").
    const auto text = doc::trim(cell.path);
    if (!text.starts_with('/'))
      continue;
    const bool code_span =
        cell.range.begin > 0 && document.source().text()[cell.range.begin - 1] == '`';
    const auto path =
        code_span ? text : text.substr(0, std::min(text.find_first_of(" \t"), text.size()));
    const auto begin =
        cell.range.begin + static_cast<std::uint32_t>(text.data() - cell.path.data());
    links.push_back({{begin, begin + static_cast<std::uint32_t>(path.size())}, std::string(path)});
  }
  std::stable_sort(links.begin(), links.end(),
                   [](const Link& a, const Link& b) { return a.range.begin < b.range.begin; });
  json result = json::array();
  for (const auto& link : links) {
    if (!exists(link.path))
      continue;
    result.push_back({{"range", mapper.range(link.range)},
                      {"target", path_to_uri(link.path)},
                      {"tooltip", "Open " + link.path}});
  }
  return result;
}

}  // namespace baton::lsp
