#include "rules/profile/spec_sections.hpp"

#include <fmt/format.h>

#include "document/text_scan.hpp"

namespace baton::rules::spec {

namespace {

// The body without HTML comments, trimmed.
std::string visible_text(const doc::Document& document, source::TextRange body) {
  std::string text;
  auto at = body.begin;
  for (const auto* comment : doc::Document::within(document.html_comments(), body)) {
    text += document.text({at, comment->range.begin});
    at = comment->range.end;
  }
  text += document.text({at, body.end});
  return std::string(doc::trim(text));
}

Content classify(const doc::Document& document, const engine::SectionSpec& section,
                 source::TextRange body) {
  const auto text = visible_text(document, body);
  if (text.empty())
    return Content::blank;
  // A marker may stand alone or as the one item of a list, with a full stop.
  std::string_view word = text;
  if (word.size() > 2 && (word[0] == '-' || word[0] == '*' || word[0] == '+') &&
      doc::is_blank(word[1])) {
    word = doc::trim(word.substr(2));
  }
  if (!word.empty() && word.back() == '.')
    word.remove_suffix(1);
  for (const auto& marker : section.empty_markers) {
    if (doc::iequals(doc::trim(word), doc::trim(marker)))
      return Content::marker;
  }
  return Content::text;
}

}  // namespace

std::vector<FoundSection> found_sections(const doc::Document& document,
                                         const engine::ProfileSpec& spec) {
  std::vector<FoundSection> found;
  std::vector<bool> seen(spec.sections.size(), false);
  for (const auto& match : engine::match_sections(document, spec)) {
    if (seen[match.spec_index])
      continue;
    seen[match.spec_index] = true;
    const auto& section = spec.sections[match.spec_index];
    found.push_back({&section, &document.headings()[match.heading], match.body,
                     classify(document, section, match.body)});
  }
  return found;
}

std::string heading_example(const engine::SectionSpec& section) {
  return fmt::format("{} {}", std::string(static_cast<std::size_t>(section.level.value_or(2)), '#'),
                     section.name);
}

std::string marker_list(const engine::SectionSpec& section) {
  std::string list;
  for (std::size_t i = 0; i < section.empty_markers.size(); ++i) {
    if (i > 0)
      list += i + 1 == section.empty_markers.size() ? " or " : ", ";
    list += fmt::format("`{}`", section.empty_markers[i]);
  }
  return list;
}

source::TextRange document_anchor(const doc::Document& document) {
  if (!document.headings().empty())
    return document.headings().front().range;
  const auto& source = document.source();
  return source.line_count() > 0 ? source.line_range(1) : source::TextRange{};
}

}  // namespace baton::rules::spec
