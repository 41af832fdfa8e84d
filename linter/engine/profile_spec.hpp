#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "source/text_range.hpp"

namespace baton::doc {
class Document;
}

namespace baton::engine {

// A heading pattern: an ECMAScript regular expression, case-insensitive,
// searched in a heading's title text (anchor it with ^ and $ to match all of it).
// Titles longer than 1 KiB match nothing.
struct HeadingPattern {
  std::string source;
  std::regex regex;

  bool matches(std::string_view text) const;
};

// The pattern, or a message saying why it is not a valid regular expression.
std::variant<HeadingPattern, std::string> compile_heading_pattern(std::string_view source);
// A pattern matching exactly this title (case-insensitive, surrounding blanks allowed).
HeadingPattern literal_heading_pattern(std::string_view title);

// One section of a profile defined as data.
struct SectionSpec {
  std::string name;          // as messages show it: "Resume At"
  HeadingPattern heading;    // matches the section's heading title
  std::optional<int> level;  // heading level 1-6; any level when absent
  bool required = true;
  // Texts that say on purpose that the section is empty ("None"): the whole
  // content of the section, case-insensitive, optionally as one list item.
  std::vector<std::string> empty_markers;
  // The section must hold at least one call with one of these names ("*": any call).
  std::vector<std::string> calls;
  // Every path the section names must be absolute, and every list item and
  // table row must name one.
  bool absolute_paths = false;
};

// A handoff format as data: how to recognise it and which sections it needs.
// The built-in spellbook-develop profile and the profiles a team defines in
// `.baton.json` ("profile_definitions") are both ProfileSpecs; the generic
// rules HP801-HP805 check a document against the active one.
struct ProfileSpec {
  std::string name;
  std::string description;
  std::vector<std::string> file_globs;  // detection by path, relative to the config's directory
  std::optional<HeadingPattern> title;  // detection by the document's first heading
  bool ordered = true;                  // the sections must appear in the order given
  std::vector<SectionSpec> sections;
};

using ProfileSpecPtr = std::shared_ptr<const ProfileSpec>;

// The built-in spellbook-develop profile: the light handoff of spellbook's
// develop workflow (`# Handoff: <slug>`, Resume At ... Next Dispatch).
const ProfileSpecPtr& spellbook_develop_spec();

// The definition with this name, or nullptr.
ProfileSpecPtr find_definition(std::span<const ProfileSpecPtr> definitions, std::string_view name);

// A section of the document that a spec section matched.
struct MatchedSection {
  std::size_t spec_index = 0;  // into ProfileSpec::sections
  std::size_t heading = 0;     // into Document::headings()
  source::TextRange body;      // to the next heading of the same or a higher level
};

// The sections of the document that the spec names, in document order. The
// title heading (the first heading, when the spec has a title pattern it
// matches) is never a section. A heading matches the first spec section whose
// level and pattern fit; a section matched twice keeps both entries.
std::vector<MatchedSection> match_sections(const doc::Document& document, const ProfileSpec& spec);

// True when the document's first heading matches the spec's title pattern
// and at least one of the spec's sections is present.
bool spec_detects(const doc::Document& document, const ProfileSpec& spec);

}  // namespace baton::engine
