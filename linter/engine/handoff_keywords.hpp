#pragma once

#include <span>
#include <string_view>

// The words baton recognises free-form handoffs and format templates by, as
// data in one place. docs/generic-handoffs.md lists every table; a test fails
// when the two drift apart.
namespace baton::engine::keywords {

// A keyword table: a name for docs and messages, and its entries (lower case;
// matched case-insensitively).
struct Table {
  std::string_view name;
  std::string_view matched;  // how an entry is matched, for the docs
  std::span<const std::string_view> entries;
};

// File names of free-form handoffs: the file's base name, lower-cased, without
// ".md", contains one of these.
std::span<const std::string_view> handoff_name_parts();
// ... or starts with one of these.
std::span<const std::string_view> handoff_name_prefixes();

// Headings that make a document a handoff on their own ("Handoff", "Where we
// left off"): matched as a phrase anywhere in a heading of level 1 to 3.
std::span<const std::string_view> handoff_headings();
// The heading tables below are matched as a phrase at the start of a
// heading, after emoji and punctuation (heading_words):
// - task headings: a list of tasks follows ("Next steps", "TODO"); also
//   matched as the label of a paragraph that introduces a list
//   ("**Immediate next actions:**"); next-step-without-verification reads them;
// - position headings: where the session stands ("Where we left off",
//   "Current task").
// Both together are the resume headings: two different ones make a free-form
// handoff, and resume-point-missing wants one of them in a handoff.
// - reading headings: sections listing files to read or edit ("Key files").

// Claude Code and spellbook commands and skills define the format rather than
// being a handoff: front-matter keys of a command or skill...
std::span<const std::string_view> template_front_matter_keys();
// ... and tags that wrap a template's instructions to the agent (`<ROLE>`).
std::span<const std::string_view> template_tags();

// Every table above, for the docs and the drift test.
std::span<const Table> tables();

// True when `text` starts with `phrase` (case-insensitive) followed by a
// non-letter or the end: "Next steps:" starts with "next steps", "Nextcloud"
// does not start with "next".
bool starts_with_phrase(std::string_view text, std::string_view phrase);
// A heading title with leading emoji, marks and punctuation dropped
// ("✅ RESUME —" -> "RESUME —", "1. Next" -> "Next").
std::string_view heading_words(std::string_view title);
// The first entry of a table the heading title starts with, or "": a task
// heading, else a position heading, for resume_keyword.
std::string_view resume_keyword(std::string_view title);
std::string_view reading_keyword(std::string_view title);
std::string_view task_keyword(std::string_view title);

}  // namespace baton::engine::keywords
