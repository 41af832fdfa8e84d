#pragma once

#include <optional>
#include <string>
#include <span>
#include <string_view>

#include "engine/profile_spec.hpp"

namespace baton::doc {
class Document;
}

namespace baton::engine {

// `custom` is a profile defined as data in the configuration; its name and
// spec travel next to it (LintOptions::profile_spec, LintResult::spec).
// `generic_handoff` is a free-form handoff (any layout of headings);
// `format_template` a file that defines a handoff format (a Claude Code or
// spellbook command or skill): only the every-file rules run on it.
enum class Profile {
  unknown,
  spellbook_handoff,
  spellbook_develop,
  implementation_prompt,
  generic_handoff,
  format_template,
  custom
};

// How a file's profile was chosen, in the order the choices are tried.
enum class DetectedBy { flag, config, marker, name, content, none };
std::string_view to_string(DetectedBy detected_by);

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
  DetectedBy detected_by = DetectedBy::none;
  // What decided it, for people: "file name matches *handoff*", "heading `Next steps`".
  std::string reason;
};

// The profile of a document without configuration globs, first match wins:
// the `<!-- baton-profile NAME -->` marker (a built-in or a user-defined
// name); a format template (command or skill front matter, `# /name` title,
// `$ARGUMENTS`, a `<ROLE>` block); the implementation-prompt file name; the
// content: a user-defined profile's first-heading pattern, a spellbook boot
// prompt, a develop handoff (`# Handoff: <slug>` with its sections), an
// implementation prompt; a handoff file name (`*handoff*`, `NEXT_SESSION*`,
// ...); then free-form handoff headings. Profile::unknown when nothing matches.
DetectedProfile detect_profile(const doc::Document& document,
                               std::span<const ProfileSpecPtr> definitions);
Profile detect_profile(const doc::Document& document);

// The implementation-prompt file names: `*implementation-prompt*.md` and
// `IMPLEMENTATION_PROMPT.md` (any case), in any directory.
bool is_implementation_prompt_name(std::string_view path);
// The free-form handoff file names of keywords::handoff_name_parts() and
// handoff_name_prefixes(), `.md` or `.markdown`, any case, any directory.
bool is_handoff_name(std::string_view path);
// README, CHANGELOG, CONTRIBUTING, LICENSE, CLAUDE.md, AGENTS.md: standing
// project documents that are never detected as handoffs by their content.
bool is_project_document_name(std::string_view path);

// Why a document looks like a format template (a command or skill that
// defines a handoff format), or "" when it does not.
std::string template_signal(const doc::Document& document);
// Why a document looks like a free-form handoff by its headings, or "".
std::string generic_handoff_signal(const doc::Document& document);

// The cheap look a directory scan takes at the first bytes of a markdown file
// that no glob picked: why it looks like a handoff or implementation prompt
// (a `SECTION 0` heading, a handoff heading, two resume headings, an
// "Implementation Prompt" heading), or "" when nothing does. Never true for
// a project document (README, CHANGELOG, ...).
std::string sniff_handoff(std::string_view path, std::string_view head);

}  // namespace baton::engine
