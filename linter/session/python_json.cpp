#include "session/python_json.hpp"

#include "source/unicode.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace baton::session {

namespace {

// json.loads recurses once per nesting level; Python's default recursion limit
// stops it a little below 1000, so deeper input is refused here as well.
constexpr int max_depth = 1000;

// Sinks receive the re-serialised output piece by piece. MeasureSink only
// counts; it is the hot path of every session command.
struct MeasureSink {
  std::size_t length = 0;
  void open(char) { ++length; }
  void item_start() {}
  void close(char, bool) { ++length; }
  void comma() { length += 2; }
  void colon() { length += 2; }
  void text(const char*, std::size_t size) { length += size; }
  void escape_unit(unsigned) { length += 6; }
  void escape_short(char) { length += 2; }
};

struct NullSink {
  void open(char) {}
  void item_start() {}
  void close(char, bool) {}
  void comma() {}
  void colon() {}
  void text(const char*, std::size_t) {}
  void escape_unit(unsigned) {}
  void escape_short(char) {}
};

// Writes Python's json.dumps text; indent < 0 is the compact default.
class RenderSink {
 public:
  RenderSink(std::string& out, int indent, int level) : out_(out), indent_(indent), level_(level) {}

  void open(char bracket) {
    out_ += bracket;
    ++level_;
  }
  void item_start() {
    if (indent_ >= 0)
      newline();
  }
  void close(char bracket, bool empty) {
    --level_;
    if (!empty && indent_ >= 0)
      newline();
    out_ += bracket;
  }
  void comma() { out_ += indent_ >= 0 ? "," : ", "; }
  void colon() { out_ += ": "; }
  void text(const char* data, std::size_t size) { out_.append(data, size); }
  void escape_unit(unsigned unit) {
    static constexpr char hex[] = "0123456789abcdef";
    const char escaped[6] = {'\\',
                             'u',
                             hex[(unit >> 12) & 0xF],
                             hex[(unit >> 8) & 0xF],
                             hex[(unit >> 4) & 0xF],
                             hex[unit & 0xF]};
    out_.append(escaped, 6);
  }
  void escape_short(char letter) {
    out_ += '\\';
    out_ += letter;
  }

 private:
  void newline() {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_) * static_cast<std::size_t>(level_), ' ');
  }

  std::string& out_;
  int indent_;
  int level_;
};

bool is_plain_string_byte(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\' && c < 0x7F;
}

// Skips bytes that json.dumps copies unchanged inside a string.
const char* skip_plain(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i below_space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  while (end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes >= 0x80 are negative, so this also catches non-ASCII.
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(bytes, below_space), _mm_cmpeq_epi8(bytes, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, backslash), _mm_cmpeq_epi8(bytes, del)));
    const int mask = _mm_movemask_epi8(special);
    if (mask != 0)
      return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && is_plain_string_byte(static_cast<unsigned char>(*p)))
    ++p;
  return p;
}

bool is_continuation(unsigned char c, unsigned char low = 0x80, unsigned char high = 0xBF) {
  return c >= low && c <= high;
}

// Decodes one UTF-8 sequence the way Python's strict decoder accepts it (no
// overlong forms, no surrogates, nothing above U+10FFFF).
bool decode_utf8(const char*& p, const char* end, std::uint32_t& code_point) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(p);
  const std::size_t available = static_cast<std::size_t>(end - p);
  const unsigned char lead = bytes[0];
  if (lead < 0xC2 || lead > 0xF4)
    return false;
  if (lead < 0xE0) {
    if (available < 2 || !is_continuation(bytes[1]))
      return false;
    code_point = ((lead & 0x1Fu) << 6) | (bytes[1] & 0x3Fu);
    p += 2;
    return true;
  }
  if (lead < 0xF0) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    if (available < 3 || !is_continuation(bytes[1], low, high) || !is_continuation(bytes[2]))
      return false;
    code_point = ((lead & 0x0Fu) << 12) | ((bytes[1] & 0x3Fu) << 6) | (bytes[2] & 0x3Fu);
    p += 3;
    return true;
  }
  const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
  if (available < 4 || !is_continuation(bytes[1], low, high) || !is_continuation(bytes[2]) ||
      !is_continuation(bytes[3]))
    return false;
  code_point = ((lead & 0x07u) << 18) | ((bytes[1] & 0x3Fu) << 12) | ((bytes[2] & 0x3Fu) << 6) |
               (bytes[3] & 0x3Fu);
  p += 4;
  return true;
}

bool parse_hex4(const char* p, const char* end, unsigned& unit) {
  if (end - p < 4)
    return false;
  unit = 0;
  for (int i = 0; i < 4; ++i) {
    const int digit = source::hex_value(p[i]);
    if (digit < 0)
      return false;
    unit = unit * 16 + static_cast<unsigned>(digit);
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

template <class Sink>
class Parser {
 public:
  Parser(std::string_view json, Sink& sink, std::vector<Member>* members,
         NestedMembers* nested = nullptr)
      : begin_(json.data()),
        p_(json.data()),
        end_(json.data() + json.size()),
        sink_(sink),
        members_(members),
        nested_(nested) {}

  bool parse_document() {
    skip_whitespace();
    if (!value(0))
      return false;
    skip_whitespace();
    if (p_ != end_)
      return fail("Extra data");
    return true;
  }

  std::optional<JsonError> error;

 private:
  bool fail(const char* message) { return fail_at(p_, message); }
  bool fail_at(const char* where, const char* message) {
    error = JsonError{static_cast<std::size_t>(where - begin_), message};
    return false;
  }

  void skip_whitespace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
      ++p_;
  }

  bool value(int depth) {
    if (p_ == end_)
      return fail("Expecting value");
    switch (*p_) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string(nullptr);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      case 'N':
        return literal("NaN");
      case 'I':
        return literal("Infinity");
      case '-':
        if (end_ - p_ > 1 && p_[1] == 'I')
          return literal("-Infinity");
        return number();
      default:
        if (is_digit(*p_))
          return number();
        return fail("Expecting value");
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word)
      return fail("Expecting value");
    sink_.text(word.data(), word.size());
    p_ += word.size();
    return true;
  }

  bool object(int depth) {
    if (depth > max_depth)
      return fail("Nesting too deep");
    const bool capture = members_ != nullptr && depth == 1;
    // This object is the value of the nested key of the top-level object.
    const bool capture_nested = nested_next_;
    nested_next_ = false;
    sink_.open('{');
    ++p_;
    skip_whitespace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      sink_.close('}', true);
      return true;
    }
    for (;;) {
      if (p_ == end_ || *p_ != '"')
        return fail("Expecting property name enclosed in double quotes");
      sink_.item_start();
      const char* key_start = p_;
      bool key_escaped = false;
      if (!string(&key_escaped))
        return false;
      const std::string_view key(key_start + 1, static_cast<std::size_t>(p_ - key_start - 2));
      skip_whitespace();
      if (p_ == end_ || *p_ != ':')
        return fail("Expecting ':' delimiter");
      ++p_;
      sink_.colon();
      skip_whitespace();
      const char* value_start = p_;
      if (capture && nested_ != nullptr && is_nested_key(key, key_escaped)) {
        // A later duplicate replaces an earlier one, whatever its type.
        nested_->members.clear();
        nested_->found = p_ < end_ && *p_ == '{';
        nested_next_ = nested_->found;
      }
      if (!value(depth))
        return false;
      nested_next_ = false;
      const std::string_view value_text(value_start, static_cast<std::size_t>(p_ - value_start));
      if (capture)
        members_->push_back(Member{key, key_escaped, value_text});
      if (capture_nested)
        nested_->members.push_back(Member{key, key_escaped, value_text});
      skip_whitespace();
      if (p_ < end_ && *p_ == '}') {
        ++p_;
        sink_.close('}', false);
        return true;
      }
      if (p_ == end_ || *p_ != ',')
        return fail("Expecting ',' delimiter");
      ++p_;
      sink_.comma();
      skip_whitespace();
    }
  }

  bool array(int depth) {
    if (depth > max_depth)
      return fail("Nesting too deep");
    sink_.open('[');
    ++p_;
    skip_whitespace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      sink_.close(']', true);
      return true;
    }
    for (;;) {
      sink_.item_start();
      if (!value(depth))
        return false;
      skip_whitespace();
      if (p_ < end_ && *p_ == ']') {
        ++p_;
        sink_.close(']', false);
        return true;
      }
      if (p_ == end_ || *p_ != ',')
        return fail("Expecting ',' delimiter");
      ++p_;
      sink_.comma();
      skip_whitespace();
    }
  }

  // Emits one UTF-16 code unit decoded from a \uXXXX escape as json.dumps would.
  void emit_unit(unsigned unit) {
    switch (unit) {
      case '"':
      case '\\':
        sink_.escape_short(static_cast<char>(unit));
        return;
      case '\b':
        sink_.escape_short('b');
        return;
      case '\f':
        sink_.escape_short('f');
        return;
      case '\n':
        sink_.escape_short('n');
        return;
      case '\r':
        sink_.escape_short('r');
        return;
      case '\t':
        sink_.escape_short('t');
        return;
      default:
        break;
    }
    if (unit >= 0x20 && unit < 0x7F) {
      const char c = static_cast<char>(unit);
      sink_.text(&c, 1);
    } else {
      sink_.escape_unit(unit);
    }
  }

  bool string(bool* escaped) {
    const char* start = p_;
    ++p_;
    sink_.text("\"", 1);
    for (;;) {
      const char* run = p_;
      p_ = skip_plain(p_, end_);
      if (p_ > run)
        sink_.text(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_)
        return fail_at(start, "Unterminated string starting at");
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        sink_.text("\"", 1);
        return true;
      }
      if (c == '\\') {
        if (escaped != nullptr)
          *escaped = true;
        if (end_ - p_ < 2)
          return fail_at(start, "Unterminated string starting at");
        const char letter = p_[1];
        switch (letter) {
          case '"':
          case '\\':
            sink_.escape_short(letter);
            break;
          case '/':
            sink_.text("/", 1);
            break;
          case 'b':
          case 'f':
          case 'n':
          case 'r':
          case 't':
            sink_.escape_short(letter);
            break;
          case 'u': {
            unsigned unit = 0;
            if (!parse_hex4(p_ + 2, end_, unit))
              return fail("Invalid \\uXXXX escape");
            // A surrogate pair re-serialises as the same two escapes, so
            // units are emitted one by one without pairing them.
            emit_unit(unit);
            p_ += 6;
            continue;
          }
          default:
            return fail("Invalid \\escape");
        }
        p_ += 2;
      } else if (c < 0x20) {
        return fail("Invalid control character at");
      } else if (c == 0x7F) {
        sink_.escape_unit(0x7F);
        ++p_;
      } else {
        // Non-ASCII text comes in runs; stay here until the run ends.
        do {
          std::uint32_t code_point = 0;
          if (!decode_utf8(p_, end_, code_point))
            return fail("Invalid UTF-8");
          if (code_point >= 0x10000) {
            code_point -= 0x10000;
            sink_.escape_unit(0xD800 + (code_point >> 10));
            sink_.escape_unit(0xDC00 + (code_point & 0x3FF));
          } else {
            sink_.escape_unit(code_point);
          }
        } while (p_ < end_ && static_cast<unsigned char>(*p_) >= 0x80);
      }
    }
  }

  bool number() {
    const char* start = p_;
    if (*p_ == '-')
      ++p_;
    if (p_ < end_ && *p_ == '0') {
      ++p_;
    } else if (p_ < end_ && is_digit(*p_)) {
      while (p_ < end_ && is_digit(*p_))
        ++p_;
    } else {
      return fail_at(start, "Expecting value");
    }
    bool is_float = false;
    // Like Python's NUMBER_RE, a '.' or 'e' not followed by digits ends the
    // number; the parser then fails on the stray character.
    if (end_ - p_ >= 2 && *p_ == '.' && is_digit(p_[1])) {
      p_ += 2;
      while (p_ < end_ && is_digit(*p_))
        ++p_;
      is_float = true;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      const char* exponent = p_ + 1;
      if (exponent < end_ && (*exponent == '+' || *exponent == '-'))
        ++exponent;
      if (exponent < end_ && is_digit(*exponent)) {
        p_ = exponent;
        while (p_ < end_ && is_digit(*p_))
          ++p_;
        is_float = true;
      }
    }
    const std::string_view text(start, static_cast<std::size_t>(p_ - start));
    if (!is_float) {
      // Python's int() drops the sign of zero.
      if (text == "-0")
        sink_.text("0", 1);
      else
        sink_.text(text.data(), text.size());
      return true;
    }
    const std::string copy(text);
    const std::string repr = python_float_repr(std::strtod(copy.c_str(), nullptr));
    sink_.text(repr.data(), repr.size());
    return true;
  }

  bool is_nested_key(std::string_view key, bool escaped) const {
    return escaped ? decode_json_string_body(key) == nested_->key : key == nested_->key;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  Sink& sink_;
  std::vector<Member>* members_;
  NestedMembers* nested_;
  bool nested_next_ = false;
};

}  // namespace

MeasureResult measure_python_json(std::string_view json, std::vector<Member>* top_members) {
  return measure_python_json(json, top_members, nullptr);
}

MeasureResult measure_python_json(std::string_view json, std::vector<Member>* top_members,
                                  NestedMembers* nested) {
  if (top_members != nullptr)
    top_members->clear();
  if (nested != nullptr) {
    nested->members.clear();
    nested->found = false;
  }
  MeasureSink sink;
  Parser<MeasureSink> parser(json, sink, top_members, nested);
  MeasureResult result;
  if (parser.parse_document())
    result.python_length = sink.length;
  else
    result.error = parser.error;
  return result;
}

bool scan_object_members(std::string_view json, std::vector<Member>& members) {
  members.clear();
  NullSink sink;
  Parser<NullSink> parser(json, sink, &members);
  return parser.parse_document();
}

std::string python_dumps(std::string_view json) {
  std::string out;
  RenderSink sink(out, -1, 0);
  Parser<RenderSink> parser(json, sink, nullptr);
  if (!parser.parse_document())
    throw std::invalid_argument("invalid JSON: " + parser.error->message);
  return out;
}

void append_python_dumps_indented(std::string_view json, int indent, int level, std::string& out) {
  RenderSink sink(out, indent, level);
  Parser<RenderSink> parser(json, sink, nullptr);
  if (!parser.parse_document())
    throw std::invalid_argument("invalid JSON: " + parser.error->message);
}

std::string python_float_repr(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value < 0 ? "-Infinity" : "Infinity";
  // Shortest round-trip digits in scientific form, e.g. "-1.2345e-07".
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view scientific(buffer, static_cast<std::size_t>(result.ptr - buffer));
  std::string sign;
  std::size_t position = 0;
  if (scientific[0] == '-') {
    sign = "-";
    position = 1;
  }
  const auto e_position = scientific.find('e');
  std::string digits;
  for (std::size_t i = position; i < e_position; ++i) {
    if (scientific[i] != '.')
      digits += scientific[i];
  }
  const int exponent = std::atoi(std::string(scientific.substr(e_position + 1)).c_str());
  const auto digit_count = static_cast<int>(digits.size());
  std::string out = sign;
  // repr() switches to exponent notation below 1e-4 and from 1e16 on.
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      if (digit_count <= exponent + 1) {
        out += digits;
        out.append(static_cast<std::size_t>(exponent + 1 - digit_count), '0');
        out += ".0";
      } else {
        out += digits.substr(0, static_cast<std::size_t>(exponent + 1));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(exponent + 1));
      }
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(-exponent - 1), '0');
      out += digits;
    }
    return out;
  }
  out += digits[0];
  if (digit_count > 1) {
    out += '.';
    out += digits.substr(1);
  }
  out += 'e';
  out += exponent < 0 ? '-' : '+';
  const int magnitude = exponent < 0 ? -exponent : exponent;
  if (magnitude < 10)
    out += '0';
  out += std::to_string(magnitude);
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t length = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++length;
  }
  return length;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_code_points) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == max_code_points)
        return text.substr(0, i);
      ++count;
    }
  }
  return text;
}

std::string decode_json_string_body(std::string_view body) {
  return source::decode_json_escapes(body);
}

}  // namespace baton::session
