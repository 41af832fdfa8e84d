#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/profile_spec.hpp"
#include "engine/rule_context.hpp"

// What the rules of profiles defined as data (HP801-HP805) share: the active
// spec's sections found in the document and what each holds.
namespace baton::rules::spec {

// What a section's body holds, HTML comments aside.
enum class Content { blank, marker, text };

struct FoundSection {
  const engine::SectionSpec* spec;
  const doc::Heading* heading;
  source::TextRange body;
  Content content;
};

// The spec's sections in document order (the first occurrence of each).
std::vector<FoundSection> found_sections(const doc::Document& document,
                                         const engine::ProfileSpec& spec);

// How to write the section's heading: "## Resume At".
std::string heading_example(const engine::SectionSpec& section);

// "None" or "None", "N/A": the accepted markers, quoted, for messages.
std::string marker_list(const engine::SectionSpec& section);

// Where a spec-rule reports about the whole document: the title heading, else the first line.
source::TextRange document_anchor(const doc::Document& document);

}  // namespace baton::rules::spec
