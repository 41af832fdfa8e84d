#pragma once

#include <optional>
#include <string_view>

namespace baton::doc {
class Document;
}

namespace baton::engine {

enum class Profile { unknown, spellbook_handoff };

std::string_view to_string(Profile profile);
std::optional<Profile> parse_profile(std::string_view name);

// The profile a document declares (`<!-- baton-profile NAME -->`) or, failing
// that, the one its headings show. Profile::unknown when neither.
Profile detect_profile(const doc::Document& document);

}  // namespace baton::engine
