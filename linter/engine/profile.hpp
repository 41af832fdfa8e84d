#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace baton::doc {
class Document;
}

namespace baton::engine {

enum class Profile { unknown, spellbook_handoff, spellbook_develop, implementation_prompt };

std::string_view to_string(Profile profile);
// The profiles a user can choose (--profile, the marker comment): all but unknown.
std::span<const Profile> selectable_profiles();
std::optional<Profile> parse_profile(std::string_view name);

// The profile a document declares (`<!-- baton-profile NAME -->`) or, failing
// that, the one its headings show. Profile::unknown when neither.
Profile detect_profile(const doc::Document& document);

}  // namespace baton::engine
