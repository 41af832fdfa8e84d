#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "engine/profile_spec.hpp"

namespace baton::doc {
class Document;
}

namespace baton::engine {

// `custom` is a profile defined as data in the configuration; its name and
// spec travel next to it (LintOptions::profile_spec, LintResult::spec).
enum class Profile { unknown, spellbook_handoff, spellbook_develop, implementation_prompt, custom };

std::string_view to_string(Profile profile);
// The built-in profiles a user can choose (--profile, the marker comment):
// all but unknown and custom.
std::span<const Profile> selectable_profiles();
std::optional<Profile> parse_profile(std::string_view name);

// The spec of a built-in profile defined as data (spellbook-develop), else nullptr.
ProfileSpecPtr builtin_spec(Profile profile);

struct DetectedProfile {
  Profile profile = Profile::unknown;
  ProfileSpecPtr spec;  // set for spec-defined profiles (spellbook-develop, custom)
};

// The profile of a document without configuration globs, first match wins:
// the `<!-- baton-profile NAME -->` marker (a built-in or a user-defined
// name), the file name (`*implementation-prompt*.md`, `IMPLEMENTATION_PROMPT.md`),
// then the content: a user-defined profile's first-heading pattern, a
// spellbook boot prompt, a develop handoff (`# Handoff: <slug>` with its
// sections), an implementation prompt. Profile::unknown when nothing matches.
DetectedProfile detect_profile(const doc::Document& document,
                               std::span<const ProfileSpecPtr> definitions);
Profile detect_profile(const doc::Document& document);

// The implementation-prompt file names: `*implementation-prompt*.md` and
// `IMPLEMENTATION_PROMPT.md` (any case), in any directory.
bool is_implementation_prompt_name(std::string_view path);

}  // namespace baton::engine
