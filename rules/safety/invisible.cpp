#include "rules/safety/invisible.hpp"

#include <array>
#include <utility>

namespace baton::rules::safety {

namespace {

struct NamedCharacter {
  std::uint32_t code_point;
  std::string_view name;
};

// The characters reported, by their Unicode names. Tag characters
// (U+E0000-U+E007F) are named by invisible_name.
constexpr NamedCharacter named_characters[] = {
    {0x200B, "ZERO WIDTH SPACE"},
    {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2060, "WORD JOINER"},
    {0x2061, "FUNCTION APPLICATION"},
    {0x2062, "INVISIBLE TIMES"},
    {0x2063, "INVISIBLE SEPARATOR"},
    {0x2064, "INVISIBLE PLUS"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE"},
};

constexpr std::uint32_t zero_width_non_joiner = 0x200C;
constexpr std::uint32_t zero_width_joiner = 0x200D;
constexpr std::uint32_t byte_order_mark = 0xFEFF;
constexpr std::uint32_t first_tag = 0xE0000;
constexpr std::uint32_t last_tag = 0xE007F;
constexpr std::uint32_t cancel_tag = 0xE007F;
constexpr std::uint32_t waving_black_flag = 0x1F3F4;

bool is_named(std::uint32_t code_point) {
  for (const auto& named : named_characters) {
    if (named.code_point == code_point)
      return true;
  }
  return false;
}

bool is_tag(std::uint32_t code_point) {
  return code_point >= first_tag && code_point <= last_tag;
}

unsigned byte_at(std::string_view text, std::size_t at) {
  return static_cast<unsigned char>(text[at]);
}

bool continuation(std::string_view text, std::size_t at) {
  return at < text.size() && (byte_at(text, at) & 0xC0) == 0x80;
}

// The code point of the well-formed UTF-8 sequence at `at` and its length;
// {0, 0} when the bytes there are not one.
std::pair<std::uint32_t, std::size_t> decode_at(std::string_view text, std::size_t at) {
  if (at >= text.size())
    return {0, 0};
  const auto lead = byte_at(text, at);
  if (lead < 0x80)
    return {lead, 1};
  std::size_t length = 0;
  std::uint32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07;
  } else {
    return {0, 0};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (!continuation(text, at + i))
      return {0, 0};
    value = (value << 6) | (byte_at(text, at + i) & 0x3F);
  }
  return {value, length};
}

// The code point that ends just before `at`, or 0.
std::uint32_t decode_before(std::string_view text, std::size_t at) {
  auto begin = at;
  while (begin > 0 && at - begin < 4) {
    --begin;
    if ((byte_at(text, begin) & 0xC0) != 0x80)
      break;
  }
  const auto [code_point, length] = decode_at(text, begin);
  return begin + length == at ? code_point : 0;
}

// The characters reported, context aside: a cheap test on the lead byte
// first, since nearly every byte of a prompt is ASCII.
std::pair<std::uint32_t, std::size_t> candidate_at(std::string_view text, std::size_t at) {
  const auto lead = byte_at(text, at);
  if (lead != 0xE2 && lead != 0xEF && lead != 0xF3)
    return {0, 0};
  const auto [code_point, length] = decode_at(text, at);
  if (length == 0 || !(is_named(code_point) || is_tag(code_point)))
    return {0, 0};
  return {code_point, length};
}

bool is_emoji(std::uint32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F || c == 0x20E3 || c == 0x00A9 || c == 0x00AE;
}

// Scripts whose spelling needs the joiners (Persian ZWNJ, Indic conjuncts).
bool joins(std::uint32_t c) {
  return (c >= 0x0600 && c <= 0x08FF) || (c >= 0x0900 && c <= 0x0DFF) ||
         (c >= 0x0F00 && c <= 0x109F) || (c >= 0x1780 && c <= 0x18AF) ||
         (c >= 0xA840 && c <= 0xA8FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFC);
}

// A joiner that spells: between two emoji (a ZWJ sequence such as a family
// or a rainbow flag) or between two letters of a joining script.
bool legitimate_joiner(std::string_view text, std::size_t at, std::size_t length,
                       std::uint32_t code_point) {
  if (code_point != zero_width_joiner && code_point != zero_width_non_joiner)
    return false;
  const auto before = decode_before(text, at);
  const auto after = decode_at(text, at + length).first;
  if (code_point == zero_width_joiner && is_emoji(before) && is_emoji(after))
    return true;
  return joins(before) && joins(after);
}

// An emoji subdivision flag (England, Scotland, Wales): a waving black flag,
// tag letters, a cancel tag.
bool is_flag_tag_sequence(std::string_view text, const InvisibleRun& run) {
  if (run.code_points.size() < 2 || run.code_points.back() != cancel_tag)
    return false;
  for (std::size_t i = 0; i + 1 < run.code_points.size(); ++i) {
    const auto c = run.code_points[i];
    if (c < 0xE0020 || c > 0xE007E)
      return false;
  }
  return decode_before(text, run.offset) == waving_black_flag;
}

}  // namespace

std::vector<InvisibleRun> find_invisible_runs(std::string_view text) {
  std::vector<InvisibleRun> runs;
  InvisibleRun run;
  auto close_run = [&] {
    if (!run.code_points.empty() && !is_flag_tag_sequence(text, run))
      runs.push_back(std::move(run));
    run = InvisibleRun{};
  };
  for (std::size_t at = 0; at < text.size();) {
    const auto [code_point, length] = candidate_at(text, at);
    const bool leading_bom = code_point == byte_order_mark && at == 0;
    if (length == 0 || leading_bom || legitimate_joiner(text, at, length, code_point)) {
      if (!run.code_points.empty() && run.offset + run.length == at)
        close_run();
      at += length == 0 ? 1 : length;
      continue;
    }
    if (run.code_points.empty())
      run.offset = at;
    run.code_points.push_back(code_point);
    run.length = at + length - run.offset;
    at += length;
    // The run goes on only if the next character is invisible too.
    if (at >= text.size() || candidate_at(text, at).second == 0)
      close_run();
  }
  close_run();
  return runs;
}

std::size_t invisible_length_at(std::string_view text, std::size_t at) {
  if (at >= text.size())
    return 0;
  return candidate_at(text, at).second;
}

std::string invisible_name(std::uint32_t code_point) {
  for (const auto& named : named_characters) {
    if (named.code_point == code_point)
      return std::string(named.name);
  }
  if (code_point == 0xE0001)
    return "LANGUAGE TAG";
  if (code_point == cancel_tag)
    return "CANCEL TAG";
  if (code_point == 0xE0020)
    return "TAG SPACE";
  if (code_point > 0xE0020 && code_point < 0xE007F) {
    const auto ascii = static_cast<char>(code_point - first_tag);
    if (ascii >= 'A' && ascii <= 'Z')
      return std::string("TAG LATIN CAPITAL LETTER ") + ascii;
    if (ascii >= 'a' && ascii <= 'z')
      return std::string("TAG LATIN SMALL LETTER ") + static_cast<char>(ascii - 'a' + 'A');
    if (ascii >= '0' && ascii <= '9')
      return std::string("TAG DIGIT ") + ascii;
    return "TAG CHARACTER";
  }
  return is_tag(code_point) ? "TAG CHARACTER" : "INVISIBLE CHARACTER";
}

bool is_bidi_control(std::uint32_t code_point) {
  return code_point == 0x200E || code_point == 0x200F ||
         (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

std::string tag_text(const InvisibleRun& run) {
  std::string spelled;
  for (const auto code_point : run.code_points) {
    if (code_point >= 0xE0020 && code_point <= 0xE007E)
      spelled.push_back(static_cast<char>(code_point - first_tag));
  }
  return spelled;
}

std::string visible_text(std::string_view text) {
  std::string visible;
  visible.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (const auto length = invisible_length_at(text, at); length > 0) {
      at += length;
      continue;
    }
    const char c = text[at++];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      visible.push_back(c);
    } else if (!visible.empty() && visible.back() != ' ') {
      visible.push_back(' ');
    }
  }
  while (!visible.empty() && visible.back() == ' ')
    visible.pop_back();
  return visible;
}

}  // namespace baton::rules::safety
