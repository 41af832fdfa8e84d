#pragma once

// Quoting of session text into the handoff so that it can neither break the
// markdown structure nor trip a rule: whatever a user typed (fences, `#`
// lines, HTML comments, `[slots]`, "continue the workflow", `Bash(`) reads as
// what it is, text, and the document stays compliant.

#include <string>
#include <string_view>

namespace baton::generate::quote {

// Line breaks normalised to "\n"; control characters other than tab and
// line feed, lone surrogates, and each run of invisible or bidi characters
// (what invisible-character reports) replaced by U+FFFD.
std::string clean(std::string_view text);

// A double-quoted string literal that the call grammar, JSON and YAML all
// decode to `text`. Beyond the usual escapes it writes as \uXXXX the
// characters that would make a rule fire on the raw text: brackets, the first
// letter of acting tool calls (`Bash(`), shell commands (`curl `), vague
// instructions ("continue the workflow") and explicit markers ("NO TODOS"),
// and the slash of template example paths ("/path/to/").
std::string literal(std::string_view text);

// Inline markdown text on one line: line breaks become blanks, characters
// with a markdown meaning are backslash-escaped, and so is a leading "#",
// "-", ">" ...; with `line_start`, also an ordered list marker ("1.").
std::string inline_text(std::string_view text, bool line_start = false);

// A table cell: inline_text, never empty, never a bare ellipsis.
std::string cell(std::string_view text);

// A block quote of `text`, every line escaped and prefixed with "> ".
std::string blockquote(std::string_view text);

// Whether text can go into a code span or fence as it is: one line, no
// backtick, no pipe, nothing a rule reads as a template slot.
bool code_safe(std::string_view text);

// A code span holding `text` (which must be code_safe).
std::string code_span(std::string_view text);

// The same path with template example prefixes ("/path/to/",
// "/absolute/path") broken by a doubled slash, which names the same file.
std::string safe_path(std::string_view path);

// Whether an absolute path can be written in code spans, tables and calls.
bool quotable_path(std::string_view path);

// A shell word for the path: as it is when plain, else in single quotes.
std::string shell_word(std::string_view path);

// At most `max` bytes of text (cut on a UTF-8 boundary, "…" appended).
std::string excerpt(std::string_view text, std::size_t max);

}  // namespace baton::generate::quote
