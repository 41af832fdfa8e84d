#include "generate/quote.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "rules/safety/invisible.hpp"

namespace baton::generate::quote {

namespace {

using namespace std::string_view_literals;

// What the rules read in raw text, wherever it stands (see quote.hpp).
// action-in-section0: tools followed by "(", and shell commands in code.
constexpr std::string_view acting_tools[] = {
    "Bash"sv,      "Write"sv, "Edit"sv,  "MultiEdit"sv, "NotebookEdit"sv, "WebFetch"sv,
    "WebSearch"sv, "Task"sv,  "Agent"sv, "Skill"sv,     "Read"sv,         "TodoWrite"sv};
constexpr std::string_view acting_commands[] = {"curl "sv, "wget "sv, "rm -"sv};
// vague-instruction's phrases (rules/section0/hp103_vague_instruction.cpp), lower case.
constexpr std::string_view vague_phrases[] = {"continue where you left off"sv,
                                              "pick up where you left off"sv,
                                              "resume where you left off"sv,
                                              "continue from where you left off"sv,
                                              "carry on where you left off"sv,
                                              "continue with the workflow"sv,
                                              "continue the workflow"sv,
                                              "resume the workflow"sv,
                                              "continue the work"sv,
                                              "see the design doc"sv,
                                              "see design doc"sv,
                                              "see the plan"sv,
                                              "see the docs"sv,
                                              "refer to the design doc"sv,
                                              "check the design doc"sv,
                                              "read the relevant docs"sv,
                                              "read the relevant documents"sv,
                                              "read the relevant files"sv,
                                              "as discussed"sv};
// Explicit markers (marker-with-content, the restoration rules).
constexpr std::string_view markers[] = {"NO ACTIVE SKILL"sv, "NO DOCUMENTS"sv,
                                        "NO TODOS"sv,        "NO PLANNING DOCUMENTS"sv,
                                        "No files"sv,        "No artifacts"sv};
// template-placeholder's example paths.
constexpr std::string_view template_paths[] = {"/path/to/"sv, "/absolute/path"sv};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_icase(std::string_view text, std::size_t at, std::string_view phrase) {
  if (text.size() - at < phrase.size())
    return false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (lower(text[at + i]) != phrase[i])
      return false;
  }
  return true;
}

// Positions whose byte must be escaped so that no rule matches the raw text.
std::vector<char> trigger_positions(std::string_view text) {
  std::vector<char> marked(text.size(), 0);
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto rest = text.substr(at);
    const bool word_start = at == 0 || !is_word_char(text[at - 1]);
    if (word_start) {
      for (auto tool : acting_tools) {
        if (!rest.starts_with(tool))
          continue;
        auto paren = tool.size();
        while (paren < rest.size() && (rest[paren] == ' ' || rest[paren] == '\t'))
          ++paren;
        if (paren < rest.size() && rest[paren] == '(')
          marked[at] = 1;
      }
      for (auto phrase : vague_phrases) {
        if (starts_with_icase(text, at, phrase))
          marked[at] = 1;
      }
    }
    // Only at the start of a word, as the rules match them: an escape inside
    // a word would cut it, and could make a token that ran on into a word
    // look like a whole one to the secret detector.
    for (auto command : acting_commands) {
      if (word_start && rest.starts_with(command))
        marked[at] = 1;
    }
    for (auto marker : markers) {
      if (word_start && rest.starts_with(marker))
        marked[at] = 1;
    }
    for (auto path : template_paths) {
      if (rest.starts_with(path))
        marked[at] = 1;
    }
  }
  return marked;
}

// Decodes one UTF-8 sequence at `at`; returns its length (1 for a stray byte,
// with cp = 0xFFFD).
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& cp) {
  const auto byte = static_cast<unsigned char>(text[at]);
  std::size_t length = 1;
  if (byte < 0x80) {
    cp = byte;
    return 1;
  }
  if ((byte & 0xE0) == 0xC0) {
    length = 2;
    cp = byte & 0x1F;
  } else if ((byte & 0xF0) == 0xE0) {
    length = 3;
    cp = byte & 0x0F;
  } else if ((byte & 0xF8) == 0xF0) {
    length = 4;
    cp = byte & 0x07;
  } else {
    cp = 0xFFFD;
    return 1;
  }
  if (at + length > text.size()) {
    cp = 0xFFFD;
    return 1;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    cp = 0xFFFD;
  return length;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Characters YAML does not allow raw in a double-quoted scalar, or reads as
// line breaks.
bool needs_unicode_escape(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         cp == 0xFFFE || cp == 0xFFFF;
}

// Backslash-escapes the characters with an inline markdown meaning, and
// those that open a block at the start of a line.
void append_inline(std::string& out, std::string_view line, bool line_start = true) {
  // Block openers: "#", "-", "+", "=", "~", ">" always (text may follow a
  // list marker, where "# x" is still a heading); "1." and "1)" at the start
  // of a line.
  std::size_t first = 0;
  while (first < line.size() && (line[first] == ' ' || line[first] == '\t'))
    ++first;
  std::size_t ordered_marker = std::string_view::npos;
  if (line_start) {
    auto digit = first;
    while (digit < line.size() && line[digit] >= '0' && line[digit] <= '9')
      ++digit;
    if (digit > first && digit < line.size() && (line[digit] == '.' || line[digit] == ')')) {
      ordered_marker = digit;
    }
  }
  // The inner slash of a template example path ("/path\\/to/"), so that the
  // raw text no longer contains it.
  std::vector<char> inner_slash(line.size(), 0);
  for (auto path : template_paths) {
    for (auto at = line.find(path); at != std::string_view::npos; at = line.find(path, at + 1)) {
      inner_slash[at + 1 + path.substr(1).find('/')] = 1;
    }
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '[':
      case ']':
      case '{':
      case '}':
      case '<':
      case '>':
      case '|':
      case '&':
      case '*':
      case '_':
        escape = true;
        break;
      case '#':
      case '-':
      case '+':
      case '=':
      case '~':
      case '!':
        escape = i == first;
        break;
      case '/':
        escape = inner_slash[i] != 0;
        break;
      default:
        break;
    }
    if (i == ordered_marker)
      escape = true;
    if (escape)
      out += '\\';
    out += c;
  }
}

}  // namespace

std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Invisible and bidi characters (invisible-character, HP602) show as one
  // U+FFFD per run: the reader sees that something was there.
  const auto invisible = rules::safety::find_invisible_runs(text);
  auto next_invisible = invisible.begin();
  for (std::size_t at = 0; at < text.size();) {
    while (next_invisible != invisible.end() && next_invisible->offset < at) ++next_invisible;
    if (next_invisible != invisible.end() && next_invisible->offset == at) {
      append_utf8(out, 0xFFFD);
      at += next_invisible->length;
      ++next_invisible;
      continue;
    }
    char32_t cp = 0;
    const auto length = decode_utf8(text, at, cp);
    if (cp == '\r') {
      out += '\n';
      if (at + 1 < text.size() && text[at + 1] == '\n')
        ++at;
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || cp == 0xFFFD) {
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::string literal(std::string_view raw) {
  const auto text = clean(raw);
  const auto triggers = trigger_positions(text);
  std::string out = "\"";
  for (std::size_t at = 0; at < text.size();) {
    char32_t cp = 0;
    const auto length = decode_utf8(text, at, cp);
    if (triggers[at] || cp == '[' || cp == ']' || cp < 0x20 || cp == 0x7F ||
        needs_unicode_escape(cp)) {
      switch (cp) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(cp));
          break;
      }
    } else if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  out += '"';
  return out;
}

std::string inline_text(std::string_view raw, bool line_start) {
  auto text = clean(raw);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string::npos)
    return {};
  const auto end = text.find_last_not_of(' ');
  std::string out;
  append_inline(out, std::string_view(text).substr(begin, end - begin + 1), line_start);
  return out;
}

std::string cell(std::string_view text) {
  auto out = inline_text(text);
  if (out.empty())
    return "(empty)";
  if (out == "\xE2\x80\xA6" || out == "...")
    out += " (as written)";
  return out;
}

std::string blockquote(std::string_view raw) {
  const auto text = clean(raw);
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto stop = text.find('\n', start);
    if (stop == std::string::npos)
      stop = text.size();
    auto line = std::string_view(text).substr(start, stop - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    if (line.empty()) {
      out += ">\n";
    } else {
      out += "> ";
      // Leading blanks as character references: indentation would turn the
      // line into an indented code block.
      std::size_t indent = 0;
      while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) {
        out += line[indent] == ' ' ? "&#32;" : "&#9;";
        ++indent;
      }
      append_inline(out, line.substr(indent));
      out += '\n';
    }
    start = stop + 1;
  }
  return out;
}

bool code_safe(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ')
    return false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '`' || c == '|' || c == '[' || c == ']')
      return false;
  }
  for (auto path : template_paths) {
    if (text.find(path) != std::string_view::npos)
      return false;
  }
  return true;
}

std::string code_span(std::string_view text) {
  return fmt::format("`{}`", text);
}

std::string safe_path(std::string_view path) {
  // The inner slash of each example prefix is written twice.
  std::vector<char> doubled(path.size(), 0);
  for (auto prefix : template_paths) {
    for (auto at = path.find(prefix); at != std::string_view::npos;
         at = path.find(prefix, at + 1)) {
      doubled[at + 1 + prefix.substr(1).find('/')] = 1;
    }
  }
  std::string out;
  out.reserve(path.size() + 4);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (doubled[i])
      out += '/';
    out += path[i];
  }
  return out;
}

bool quotable_path(std::string_view path) {
  if (path.empty() || path.front() != '/')
    return false;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      return false;
    switch (c) {
      case '`':
      case '|':
      case '[':
      case ']':
      case '"':
      case '\'':
      case '\\':
      case '<':
      case '>':
      case '{':
      case '}':
      case '$':
      case '#':
        return false;
      default:
        break;
    }
  }
  return code_safe(safe_path(path));
}

std::string shell_word(std::string_view path) {
  const bool plain = std::all_of(path.begin(), path.end(), [](char c) {
    return is_word_char(c) || c == '/' || c == '.' || c == '-' || c == '+' || c == ',' ||
           c == ':' || c == '@' || c == '%' || c == '=';
  });
  if (plain)
    return std::string(path);
  std::string out = "'";
  for (char c : path) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string excerpt(std::string_view text, std::size_t max) {
  if (text.size() <= max)
    return std::string(text);
  auto cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace baton::generate::quote
