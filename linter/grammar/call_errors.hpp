#pragma once

// One human message per must<> point of the call grammar, wired into PEGTL
// through must_if<>: a rule with a message raises a parse_error when it fails,
// and must_if's RequireMessage static_assert rejects a must<> point without one
// at compile time.

#include <tao/pegtl/must_if.hpp>

#include "grammar/call_grammar.hpp"

namespace baton::grammar::peg {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message<argument_expected> = "expected an argument or ')'";
template <> inline constexpr const char* error_message<argument_separator> = "expected ',' or ')' after the argument";
template <> inline constexpr const char* error_message<keyword_value> = "expected a value after '='";
template <> inline constexpr const char* error_message<array_element> = "expected a value or ']' in the array";
template <> inline constexpr const char* error_message<array_separator> = "expected ',' or ']' in the array";
template <> inline constexpr const char* error_message<member_key> = "expected a key in the object";
template <> inline constexpr const char* error_message<member_colon> = "expected ':' after the key";
template <> inline constexpr const char* error_message<member_value> = "expected a value after ':'";
template <> inline constexpr const char* error_message<object_separator> = "expected ',' or '}' in the object";
template <> inline constexpr const char* error_message<nesting_allowed> = "arrays and objects are nested too deeply";
// scan_calls appends the offending sequence: invalid escape sequence '\q'.
template <> inline constexpr const char* error_message<escape_check> = "invalid escape sequence";
template <> inline constexpr const char* error_message<dq_close> = "unterminated string: missing closing '\"'";
template <> inline constexpr const char* error_message<sq_close> = "unterminated string: missing closing \"'\"";
template <> inline constexpr const char* error_message<call_end> = "unexpected text after the call; only a '# comment' may follow";
// clang-format on

struct error_table {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

template <typename Rule>
using control = tao::pegtl::must_if<error_table>::control<Rule>;

}  // namespace baton::grammar::peg
