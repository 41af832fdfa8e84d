#include "source/unicode.hpp"

namespace baton::source {

namespace {

bool parse_hex4(std::string_view text, std::size_t at, std::uint32_t& unit) {
  if (at + 4 > text.size()) return false;
  unit = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const int digit = hex_value(text[i]);
    if (digit < 0) return false;
    unit = unit * 16 + static_cast<std::uint32_t>(digit);
  }
  return true;
}

}  // namespace

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode_json_escapes(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    // The text up to the next backslash, in one piece.
    const auto slash = body.find('\\', i);
    if (slash == std::string_view::npos) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, slash - i));
    i = slash;
    if (i + 1 >= body.size()) {
      out += '\\';
      continue;
    }
    const char letter = body[++i];
    switch (letter) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::uint32_t unit = 0;
        if (!parse_hex4(body, i + 1, unit)) {
          out += letter;
          break;
        }
        i += 4;
        std::uint32_t code_point = unit;
        if (unit >= 0xD800 && unit < 0xDC00) {
          std::uint32_t low = 0;
          if (i + 6 < body.size() && body[i + 1] == '\\' && body[i + 2] == 'u' &&
              parse_hex4(body, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
            code_point = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          } else {
            code_point = 0xFFFD;
          }
        } else if (unit >= 0xDC00 && unit < 0xE000) {
          code_point = 0xFFFD;
        }
        append_utf8(out, code_point);
        break;
      }
      default:
        out += letter;
        break;
    }
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(path.size());
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += hex[byte >> 4];
      encoded += hex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace baton::source
