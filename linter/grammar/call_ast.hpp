#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.hpp"

namespace baton::grammar {

using source::TextRange;

// A literal argument value with its exact source range (document byte offsets).
struct Value {
  enum class Kind { string, number, boolean, null, identifier, array, object };
  struct Member;

  Kind kind = Kind::null;
  TextRange range;
  // Decoded text for strings (escapes resolved); the raw source text otherwise.
  std::string text;
  // Only for strings: the quote character used (' or ").
  char quote = 0;
  std::vector<Value> elements;  // arrays
  std::vector<Member> members;  // objects
};

struct Value::Member {
  std::string key;  // decoded key text (string or bare identifier)
  TextRange key_range;
  Value value;
};

// One positional or keyword (`name=value`) argument.
struct Argument {
  std::optional<std::string> keyword;
  TextRange keyword_range;
  Value value;
};

// A tool call such as `Skill("develop", "--resume Phase3")`.
struct Call {
  std::string name;  // Skill, Read, TodoWrite, Task, Agent
  TextRange name_range;
  TextRange range;  // from the first byte of the name to the closing ')'
  std::vector<Argument> arguments;
  std::optional<TextRange> comment;  // a trailing `# comment`, '#' included
};

// A malformed call: one human message, pointing at the offending character.
struct CallError {
  TextRange range;
  std::string message;
  std::string call_name;  // the call being parsed when the error occurred
};

struct CallScan {
  std::vector<Call> calls;
  std::vector<CallError> errors;
};

// The names whose calls are parsed. Anything else is ordinary text.
inline constexpr std::string_view call_names[] = {"Skill", "Read", "TodoWrite", "Task", "Agent"};

// Scans a block of text (the content of a fenced block, or the content of an
// inline code span) for calls. A call starts where a line's first non-blank
// characters are a call name followed by optional blanks and '('; it may span
// lines. After the closing ')' only blanks and a `# comment` may follow on that
// line. `base_offset` is the document offset of text[0], so every range in the
// result is a document range.
CallScan scan_calls(std::string_view text, std::uint32_t base_offset);

// The maximum nesting depth of arrays and objects inside one call.
inline constexpr int max_value_depth = 64;

}  // namespace baton::grammar
