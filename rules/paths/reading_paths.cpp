#include "rules/paths/reading_paths.hpp"

#include "rules/generic/outline.hpp"
#include "rules/support.hpp"

namespace baton::rules::support {

std::vector<NamedPath> reading_section_paths(engine::RuleContext& context) {
  const auto& document = context.document();
  std::vector<NamedPath> paths;
  std::uint32_t covered = 0;  // a subsection of a reading section is read once
  for (const auto& section : generic::outline(context)) {
    if (section.reading_keyword.empty() || section.body.begin < covered)
      continue;
    covered = section.body.end;
    for (const auto* code : doc::Document::within(document.inline_code(), section.body)) {
      auto path = doc::trim(document.text(code->content));
      // "src/parser.ts:88" names a line of the file.
      const auto colon = path.find(':');
      const auto file = colon == std::string_view::npos ? path : path.substr(0, colon);
      // A bare "parser.ts" may be a file or a name; only paths with a directory count.
      if (file.empty() || !looks_like_path(file) || file.find('/') == std::string_view::npos)
        continue;
      const auto begin = static_cast<std::uint32_t>(file.data() - document.source().text().data());
      paths.push_back(
          {file, {begin, static_cast<std::uint32_t>(begin + file.size())}, section.heading});
    }
  }
  return paths;
}

}  // namespace baton::rules::support
