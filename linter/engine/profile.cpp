#include "engine/profile.hpp"

#include "document/document.hpp"
#include "document/text_scan.hpp"

namespace baton::engine {

namespace {

constexpr std::string_view profile_marker = "baton-profile";

// Titles of the three parts of a spellbook boot prompt.
constexpr std::string_view spellbook_part_titles[] = {
    "MANDATORY FIRST ACTIONS", "SESSION CONTEXT", "CONTINUATION PROTOCOL"};

}  // namespace

std::string_view to_string(Profile profile) {
  switch (profile) {
    case Profile::unknown:
      return "unknown";
    case Profile::spellbook_handoff:
      return "spellbook-handoff";
    case Profile::spellbook_develop:
      return "spellbook-develop";
    case Profile::implementation_prompt:
      return "implementation-prompt";
  }
  return "unknown";
}

std::span<const Profile> selectable_profiles() {
  static constexpr Profile profiles[] = {Profile::spellbook_handoff, Profile::spellbook_develop,
                                          Profile::implementation_prompt};
  return profiles;
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (auto profile : selectable_profiles()) {
    if (name == to_string(profile)) return profile;
  }
  return std::nullopt;
}

Profile detect_profile(const doc::Document& document) {
  // An explicit marker wins: <!-- baton-profile NAME -->.
  for (const auto& comment : document.html_comments()) {
    auto content = doc::trim(document.text(comment.content));
    if (content.substr(0, profile_marker.size()) != profile_marker) continue;
    if (auto profile = parse_profile(doc::trim(content.substr(profile_marker.size())))) {
      return *profile;
    }
  }
  // A spellbook boot prompt has a "SECTION n: <part title>" heading and at
  // least one numbered subsection or step. Look-alikes with only the first
  // (PRISM's "SECTION 0" with "ACTION n" headings) are not spellbook prompts.
  bool part = false;
  bool numbered = false;
  for (const auto& section : document.sections()) {
    if (section.kind == doc::SectionKind::part) {
      const auto title = document.text(section.title);
      for (auto expected : spellbook_part_titles) {
        if (doc::istarts_with(title, expected)) part = true;
      }
    } else {
      numbered = true;
    }
  }
  return part && numbered ? Profile::spellbook_handoff : Profile::unknown;
}

}  // namespace baton::engine
