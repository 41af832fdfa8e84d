#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "document/document.hpp"

// The spellbook boot-prompt layout as data: every numbered section baton
// knows, in document order, with its canonical title and known variants.
namespace baton::rules::layout {

using doc::SectionKind;

enum class Presence {
  required,          // must be there whenever its part is
  required_since_3,  // required in format_version 3.0; older layouts may stop before it
  optional,
};

struct Entry {
  SectionKind kind;
  std::string_view number;
  std::string_view title;  // canonical title, without its parenthesised suffix
  Presence presence = Presence::required;
  std::array<std::string_view, 3> variants{};  // historical titles accepted silently
  // A dedicated rule reports this section when it holds nothing, so
  // section-blank leaves it alone.
  bool own_blank_rule = false;
  // May come before the previous entry (1.25 before 1.24 in the 2026-02 layout).
  bool any_order_with_previous = false;
};

std::span<const Entry> entries();
const Entry* find(SectionKind kind, std::string_view number);

// The part a section belongs to ("0" for 0.3, "2" for every step) and the
// section it must sit inside ("SECTION 0" for 0.3, "1.1" for 1.1.1).
std::string_view part_of(const Entry& entry);
const Entry* parent_of(const Entry& entry);

// "SECTION 0", "0.1", "Step 3.5"
std::string display_number(SectionKind kind, std::string_view number);
// "SECTION 0: MANDATORY FIRST ACTIONS", "0.1 Workflow Restoration", "Step 7: Re-Read ..."
std::string display_name(const Entry& entry);

// The layout version the document declares in its 1.20 YAML
// (`format_version: "2.0"`); "3.0", the newest, when it declares none.
std::string layout_version(const doc::Document& document);

// Whether this document must contain the entry: Section 0's required
// subsections always; a part's subsections and steps when the part is there.
bool is_required(const Entry& entry, const doc::Document& document, std::string_view version);

// True when any section of this part (its heading or a child) is present.
bool part_present(const doc::Document& document, std::string_view part);

}  // namespace baton::rules::layout
