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
    case Profile::custom:
      return "custom";
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

ProfileSpecPtr builtin_spec(Profile profile) {
  return profile == Profile::spellbook_develop ? spellbook_develop_spec() : nullptr;
}

bool is_implementation_prompt_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (auto& c : name) c = doc::to_lower(c);
  if (name.size() < 3 || name.compare(name.size() - 3, 3, ".md") != 0) return false;
  return name == "implementation_prompt.md" || name.find("implementation-prompt") != std::string::npos;
}

namespace {

DetectedProfile builtin(Profile profile) { return {profile, builtin_spec(profile)}; }

// The name in a `<!-- baton-profile NAME -->` marker, or "" when there is none.
std::string_view marked_profile(const doc::Document& document) {
  for (const auto& comment : document.html_comments()) {
    auto content = doc::trim(document.text(comment.content));
    if (content.substr(0, profile_marker.size()) != profile_marker) continue;
    const auto name = doc::trim(content.substr(profile_marker.size()));
    if (!name.empty()) return name;
  }
  return {};
}

// A spellbook boot prompt has a "SECTION n: <part title>" heading and at
// least one numbered subsection or step. Look-alikes with only the first
// (PRISM's "SECTION 0" with "ACTION n" headings) are not spellbook prompts.
bool looks_like_spellbook_handoff(const doc::Document& document) {
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
  return part && numbered;
}

// "Phase 1 — Repo skeleton", "Phase 2: CLI": the word Phase and a number.
bool is_phase_title(std::string_view title) {
  if (!doc::istarts_with(title, "phase")) return false;
  title.remove_prefix(5);
  while (!title.empty() && doc::is_blank(title.front())) title.remove_prefix(1);
  return !title.empty() && doc::is_digit(title.front());
}

// An implementation prompt (forced context distillation) names itself in a
// heading, has a Phase | ... | Exit Criteria table, or has at least two
// "Phase N" headings and says how a phase ends (exit criteria, checkpoint,
// done when, definition of done).
bool looks_like_implementation_prompt(const doc::Document& document) {
  std::size_t phase_headings = 0;
  for (const auto& heading : document.headings()) {
    const auto title = document.text(heading.text);
    if (doc::ifind(title, "implementation prompt") != std::string_view::npos) return true;
    if (is_phase_title(title)) ++phase_headings;
  }
  for (const auto& table : document.tables()) {
    bool phase = false;
    bool exit_criteria = false;
    for (const auto& cell : table.header.cells) {
      const auto text = document.text(cell.content);
      if (doc::iequals(doc::trim(text), "phase")) phase = true;
      if (doc::ifind(text, "exit criteri") != std::string_view::npos) exit_criteria = true;
    }
    if (phase && exit_criteria) return true;
  }
  if (phase_headings < 2) return false;
  const auto text = document.source().text();
  for (auto phrase : {"exit criteri", "checkpoint", "done when", "definition of done"}) {
    if (doc::ifind(text, phrase) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

DetectedProfile detect_profile(const doc::Document& document,
                               std::span<const ProfileSpecPtr> definitions) {
  // An explicit marker wins: <!-- baton-profile NAME -->.
  if (const auto name = marked_profile(document); !name.empty()) {
    if (auto profile = parse_profile(name)) return builtin(*profile);
    for (const auto& spec : definitions) {
      if (spec && spec->name == name) return {Profile::custom, spec};
    }
  }
  if (is_implementation_prompt_name(document.source().path())) return builtin(Profile::implementation_prompt);
  for (const auto& spec : definitions) {
    if (spec && spec_detects(document, *spec)) return {Profile::custom, spec};
  }
  if (looks_like_spellbook_handoff(document)) return builtin(Profile::spellbook_handoff);
  if (spec_detects(document, *spellbook_develop_spec())) return builtin(Profile::spellbook_develop);
  if (looks_like_implementation_prompt(document)) return builtin(Profile::implementation_prompt);
  return {};
}

Profile detect_profile(const doc::Document& document) { return detect_profile(document, {}).profile; }

}  // namespace baton::engine
