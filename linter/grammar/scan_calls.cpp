#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tao/pegtl.hpp>

#include "grammar/call_actions.hpp"
#include "grammar/call_ast.hpp"
#include "grammar/call_errors.hpp"
#include "grammar/call_grammar.hpp"

namespace baton::grammar {
namespace {

namespace pegtl = tao::pegtl;

// Byte length of the UTF-8 character starting at text[at], so that an error
// range never splits a character.
std::size_t char_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t n = 1;
  if (lead >= 0xF0 && lead <= 0xF7) {
    n = 4;
  } else if (lead >= 0xE0) {
    n = lead <= 0xEF ? 3 : 1;
  } else if (lead >= 0xC0) {
    n = 2;
  }
  if (at + n > text.size())
    return 1;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80)
      return 1;
  }
  return n;
}

// The escape starting at the backslash text[at], as shown in the message:
// the backslash and the character after it, or "\u" and up to four more
// characters of the string.
std::string_view escape_text(std::string_view text, std::size_t at) {
  std::size_t end = at + 1 + char_length(text, at + 1);
  if (text[at + 1] == 'u') {
    for (int k = 0; k < 4 && end < text.size(); ++k) {
      const char c = text[end];
      if (c == '"' || c == '\'' || c == '\\' || c == '\r' || c == '\n')
        break;
      end += char_length(text, end);
    }
  }
  return text.substr(at, end - at);
}

CallError make_error(std::string_view text, std::uint32_t base_offset, const detail::ScanState& st,
                     std::string_view message, std::size_t at) {
  CallError error;
  error.call_name = st.call.name;
  error.message = message;
  const auto doc = [&](std::size_t offset) {
    return base_offset + static_cast<std::uint32_t>(offset);
  };
  if (message == peg::error_message<peg::dq_close> ||
      message == peg::error_message<peg::sq_close>) {
    // The parser stops at the line break; the opening quote says which string.
    error.range = {st.string_open, st.string_open + 1};
  } else if (at >= text.size()) {
    error.range = {doc(text.size()), doc(text.size())};
  } else {
    error.range = {doc(at), doc(at + char_length(text, at))};
    if (message == peg::error_message<peg::escape_check>) {
      error.message += " '";
      error.message += escape_text(text, at);
      error.message += '\'';
    }
  }
  return error;
}

}  // namespace

CallScan scan_calls(std::string_view text, std::uint32_t base_offset) {
  CallScan result;
  detail::ScanState st(text, base_offset, result.calls);
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Lazy tracking: positions are only computed for errors, and each restart
    // begins a fresh input so that computing one never rescans earlier text.
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(
        text.data() + pos, text.data() + text.size(), "", pos, 1, 1);
    try {
      pegtl::parse<peg::document, detail::action, peg::control>(in, st);
      break;
    } catch (const pegtl::parse_error& e) {
      const std::size_t at = e.positions().front().byte;
      result.errors.push_back(make_error(text, base_offset, st, e.message(), at));
      // Resume on the line after the error; the rest of the failed call is
      // ordinary text from there on.
      const std::size_t newline = text.find('\n', at);
      pos = newline == std::string_view::npos ? text.size() : newline + 1;
    }
  }
  return result;
}

}  // namespace baton::grammar
