#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace baton::source {

// Appends a code point as UTF-8.
void append_utf8(std::string& out, std::uint32_t code_point);

// The value of the hex digit `c`, or -1.
int hex_value(char c);

// Decodes the inside of a JSON (or call-argument) string: `\b \f \n \r \t`,
// `\uXXXX` with surrogate pairs joined, and `\X` as X otherwise (`\" \' \\ \/`).
// Tolerant: a lone surrogate becomes U+FFFD, a malformed `\u` stays as "u".
std::string decode_json_escapes(std::string_view body);

// RFC 3986 percent-encoding of every byte of a path but the unreserved
// characters and "/": the path part of a file URI (SARIF, LSP links).
std::string percent_encode_path(std::string_view path);

}  // namespace baton::source
