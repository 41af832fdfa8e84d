#include "engine/profile.hpp"

#include "document/document.hpp"
#include "document/text_scan.hpp"
#include "engine/handoff_keywords.hpp"

namespace baton::engine {

using namespace std::string_view_literals;

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
    case Profile::generic_handoff:
      return "generic-handoff";
    case Profile::format_template:
      return "template";
    case Profile::custom:
      return "custom";
  }
  return "unknown";
}

std::string_view to_string(DetectedBy detected_by) {
  switch (detected_by) {
    case DetectedBy::flag:
      return "flag";
    case DetectedBy::config:
      return "config";
    case DetectedBy::marker:
      return "marker";
    case DetectedBy::name:
      return "name";
    case DetectedBy::content:
      return "content";
    case DetectedBy::none:
      return "none";
  }
  return "none";
}

std::span<const Profile> selectable_profiles() {
  static constexpr Profile profiles[] = {Profile::spellbook_handoff, Profile::spellbook_develop,
                                          Profile::implementation_prompt, Profile::generic_handoff,
                                          Profile::format_template};
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

namespace {

// The base name of a path, lower-cased.
std::string lower_base_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (auto& c : name) c = doc::to_lower(c);
  return name;
}

// The stem of a lower-cased markdown file name, or nullopt for another kind of file.
std::optional<std::string_view> markdown_stem(std::string_view name) {
  for (std::string_view extension : {".md", ".markdown"}) {
    if (name.size() > extension.size() && name.ends_with(extension))
      return name.substr(0, name.size() - extension.size());
  }
  return std::nullopt;
}

}  // namespace

bool is_implementation_prompt_name(std::string_view path) {
  const auto name = lower_base_name(path);
  if (name.size() < 3 || name.compare(name.size() - 3, 3, ".md") != 0) return false;
  return name == "implementation_prompt.md" || name.find("implementation-prompt") != std::string::npos;
}

bool is_handoff_name(std::string_view path) {
  const auto name = lower_base_name(path);
  const auto stem = markdown_stem(name);
  if (!stem) return false;
  for (auto part : keywords::handoff_name_parts()) {
    if (stem->find(part) != std::string_view::npos) return true;
  }
  for (auto prefix : keywords::handoff_name_prefixes()) {
    if (stem->starts_with(prefix)) return true;
  }
  return false;
}

bool is_project_document_name(std::string_view path) {
  const auto name = lower_base_name(path);
  const auto stem = markdown_stem(name);
  if (!stem) return false;
  for (std::string_view prefix : {"readme", "changelog", "contributing", "license", "code_of_conduct",
                                  "security", "claude", "agents"}) {
    if (stem->starts_with(prefix)) return true;
  }
  return false;
}

std::string template_signal(const doc::Document& document) {
  if (const auto front = document.front_matter()) {
    const auto& source = document.source();
    const auto first = source.line_of(front->begin);
    const auto last = source.line_of(front->end > front->begin ? front->end - 1 : front->begin);
    for (auto line = first; line <= last; ++line) {
      const auto row = source.line_text(line);
      for (auto key : keywords::template_front_matter_keys()) {
        // A top-level key: at the start of the line, followed by ':'.
        if (row.starts_with(key) && row.substr(key.size()).starts_with(':'))
          return "front matter has `" + std::string(key) + ":`, as a command or skill does";
      }
    }
  }
  const auto headings = document.headings();
  if (!headings.empty() && headings.front().level == 1) {
    const auto title = document.text(headings.front().text);
    if (title.size() > 1 && title.front() == '/' && doc::is_alpha(title[1]))
      return "the title `" + std::string(title.substr(0, 40)) + "` names a slash command";
  }
  const auto text = document.source().text();
  for (auto at = text.find("$ARGUMENTS"); at != std::string_view::npos; at = text.find("$ARGUMENTS", at + 1)) {
    if (!document.in_code(static_cast<std::uint32_t>(at))) return "it takes `$ARGUMENTS`";
  }
  for (const auto& block : document.blocks()) {
    if (block.kind != doc::BlockKind::html) continue;
    const auto line = doc::trim(document.source().line_text(document.source().line_of(block.range.begin)));
    for (auto tag : keywords::template_tags()) {
      if (doc::iequals(line, tag)) return "a `" + std::string(line) + "` block instructs the agent";
    }
  }
  // A page generated to draw the format or its command (a flowchart of
  // /handoff) is documentation about handoffs, whatever its name says.
  std::size_t diagram_lines = 0;
  std::string_view diagram_kind;
  for (const auto& fence : document.fences()) {
    for (auto kind : {"mermaid"sv, "plantuml"sv, "puml"sv, "dot"sv, "graphviz"sv, "d2"sv}) {
      if (fence.info != kind) continue;
      diagram_kind = kind;
      diagram_lines += document.source().line_of(fence.range.end) -
                       document.source().line_of(fence.range.begin) + 1;
    }
  }
  if (diagram_lines > 0 && 2 * diagram_lines > document.source().line_count())
    return "a `" + std::string(diagram_kind) + "` diagram holds most of the file";
  return {};
}

namespace {

struct AtxHeading {
  std::string_view title;  // "" for a line that is no ATX heading of level 1 to 3
  int level = 0;
};

// "## Next steps" -> {"Next steps", 2}.
AtxHeading atx_heading(std::string_view line) {
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 3 || level >= line.size() || (line[level] != ' ' && line[level] != '\t'))
    return {};
  return {doc::trim(line.substr(level)), static_cast<int>(level)};
}

bool has_handoff_phrase(std::string_view title) {
  for (auto phrase : keywords::handoff_headings()) {
    for (auto at = doc::ifind(title, phrase); at != std::string_view::npos;
         at = doc::ifind(title, phrase, at + 1)) {
      const bool starts = at == 0 || !doc::is_alpha(title[at - 1]);
      if (starts && keywords::starts_with_phrase(title.substr(at), phrase)) return true;
    }
  }
  return false;
}

// Judges headings fed in document order, for detection and for the sniff of
// a directory scan alike: a handoff heading, or two different resume headings
// of level 1 to 3 with one of them of level 1 or 2, make a free-form handoff.
class HandoffHeadings {
 public:
  // Why the headings so far make a handoff, or "".
  std::string feed(std::string_view title, int level) {
    if (level > 3) return {};
    if (has_handoff_phrase(title)) return "heading `" + std::string(title.substr(0, 60)) + "`";
    const auto keyword = keywords::resume_keyword(title);
    if (keyword.empty()) return {};
    if (first_keyword_.empty()) {
      first_keyword_ = keyword;
      first_title_ = title;
      first_at_top_ = level <= 2;
    } else if (keyword != first_keyword_ && (first_at_top_ || level <= 2)) {
      return "headings `" + std::string(first_title_.substr(0, 40)) + "` and `" +
             std::string(title.substr(0, 40)) + "`";
    }
    return {};
  }

 private:
  std::string_view first_keyword_;
  std::string_view first_title_;
  bool first_at_top_ = false;
};

}  // namespace

std::string sniff_handoff(std::string_view path, std::string_view head) {
  if (is_project_document_name(path)) return {};
  HandoffHeadings headings;
  bool in_fence = false;
  while (!head.empty()) {
    const auto newline = head.find('\n');
    auto line = head.substr(0, newline);
    head = newline == std::string_view::npos ? std::string_view{} : head.substr(newline + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const auto trimmed = doc::trim(line);
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    const auto heading = atx_heading(line);
    if (heading.title.empty()) continue;
    if (doc::istarts_with(heading.title, "SECTION 0")) return "a `SECTION 0` heading";
    if (doc::ifind(heading.title, "implementation prompt") != std::string_view::npos)
      return "an `Implementation Prompt` heading";
    if (auto reason = headings.feed(heading.title, heading.level); !reason.empty()) return reason;
  }
  return {};
}

std::string generic_handoff_signal(const doc::Document& document) {
  if (is_project_document_name(document.source().path())) return {};
  HandoffHeadings headings;
  for (const auto& heading : document.headings()) {
    if (auto reason = headings.feed(document.text(heading.text), heading.level); !reason.empty()) return reason;
  }
  return {};
}

namespace {

DetectedProfile builtin(Profile profile, DetectedBy detected_by, std::string reason) {
  return {profile, builtin_spec(profile), detected_by, std::move(reason)};
}

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
    const auto reason = "marker `<!-- baton-profile " + std::string(name) + " -->`";
    if (auto profile = parse_profile(name)) return builtin(*profile, DetectedBy::marker, reason);
    for (const auto& spec : definitions) {
      if (spec && spec->name == name) return {Profile::custom, spec, DetectedBy::marker, reason};
    }
  }
  // A command that defines the format holds every section a handoff has: it
  // is recognised before any handoff shape.
  if (auto signal = template_signal(document); !signal.empty())
    return builtin(Profile::format_template, DetectedBy::content, std::move(signal));
  const auto path = document.source().path();
  if (is_implementation_prompt_name(path))
    return builtin(Profile::implementation_prompt, DetectedBy::name,
                   "file name matches *implementation-prompt*.md");
  for (const auto& spec : definitions) {
    if (spec && spec_detects(document, *spec))
      return {Profile::custom, spec, DetectedBy::content, "title matches the profile's pattern"};
  }
  if (looks_like_spellbook_handoff(document))
    return builtin(Profile::spellbook_handoff, DetectedBy::content, "a `SECTION 0` boot prompt");
  if (spec_detects(document, *spellbook_develop_spec()))
    return builtin(Profile::spellbook_develop, DetectedBy::content, "`# Handoff: <slug>` with its sections");
  if (looks_like_implementation_prompt(document))
    return builtin(Profile::implementation_prompt, DetectedBy::content, "phases with exit criteria");
  // A file without a single heading (empty, binary, a one-line note) is no
  // handoff whatever its name: nothing in it says what it records.
  if (is_handoff_name(path) && !document.headings().empty() &&
      document.source().text().find('\0') == std::string_view::npos)
    return builtin(Profile::generic_handoff, DetectedBy::name,
                   "file name `" + std::string(path.substr(path.find_last_of('/') + 1)) + "`");
  if (auto signal = generic_handoff_signal(document); !signal.empty())
    return builtin(Profile::generic_handoff, DetectedBy::content, std::move(signal));
  return {};
}

Profile detect_profile(const doc::Document& document) { return detect_profile(document, {}).profile; }

}  // namespace baton::engine
