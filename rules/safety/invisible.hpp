#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Invisible and bidirectional control characters: a linear scanner over raw
// UTF-8 shared by invisible-character (HP602) and the phrase scanners, which
// read "ig<U+200B>nore" as "ignore".
namespace baton::rules::safety {

// Adjacent invisible characters: one run, one finding.
struct InvisibleRun {
  std::size_t offset = 0;                  // into the scanned text
  std::size_t length = 0;                  // bytes
  std::vector<std::uint32_t> code_points;  // in order
};

// Every run of invisible characters in `text`, in order. Not reported: a
// byte order mark at offset 0; a zero width joiner or non-joiner between two
// emoji or two letters of a script that joins (Arabic, Indic, ...); the tag
// characters of an emoji flag (U+1F3F4, tags, U+E007F CANCEL TAG). Invalid
// UTF-8 is passed over.
std::vector<InvisibleRun> find_invisible_runs(std::string_view text);

// The byte length of the invisible character that starts at `at`, or 0.
// Context is not considered: every joiner counts.
std::size_t invisible_length_at(std::string_view text, std::size_t at);

// "RIGHT-TO-LEFT OVERRIDE"; tag characters are named after the ASCII
// character they shadow ("TAG LATIN SMALL LETTER A").
std::string invisible_name(std::uint32_t code_point);

// True for the characters that reorder text (embeddings, overrides,
// isolates, marks) rather than only hide.
bool is_bidi_control(std::uint32_t code_point);

// The ASCII that the tag characters of a run spell ("ignore ..."): tag
// characters U+E0020-U+E007E shadow ASCII 0x20-0x7E.
std::string tag_text(const InvisibleRun& run);

// `text` with invisible characters dropped and runs of white space turned
// into one space: what a message may quote.
std::string visible_text(std::string_view text);

}  // namespace baton::rules::safety
