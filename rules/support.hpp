#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "document/text_scan.hpp"
#include "engine/rule_context.hpp"

// Helpers shared by the rules: finding sections, markers, calls and phrases.
namespace baton::rules::support {

using doc::Document;
using doc::Section;
using doc::SectionKind;
using source::TextRange;

const Section* sub(const Document& document, std::string_view number);
const Section* part(const Document& document, std::string_view number);
TextRange heading_range(const Document& document, const Section& section);

// The first occurrence of an explicit marker such as "NO ACTIVE SKILL" in the
// range, outside HTML comments, as whole words (case-sensitive: markers are
// written in capitals).
std::optional<TextRange> find_marker(const Document& document, TextRange range,
                                     std::string_view marker);

// Calls with this name whose range lies inside `range`.
std::vector<const doc::LocatedCall*> calls_named(const Document& document, TextRange range,
                                                 std::string_view name);
// True when a call with this name failed to parse inside `range`.
bool has_call_error(const Document& document, TextRange range, std::string_view name);

// Case-insensitive search for a phrase bounded by non-letters.
std::size_t find_phrase(std::string_view text, std::string_view phrase, std::size_t from = 0);

// The first positional argument, or the keyword argument with this name.
const grammar::Argument* argument(const grammar::Call& call, std::size_t position,
                                  std::string_view keyword);

// The text between the brackets of a template slot: "skill-name" of
// "[skill-name]" — words or a /path, not a task box ("x"), a footnote ("^1"),
// a number or a nested bracket. template-placeholder's test for prose.
bool is_placeholder_text(std::string_view inner);

// The text between brackets that is a slot even in code, unquoted: a single
// capital ("N" of `[N]`) or "1-N".
bool is_code_template_slot(std::string_view inner);

// A value that is a template slot such as "[skill-name]" or "[ABSOLUTE path]":
// template-placeholder reports it, so rules comparing values leave it alone.
bool is_template_placeholder(std::string_view value);

// User text quoted in a message, cut to `max` bytes (on a UTF-8 boundary)
// with "…" so that a hostile file cannot produce huge messages.
std::string excerpt(std::string_view text, std::size_t max = 80);

// The source range of text[index, index + length) inside a string value, when
// the literal has no escapes (so decoded and source bytes line up); else the
// whole literal.
TextRange substring_range(const Document& document, const grammar::Value& value,
                          std::size_t index, std::size_t length);

}  // namespace baton::rules::support

namespace baton::rules::support {

// A Section 0 subsection that restores one kind of state: it holds a fenced
// call, or says explicitly that there is nothing to restore.
struct Restoration {
  std::string_view section;              // "0.1"
  std::string_view call;                 // "Skill"
  std::span<const std::string_view> markers;  // canonical marker first
  std::string_view fix_marker;                // what the (unsafe) fix inserts
};

const Restoration& skill_restoration();     // 0.1
const Restoration& read_restoration();      // 0.2
const Restoration& todo_restoration();      // 0.3
const Restoration& reread_restoration();    // 1.10: Read() calls or NO DOCUMENTS TO RE-READ
std::span<const Restoration* const> restorations();

// The first marker of the restoration found in `range`.
std::optional<TextRange> find_any_marker(const Document& document, TextRange range,
                                         const Restoration& restoration);

// Reports a subsection that must hold fenced calls but has neither a call nor a marker.
// Calls that only appear in inline code are reported as not executable; calls
// that failed to parse are left to call-syntax.
void check_restoration(engine::RuleContext& context, const Restoration& restoration,
                       std::string_view missing_message);

}  // namespace baton::rules::support

// State that several rules compare across sections.
namespace baton::rules::support {

struct RestoredTodo {
  std::string content;  // empty when missing or not a string
  std::string status;   // empty when missing or not a string
  TextRange range;      // the todo object
  TextRange content_range;  // the content value (the object when missing)
};

// The todos of the first fenced TodoWrite() in 0.3, read from its call value
// (`[...]` or `{"todos": [...]}`); nullopt when 0.3 has no such call.
std::optional<std::vector<RestoredTodo>> restored_todos(const Document& document);

struct ReadPath {
  std::string path;
  TextRange range;  // the path's string literal
};

// The string paths of the fenced Read() calls inside `range`, in order.
std::vector<ReadPath> read_paths(const Document& document, TextRange range);

struct DeclaredSkill {
  std::string name;  // empty for the NO ACTIVE SKILL marker
  TextRange range;   // the Skill() call or the marker
  bool marker = false;
};

// The first fenced Skill() call with a string name in `range`, else the
// NO ACTIVE SKILL marker; nullopt when neither is there.
std::optional<DeclaredSkill> declared_skill(const Document& document, TextRange range);

}  // namespace baton::rules::support

namespace baton::rules::support {

// Whether a word looks like a file path: starts with / ~ ./ ../, contains a
// slash, or ends in a common file extension; URLs, globs, flags and
// <placeholders> are not paths.
bool looks_like_path(std::string_view word);

// The unsafe fix of a `~/` path when --home is given: `tilde` is the offset
// of the '~'. nullopt without --home or when the path does not start "~/".
std::optional<engine::Fix> home_fix(const engine::RuleContext& context, std::uint32_t tilde);

// Explains why a path is not absolute ("~ is only expanded by a shell", ...).
std::string path_problem(std::string_view path);

struct PathCell {
  std::string_view path;  // the cell's path, without backticks
  TextRange range;        // the path in the source
};

// The cells of "Path" columns in the tables of a section (1.9, 1.10, 1.12).
std::vector<PathCell> table_paths(const Document& document, TextRange range);

}  // namespace baton::rules::support

namespace baton::rules::support {

// The rows of a section's tables that have both a task column (headed "Task",
// else the first column) and a "Command" column.
struct VerificationRow {
  const doc::TableRow* row;
  const doc::TableCell* task;
  const doc::TableCell* command;  // nullptr when the row is short of cells
};
// nullopt when no table in `range` has a Command column.
std::optional<std::vector<VerificationRow>> verification_rows(const Document& document, TextRange range);

// Words in lower case, separated by single blanks, punctuation dropped: for
// comparing task descriptions written slightly differently.
std::string normalise_words(std::string_view text);

// A line inside a fenced block that opens a fence of its own ("```python"
// inside a block opened with "```"): CommonMark reads it as code, and the next
// bare fence closes the outer block, so every fence after it pairs with the
// wrong partner.
struct NestedOpener {
  const doc::Fence* outer = nullptr;
  std::uint32_t line = 0;  // of the nested opening line
};
// Computed once per lint: unclosed-fence and fence-in-fence both read it.
const std::optional<NestedOpener>& first_nested_opener(engine::RuleContext& context);

}  // namespace baton::rules::support
