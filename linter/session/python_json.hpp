#pragma once

// Re-serialising JSON text exactly as Python's json.dumps does by default
// (ensure_ascii, ", " and ": " separators, float repr, key order kept), or
// with indent=2. distill_session.py measures records with len(json.dumps(r))
// and prints results with json.dumps(x, indent=2); baton must agree on both
// without building a DOM for every record.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::session {

// One member of a JSON object: its key as written between the quotes (still
// escaped when key_escaped) and its value's text.
struct Member {
  std::string_view key;
  bool key_escaped = false;
  std::string_view value;
};

// Where and why a JSON text is invalid. offset is in bytes from the start.
struct JsonError {
  std::size_t offset = 0;
  std::string message;
};

struct MeasureResult {
  // len(json.dumps(value)) in Python, counted in code points (the output is ASCII).
  std::size_t python_length = 0;
  std::optional<JsonError> error;
};

// Validates one JSON text the way Python's json.loads would accept it (NaN and
// Infinity included; invalid UTF-8 refused) and measures its re-serialisation.
// When top_members is given and the value is an object, its members are
// stored there (cleared first), in order, duplicates included.
MeasureResult measure_python_json(std::string_view json,
                                  std::vector<Member>* top_members = nullptr);

// The members of one object member of a top-level object, collected in the
// same pass (the `message` of a transcript record, so that no second pass
// over the bulk of the bytes is needed).
struct NestedMembers {
  std::string_view key;         // the top-level member, e.g. "message"
  std::vector<Member> members;  // its members when `found`
  // The last top-level member named `key` is an object; Python keeps the
  // last of duplicate keys, and so does find_member.
  bool found = false;
};

// measure_python_json that also fills `nested` (cleared first).
MeasureResult measure_python_json(std::string_view json, std::vector<Member>* top_members,
                                  NestedMembers* nested);

// Collects the members of a JSON object text without measuring it. False if
// the text is not valid JSON.
bool scan_object_members(std::string_view json, std::vector<Member>& members);

// json.dumps(value) of a valid JSON text. Throws std::invalid_argument if it is not valid.
std::string python_dumps(std::string_view json);

// json.dumps(value, indent=indent) of a valid JSON text, appended to out, as if
// the value sat at nesting `level` of an enclosing indented document (the
// first line is not indented; nested lines are). Throws std::invalid_argument.
void append_python_dumps_indented(std::string_view json, int indent, int level, std::string& out);

// Python's repr() of a float as json.dumps writes it: shortest round-trip
// digits, "1.0", "1e-05", "1e+16", "Infinity", "-Infinity", "NaN".
std::string python_float_repr(double value);

// The code point length of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// The first max_code_points code points of valid UTF-8 text.
std::string_view utf8_prefix(std::string_view text, std::size_t max_code_points);

// Decodes the body of a JSON string (the text between the quotes) into UTF-8.
// Lone surrogates become U+FFFD. The body must be valid.
std::string decode_json_string_body(std::string_view body);

}  // namespace baton::session
