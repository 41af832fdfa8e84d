#include "session/jsonl_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "session/records.hpp"
#include "session/skim.hpp"

namespace baton::session {

namespace {

// Large enough that read() calls are rare, small enough to be irrelevant to memory.
constexpr std::size_t initial_buffer_size = std::size_t{1} << 20;

bool is_strip_space(char c) {
  // str.strip() removes these and the Unicode spaces; JSON itself only knows
  // the first four, so they are the only ones a valid line can start with.
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         (c >= '\x1c' && c <= '\x1f');
}

}  // namespace

int SessionError::exit_code() const {
  switch (kind_) {
    case Kind::not_found:
      return 2;
    case Kind::malformed_json:
    case Kind::stream_json:
      return 3;
    case Kind::invalid_argument:
      return 4;
  }
  return 1;
}

std::string SessionError::stderr_line() const {
  switch (kind_) {
    case Kind::not_found:
      return std::string("Error: ") + what();
    case Kind::malformed_json:
    case Kind::stream_json:
      return std::string("Parse error: ") + what();
    case Kind::invalid_argument:
      return std::string("Validation error: ") + what();
  }
  return what();
}

std::string_view strip_line(std::string_view line) {
  while (!line.empty() && is_strip_space(line.front()))
    line.remove_prefix(1);
  while (!line.empty() && is_strip_space(line.back()))
    line.remove_suffix(1);
  return line;
}

LineReader::LineReader(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0)
    throw SessionError(SessionError::Kind::not_found, "Session file not found: " + path.string());
  struct stat status {};
  if (::fstat(fd_, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    throw SessionError(SessionError::Kind::not_found,
                       "Session file not found (not a regular file): " + path.string());
  }
  buffer_.resize(initial_buffer_size);
}

LineReader::~LineReader() {
  if (fd_ >= 0)
    ::close(fd_);
}

bool LineReader::fill() {
  if (eof_)
    return false;
  if (begin_ > 0) {
    // Keep the unfinished line at the front of the buffer.
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size())
    buffer_.resize(buffer_.size() * 2);
  for (;;) {
    const ssize_t count = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0)
      throw SessionError(
          SessionError::Kind::not_found,
          "Cannot read session file: " + path_.string() + ": " + std::strerror(errno));
    if (count == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(count);
    return true;
  }
}

bool LineReader::next(std::string_view& line, std::size_t& line_number) {
  std::size_t searched = begin_;
  for (;;) {
    const void* newline = std::memchr(buffer_.data() + searched, '\n', end_ - searched);
    if (newline != nullptr) {
      const auto position =
          static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data());
      line = std::string_view(buffer_.data() + begin_, position - begin_);
      begin_ = position + 1;
      line_number = ++line_number_;
      return true;
    }
    const std::size_t scanned = end_ - begin_;
    if (!fill()) {
      if (begin_ == end_)
        return false;
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      line_number = ++line_number_;
      return true;
    }
    searched = begin_ + scanned;
  }
}

RecordReader::RecordReader(const std::filesystem::path& path, ReadOptions options)
    : path_(path), options_(std::move(options)), lines_(path) {}

bool RecordReader::next() {
  std::string_view line;
  std::size_t line_number = 0;
  while (lines_.next(line, line_number)) {
    lines_read_ = line_number;
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF")
      line.remove_prefix(3);  // A BOM: Python would fail on it; nothing is lost by skipping it.
    const std::string_view stripped = strip_line(line);
    if (stripped.empty())
      continue;
    if (options_.validated && line_number <= options_.validated->lines) {
      const auto& malformed = options_.validated->malformed;
      if (std::binary_search(malformed.begin(), malformed.end(), line_number))
        continue;
      members_ = skim_members(stripped);
      message_.found = false;
      message_.members.clear();
      text_ = stripped;
      index_ = records_read_++;
      line_number_ = line_number;
      python_length_ = 0;
      return true;
    }
    const MeasureResult measured = measure_python_json(stripped, &members_, &message_);
    if (measured.error) {
      const std::size_t column = utf8_length(stripped.substr(0, measured.error->offset)) + 1;
      if (options_.strict_json) {
        // distill_session.py's message: "Invalid JSON at line N: line 1 column C (char P)".
        throw SessionError(SessionError::Kind::malformed_json,
                           "Invalid JSON at line " + std::to_string(line_number) +
                               ": line 1 column " + std::to_string(column) + " (char " +
                               std::to_string(column - 1) + ")");
      }
      if (options_.on_malformed)
        options_.on_malformed(MalformedLine{path_, line_number, column, measured.error->message});
      continue;
    }
    if (records_read_ == 0 && is_stream_json_init(members_)) {
      throw SessionError(SessionError::Kind::stream_json,
                         path_.string() +
                             " is Claude Code SDK stream-json output (claude -p "
                             "--output-format stream-json), not a session transcript");
    }
    text_ = stripped;
    index_ = records_read_++;
    line_number_ = line_number;
    python_length_ = measured.python_length;
    return true;
  }
  return false;
}

}  // namespace baton::session
