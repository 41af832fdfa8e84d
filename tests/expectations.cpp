#include "expectations.hpp"

#include <charconv>

namespace baton::fixtures {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool parse_int(std::string_view text, long& value) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + (text.starts_with('+') ? 1 : 0), end, value);
  return ec == std::errc() && ptr == end;
}

}  // namespace

ExpectationSet parse_expectations(std::string_view text) {
  ExpectationSet set;
  std::uint32_t line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    ++line;
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto row = text.substr(start, end - start);
    if (row.find("<!-- fixture-check-fs -->") != std::string_view::npos) set.check_filesystem = true;
    if (const auto at = row.find("<!-- fixture-max-file-size:"); at != std::string_view::npos) {
      const auto close = row.find("-->", at);
      const auto value = trim(row.substr(at + 27, close == std::string_view::npos ? 0 : close - at - 27));
      std::uint64_t bytes = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), bytes);
      if (ec == std::errc() && ptr == value.data() + value.size()) {
        set.max_file_size = bytes;
      } else {
        set.errors.push_back("line " + std::to_string(line) + ": fixture-max-file-size needs a number of bytes");
      }
    }
    if (const auto at = row.find("<!-- fixture-rules:"); at != std::string_view::npos) {
      const auto close = row.find("-->", at);
      auto list = trim(row.substr(at + 19, close == std::string_view::npos ? 0 : close - at - 19));
      while (!list.empty()) {
        auto word_end = list.find_first_of(" ,\t");
        if (word_end == std::string_view::npos) word_end = list.size();
        if (word_end > 0) set.only_rules.emplace_back(list.substr(0, word_end));
        list = list.substr(word_end);
        while (!list.empty() && (list.front() == ' ' || list.front() == ',' || list.front() == '\t')) {
          list.remove_prefix(1);
        }
      }
    }
    for (auto at = row.find("<!-- expect"); at != std::string_view::npos;
         at = row.find("<!-- expect", at + 1)) {
      const auto close = row.find("-->", at);
      if (close == std::string_view::npos) {
        set.errors.push_back("line " + std::to_string(line) + ": unterminated expectation");
        break;
      }
      auto body = trim(row.substr(at + 11, close - at - 11));
      if (body == "-no-diagnostics") {
        set.no_diagnostics = true;
        continue;
      }
      std::uint32_t target = line;
      if (body.starts_with('@')) {
        const auto colon = body.find(':');
        auto where = body.substr(1, colon - 1);
        long value = 0;
        if (where.starts_with('L') && parse_int(where.substr(1), value)) {
          target = static_cast<std::uint32_t>(value);
        } else if (parse_int(where, value)) {
          target = static_cast<std::uint32_t>(static_cast<long>(line) + value);
        } else {
          set.errors.push_back("line " + std::to_string(line) + ": bad position '" + std::string(where) + "'");
          continue;
        }
        body = body.substr(colon == std::string_view::npos ? body.size() : colon);
      }
      if (!body.starts_with(':')) {
        set.errors.push_back("line " + std::to_string(line) + ": expected ':' in expectation");
        continue;
      }
      body = trim(body.substr(1));
      // Rules separated by blanks or commas; a quoted string applies to the rule before it.
      while (!body.empty()) {
        if (body.front() == ' ' || body.front() == ',' || body.front() == '\t') {
          body.remove_prefix(1);
          continue;
        }
        if (body.front() == '"') {
          const auto quote = body.find('"', 1);
          if (quote == std::string_view::npos || set.expectations.empty()) {
            set.errors.push_back("line " + std::to_string(line) + ": bad message text");
            break;
          }
          set.expectations.back().message = std::string(body.substr(1, quote - 1));
          body = trim(body.substr(quote + 1));
          continue;
        }
        auto word_end = body.find_first_of(" ,\t");
        if (word_end == std::string_view::npos) word_end = body.size();
        set.expectations.push_back({target, std::string(body.substr(0, word_end)), std::nullopt, line});
        body = body.substr(word_end);
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return set;
}

}  // namespace baton::fixtures
