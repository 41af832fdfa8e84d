#include "rules/generic/outline.hpp"

#include "document/text_scan.hpp"
#include "engine/handoff_keywords.hpp"

namespace baton::rules::generic {

std::vector<OutlineSection> outline(const doc::Document& document) {
  const auto headings = document.headings();
  const auto end = static_cast<std::uint32_t>(document.source().size());
  std::vector<OutlineSection> sections;
  sections.reserve(headings.size());
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const auto& heading = headings[i];
    auto body_end = end;
    for (std::size_t j = i + 1; j < headings.size(); ++j) {
      if (headings[j].level <= heading.level) {
        body_end = headings[j].range.begin;
        break;
      }
    }
    const auto own_end = i + 1 < headings.size() ? headings[i + 1].range.begin : end;
    const auto title = document.text(heading.text);
    sections.push_back({&heading,
                        {heading.range.end, body_end},
                        {heading.range.end, own_end},
                        engine::keywords::resume_keyword(title),
                        engine::keywords::reading_keyword(title)});
  }
  return sections;
}

namespace {

bool comment_only(const doc::Document& document, const doc::Block& block) {
  if (block.kind != doc::BlockKind::html)
    return false;
  auto text = doc::trim(document.text(block.range));
  while (text.starts_with("<!--")) {
    const auto close = text.find("-->");
    if (close == std::string_view::npos)
      return false;
    text = doc::trim(text.substr(close + 3));
  }
  return text.empty();
}

}  // namespace

bool has_content(const doc::Document& document, source::TextRange range) {
  for (const auto& block : document.blocks()) {
    if (block.range.begin < range.begin)
      continue;
    if (block.range.begin >= range.end)
      break;
    if (block.kind == doc::BlockKind::heading || comment_only(document, block))
      continue;
    return true;
  }
  return false;
}

std::vector<const doc::ListItem*> top_level_items(const doc::Document& document,
                                                  source::TextRange range) {
  std::vector<const doc::ListItem*> items;
  for (const auto* item : doc::Document::within(document.list_items(), range)) {
    if (!items.empty() && items.back()->range.contains(item->range))
      continue;
    items.push_back(item);
  }
  return items;
}

}  // namespace baton::rules::generic
