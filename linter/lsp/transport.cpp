#include "lsp/transport.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

namespace baton::lsp {

namespace {

constexpr std::size_t max_header_line = 8192;
constexpr std::string_view content_length_header = "Content-Length:";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

enum class LineStatus { line, eof, too_long };

// Reads one line without its "\n" (and "\r"), at most `limit` bytes.
LineStatus read_line(std::istream& in, std::string& line, std::size_t limit) {
  line.clear();
  auto* buffer = in.rdbuf();
  bool any = false;
  for (;;) {
    const auto c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any ? LineStatus::line : LineStatus::eof;
    }
    any = true;
    if (c == '\n')
      break;
    if (line.size() >= limit)
      return LineStatus::too_long;
    line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return LineStatus::line;
}

ReadResult error(std::string message) {
  return {ReadResult::Status::error, {}, std::move(message)};
}

}  // namespace

Transport::Transport(std::istream& in, std::ostream& out, Framing framing, std::size_t max_frame)
    : in_(in), out_(out), framing_(framing), max_frame_(max_frame) {}

ReadResult Transport::read() {
  switch (framing_) {
    case Framing::content_length: return read_content_length();
    case Framing::delimited: return read_delimited();
    case Framing::newline: return read_newline();
  }
  return {};
}

ReadResult Transport::read_newline() {
  std::string line;
  for (;;) {
    const auto status = read_line(in_, line, max_frame_);
    if (status == LineStatus::eof)
      return {};
    if (status == LineStatus::too_long) {
      // Drop the rest of the line: the next message starts after it.
      while (read_line(in_, line, max_frame_) == LineStatus::too_long) {
      }
      return error("message exceeds the frame limit");
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    return {ReadResult::Status::message, std::move(line), {}};
  }
}

// Discards input up to and including the next "Content-Length:"; false at the end.
bool Transport::skip_to_header() {
  auto* buffer = in_.rdbuf();
  std::size_t matched = 0;
  for (;;) {
    const auto c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in_.setstate(std::ios::eofbit);
      return false;
    }
    if (static_cast<char>(c) == content_length_header[matched]) {
      if (++matched == content_length_header.size())
        return true;
    } else {
      matched = static_cast<char>(c) == content_length_header[0] ? 1 : 0;
    }
  }
}

ReadResult Transport::read_content_length() {
  std::string pending;  // a header already partly consumed by resynchronisation
  if (resync_) {
    if (!skip_to_header())
      return {};
    resync_ = false;
    pending = content_length_header;
  }
  std::optional<std::size_t> length;
  bool any_header = !pending.empty();
  std::string line;
  for (;;) {
    const auto status = read_line(in_, line, max_header_line);
    if (status == LineStatus::eof) {
      if (!any_header)
        return {};
      return error("the input ended inside a message header");
    }
    if (status == LineStatus::too_long) {
      resync_ = true;
      return error("a message header line is longer than 8192 bytes");
    }
    if (!pending.empty()) {
      line.insert(0, pending);
      pending.clear();
    }
    if (line.empty()) {
      if (!any_header)
        continue;  // blank lines between messages
      break;
    }
    any_header = true;
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      resync_ = true;
      return error("malformed message header '" + line.substr(0, 80) +
                   "' (expected 'Content-Length: N')");
    }
    const auto name = trim(std::string_view(line).substr(0, colon));
    const auto value = trim(std::string_view(line).substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      std::size_t parsed = 0;
      const auto [end, code] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (value.empty() || code != std::errc{} || end != value.data() + value.size()) {
        resync_ = true;
        return error("invalid Content-Length '" + std::string(value.substr(0, 40)) + "'");
      }
      length = parsed;
    }
  }
  if (!length) {
    resync_ = true;
    return error("message header without Content-Length");
  }
  if (*length > max_frame_) {
    // Skip the announced body: the frame boundary is still known.
    in_.ignore(static_cast<std::streamsize>(
        std::min<std::size_t>(*length, std::numeric_limits<std::streamsize>::max())));
    in_.clear(in_.rdstate() & ~std::ios::failbit);
    return error("message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                 std::to_string(max_frame_) + " bytes");
  }
  ReadResult result;
  result.body.resize(*length);
  in_.read(result.body.data(), static_cast<std::streamsize>(*length));
  const auto got = static_cast<std::size_t>(in_.gcount());
  if (got < *length) {
    in_.clear(in_.rdstate() & ~std::ios::failbit);
    in_.setstate(std::ios::eofbit);
    return error("the input ended inside a message body (" + std::to_string(got) + " of " +
                 std::to_string(*length) + " bytes)");
  }
  result.status = ReadResult::Status::message;
  return result;
}

ReadResult Transport::read_delimited() {
  ReadResult result;
  std::string line;
  bool too_large = false;
  for (;;) {
    const auto status = read_line(in_, line, max_frame_);
    if (status == LineStatus::eof)
      break;
    if (status == LineStatus::too_long) {
      too_large = true;
      continue;
    }
    if (line == "---") {
      if (too_large)
        return error("message exceeds the frame limit");
      if (result.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        result.body.clear();
        continue;
      }
      result.status = ReadResult::Status::message;
      return result;
    }
    if (!line.empty() && line.front() == '#')
      continue;
    if (result.body.size() + line.size() + 1 > max_frame_)
      too_large = true;
    if (too_large)
      continue;
    result.body += line;
    result.body += '\n';
  }
  if (too_large)
    return error("message exceeds the frame limit");
  if (result.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return {};
  result.status = ReadResult::Status::message;
  return result;
}

void Transport::write(std::string_view body) {
  if (framing_ == Framing::content_length) {
    out_ << "Content-Length: " << body.size() << "\r\n\r\n";
    out_.write(body.data(), static_cast<std::streamsize>(body.size()));
  } else if (framing_ == Framing::newline) {
    out_.write(body.data(), static_cast<std::streamsize>(body.size()));
    out_ << '\n';
  } else {
    out_.write(body.data(), static_cast<std::streamsize>(body.size()));
    out_ << "\n---\n";
  }
  out_.flush();
}

}  // namespace baton::lsp
