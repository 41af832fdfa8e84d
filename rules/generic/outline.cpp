#include "rules/generic/outline.hpp"

#include <algorithm>

#include "document/text_scan.hpp"
#include "engine/handoff_keywords.hpp"

namespace baton::rules::generic {

namespace {

// LintCache keeps one value per type.
struct Outline {
  std::vector<OutlineSection> sections;
};

std::vector<OutlineSection> compute_outline(const doc::Document& document) {
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

const std::vector<OutlineSection>& outline(engine::RuleContext& context) {
  return context.cache()
      .get<Outline>([&] { return Outline{compute_outline(context.document())}; })
      .sections;
}

bool has_content(const doc::Document& document, source::TextRange range) {
  // Blocks are in source order: start at the first that begins in the range.
  const auto blocks = document.blocks();
  auto it = std::lower_bound(
      blocks.begin(), blocks.end(), range.begin,
      [](const doc::Block& block, std::uint32_t offset) { return block.range.begin < offset; });
  for (; it != blocks.end() && it->range.begin < range.end; ++it) {
    if (it->kind != doc::BlockKind::heading && !comment_only(document, *it))
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
