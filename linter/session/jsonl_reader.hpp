#pragma once

// Streaming reader of Claude Code .jsonl transcripts: one record per non-blank
// line, read through a fixed buffer so memory follows the longest line, not
// the file. Records are numbered the way distill_session.py numbers them: an
// index into the non-blank lines, from 0.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "session/python_json.hpp"

namespace baton::session {

// Failures of the session commands, with distill_session.py's exit codes.
class SessionError : public std::runtime_error {
 public:
  enum class Kind {
    not_found,         // exit 2: "Error: ..."
    malformed_json,    // exit 3: "Parse error: ..."
    stream_json,       // exit 3: SDK stream-json output is not a transcript
    invalid_argument,  // exit 4: "Validation error: ..."
  };

  SessionError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

  Kind kind() const { return kind_; }
  int exit_code() const;
  // The line distill_session.py prints on stderr, e.g. "Error: Session file not found: x".
  std::string stderr_line() const;

 private:
  Kind kind_;
};

// A line that is not valid JSON: its 1-based physical line, the 1-based column
// (in code points, within the line stripped of surrounding whitespace) and why.
struct MalformedLine {
  std::filesystem::path file;
  std::size_t line_number = 0;
  std::size_t column = 0;
  std::string message;
};

// What a validating pass over a file found, for a later pass over the same
// file: how many physical lines it read and which of them were malformed.
struct ValidatedLines {
  std::size_t lines = 0;
  std::vector<std::size_t> malformed;  // line numbers, ascending
};

struct ReadOptions {
  // spellbook's behaviour: the first malformed line fails the whole command.
  bool strict_json = false;
  // Set for a second pass over a file that a first pass validated: the lines
  // it judged are not validated again but skimmed (malformed ones skipped
  // silently, the others' members found without decoding), so python_length()
  // is 0 and message_members() null for them. Lines past `lines`, appended
  // since, are validated as usual.
  std::shared_ptr<const ValidatedLines> validated;
  // Told about every malformed line that is skipped (lenient mode only).
  std::function<void(const MalformedLine&)> on_malformed;
  // Told about every file a command leaves out (list, agents), and why.
  std::function<void(const std::string&)> on_warning;
};

// Physical lines of a file, without their line terminator.
class LineReader {
 public:
  // Throws SessionError(not_found) if the file is missing or is not a regular file.
  explicit LineReader(const std::filesystem::path& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line (valid until the next call) and its 1-based number.
  bool next(std::string_view& line, std::size_t& line_number);

 private:
  bool fill();

  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
};

// Records of a transcript: non-blank lines that are valid JSON, each measured
// as Python's json.dumps would write it, with its top-level members.
class RecordReader {
 public:
  // Throws SessionError(not_found).
  RecordReader(const std::filesystem::path& path, ReadOptions options);

  // Advances to the next record. Throws SessionError(malformed_json) on a bad
  // line under strict_json, and SessionError(stream_json) if the first record
  // is an SDK stream-json init message.
  bool next();

  std::string_view text() const { return text_; }
  std::size_t index() const { return index_; }
  std::size_t line_number() const { return line_number_; }
  // len(json.dumps(record)) in Python.
  std::size_t python_length() const { return python_length_; }
  // Members of the record if it is an object (empty otherwise).
  const std::vector<Member>& members() const { return members_; }
  // Members of the record's `message` when that is an object, else nullptr;
  // found in the same pass as members().
  const std::vector<Member>* message_members() const {
    return message_.found ? &message_.members : nullptr;
  }
  const std::filesystem::path& path() const { return path_; }
  // The physical lines read so far, blank and malformed ones included.
  std::size_t lines_read() const { return lines_read_; }

 private:
  std::filesystem::path path_;
  ReadOptions options_;
  LineReader lines_;
  std::string_view text_;
  std::size_t index_ = 0;
  std::size_t records_read_ = 0;
  std::size_t line_number_ = 0;
  std::size_t lines_read_ = 0;
  std::size_t python_length_ = 0;
  std::vector<Member> members_;
  NestedMembers message_{"message", {}, false};
};

// The whitespace str.strip() removes that can occur in a UTF-8 JSON line.
std::string_view strip_line(std::string_view line);

}  // namespace baton::session
