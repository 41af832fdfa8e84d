#include "session/skim.hpp"

namespace baton::session {

namespace {

// The end of the JSON string that starts at `at` (one past its closing quote).
std::size_t skip_string(std::string_view text, std::size_t at) {
  auto from = at + 1;
  while (true) {
    const auto quote = text.find('"', from);
    if (quote == std::string_view::npos)
      return text.size();
    auto backslashes = quote;
    while (backslashes > at + 1 && text[backslashes - 1] == '\\')
      --backslashes;
    if ((quote - backslashes) % 2 == 0)
      return quote + 1;
    from = quote + 1;
  }
}

// The end of the JSON value that starts at `at`.
std::size_t skip_value(std::string_view text, std::size_t at) {
  int depth = 0;
  auto i = at;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      i = skip_string(text, i);
      if (depth == 0)
        return i;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0)
        return i;
      if (--depth == 0)
        return i + 1;
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
      return i;
    }
    ++i;
  }
  return i;
}

std::size_t skip_blank(std::string_view text, std::size_t at) {
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n'))
    ++at;
  return at;
}

}  // namespace

std::vector<std::string_view> skim_elements(std::string_view array) {
  std::vector<std::string_view> elements;
  if (array.empty() || array.front() != '[')
    return elements;
  auto at = skip_blank(array, 1);
  while (at < array.size() && array[at] != ']') {
    const auto end = skip_value(array, at);
    elements.push_back(array.substr(at, end - at));
    at = skip_blank(array, end);
    if (at < array.size() && array[at] == ',')
      at = skip_blank(array, at + 1);
  }
  return elements;
}

std::vector<Member> skim_members(std::string_view object) {
  std::vector<Member> members;
  if (object.empty() || object.front() != '{')
    return members;
  auto at = skip_blank(object, 1);
  while (at < object.size() && object[at] == '"') {
    const auto key_end = skip_string(object, at);
    Member member;
    member.key = object.substr(at + 1, key_end - at - 2);
    member.key_escaped = member.key.find('\\') != std::string_view::npos;
    at = skip_blank(object, key_end);
    at = skip_blank(object, at + 1);  // the colon
    const auto end = skip_value(object, at);
    member.value = object.substr(at, end - at);
    members.push_back(member);
    at = skip_blank(object, end);
    if (at < object.size() && object[at] == ',')
      at = skip_blank(object, at + 1);
  }
  return members;
}

}  // namespace baton::session
