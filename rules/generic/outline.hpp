#pragma once

#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

// The headings of a free-form handoff and what each section is for, by the
// keyword tables of engine/handoff_keywords.hpp.
namespace baton::rules::generic {

struct OutlineSection {
  const doc::Heading* heading = nullptr;
  // From the end of the heading to the next heading of the same or a higher
  // level: the section with its subsections.
  source::TextRange body;
  // Up to the next heading of any level: what the section says itself.
  source::TextRange own_body;
  std::string_view resume_keyword;   // "next steps", or "" when it is no resume section
  std::string_view reading_keyword;  // "key files", or ""
};

// Every heading's section, in document order; computed once per lint and
// shared by the rules that read it.
const std::vector<OutlineSection>& outline(engine::RuleContext& context);

// True when the range holds a block other than headings and HTML comments.
bool has_content(const doc::Document& document, source::TextRange range);

// The list items of `range` that are not nested in another list item of it.
std::vector<const doc::ListItem*> top_level_items(const doc::Document& document,
                                                  source::TextRange range);

}  // namespace baton::rules::generic
