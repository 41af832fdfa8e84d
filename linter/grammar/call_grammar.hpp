#pragma once

// The PEGTL grammar of tool calls inside fenced blocks and inline code spans.
// Rules only: values are built by call_actions.hpp, error messages live in
// call_errors.hpp. Every rule that appears under must<> is a dedicated type so
// that it can carry its own message.

#include <tao/pegtl.hpp>

namespace baton::grammar::peg {

using namespace tao::pegtl;  // NOLINT(google-build-using-namespace): PEGTL rule vocabulary

struct value;

// clang-format off

// Whitespace between tokens may include newlines; calls span lines.
struct ws : star<space> {};
struct line_blanks : star<blank> {};

// Keep in sync with grammar::call_names (checked by the unit tests).
struct call_name : sor<TAO_PEGTL_KEYWORD("Skill"), TAO_PEGTL_KEYWORD("Read"), TAO_PEGTL_KEYWORD("TodoWrite"), TAO_PEGTL_KEYWORD("Task"), TAO_PEGTL_KEYWORD("Agent")> {};
struct call_start : seq<line_blanks, call_name, line_blanks, one<'('>> {};

// Strings: JSON escapes plus \'; no raw line breaks.
struct hex4 : rep<4, xdigit> {};
struct escape_code : sor<one<'"', '\'', '\\', '/', 'b', 'f', 'n', 'r', 't'>, seq<one<'u'>, hex4>> {};
struct escape : seq<one<'\\'>, escape_code> {};
// Where a string's characters stop, a backslash followed by anything but a
// line break began an escape that did not match; before a line break the
// string is merely unterminated.
struct escape_check : not_at<one<'\\'>, not_one<'\r', '\n'>> {};
struct dq_open : one<'"'> {};
struct dq_char : sor<escape, not_one<'"', '\\', '\r', '\n'>> {};
struct dq_close : one<'"'> {};
struct dq_string : seq<dq_open, star<dq_char>, must<escape_check, dq_close>> {};
struct sq_open : one<'\''> {};
struct sq_char : sor<escape, not_one<'\'', '\\', '\r', '\n'>> {};
struct sq_close : one<'\''> {};
struct sq_string : seq<sq_open, star<sq_char>, must<escape_check, sq_close>> {};
struct quoted : sor<dq_string, sq_string> {};

// Scalars.
struct string_value : quoted {};
struct number_frac : seq<one<'.'>, plus<digit>> {};
struct number_exp : seq<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>> {};
struct number : seq<opt<one<'-'>>, plus<digit>, opt<number_frac>, opt<number_exp>> {};
struct bare_word : identifier {};

// Containers. nesting_allowed matches nothing; its action fails it once the
// depth limit is reached, so recursion stays bounded.
struct nesting_allowed : success {};
struct array_open : one<'['> {};
struct array_close : one<']'> {};
struct array_element : seq<value> {};
struct array_separator : one<','> {};
struct array_more : seq<must<array_separator>, ws, opt<not_at<array_close>, must<array_element>, ws>> {};
struct array_body : sor<array_close, seq<must<array_element>, ws, until<array_close, array_more>>> {};
struct array : seq<at<one<'['>>, must<nesting_allowed>, array_open, ws, array_body> {};

struct object_open : one<'{'> {};
struct object_close : one<'}'> {};
struct member_key_string : quoted {};
struct member_key_name : identifier {};
struct member_key : sor<member_key_string, member_key_name> {};
struct member_colon : one<':'> {};
struct member_value : seq<value> {};
struct member : seq<must<member_key>, ws, must<member_colon>, ws, must<member_value>> {};
struct object_separator : one<','> {};
struct object_more : seq<must<object_separator>, ws, opt<not_at<object_close>, member, ws>> {};
struct object_body : sor<object_close, seq<member, ws, until<object_close, object_more>>> {};
struct object : seq<at<one<'{'>>, must<nesting_allowed>, object_open, ws, object_body> {};

struct value : sor<string_value, number, bare_word, array, object> {};

// Arguments. The lookahead keeps `name=` from firing actions for a bare word.
struct keyword_name : identifier {};
struct keyword_value : value {};
struct keyword_argument : seq<at<identifier, ws, one<'='>>, keyword_name, ws, one<'='>, ws, must<keyword_value>> {};
struct argument : sor<keyword_argument, value> {};
struct argument_expected : argument {};
struct argument_separator : one<','> {};
struct call_close : one<')'> {};
struct argument_more : seq<must<argument_separator>, ws, opt<not_at<call_close>, must<argument_expected>, ws>> {};
struct call_arguments : sor<call_close, seq<must<argument_expected>, ws, until<call_close, argument_more>>> {};
struct call : seq<call_name, line_blanks, one<'('>, ws, call_arguments> {};

// After ')': blanks and an optional comment, then the end of the line.
struct comment : seq<one<'#'>, until<at<eolf>>> {};
struct call_end : eolf {};
struct call_line : seq<line_blanks, call, line_blanks, opt<comment>, must<call_end>> {};
struct other_line : sor<one<'\n'>, seq<plus<not_one<'\n'>>, opt<one<'\n'>>>> {};
struct line : if_then_else<at<call_start>, call_line, other_line> {};
struct document : until<eof, line> {};

// clang-format on

}  // namespace baton::grammar::peg
