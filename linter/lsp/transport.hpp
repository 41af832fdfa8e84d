#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace baton::lsp {

// How JSON-RPC messages are framed on a byte stream.
enum class Framing {
  // The LSP base protocol: "Content-Length: N\r\n" (other headers allowed), a
  // blank line, then N bytes of JSON.
  content_length,
  // For transcript tests (clangd's -lit-test style): messages separated by a
  // line holding only "---"; lines starting with '#' are comments. Output is
  // written the same way.
  delimited,
  // The MCP stdio transport: one message per line, no embedded newlines;
  // blank lines are skipped.
  newline,
};

inline constexpr std::size_t default_max_frame = std::size_t{64} << 20;  // 64 MiB

struct ReadResult {
  enum class Status {
    message,  // `body` holds one message
    error,    // a malformed frame; `error` says why; reading may continue
    eof,      // the input ended
  };
  Status status = Status::eof;
  std::string body;
  std::string error;
};

// Reads and writes framed messages. Reading never throws on bad input: a
// malformed frame is reported and the reader resynchronises on the next
// "Content-Length:" header.
class Transport {
 public:
  Transport(std::istream& in, std::ostream& out, Framing framing,
            std::size_t max_frame = default_max_frame);

  ReadResult read();
  void write(std::string_view body);

  Framing framing() const { return framing_; }

 private:
  ReadResult read_content_length();
  ReadResult read_delimited();
  ReadResult read_newline();
  bool skip_to_header();

  std::istream& in_;
  std::ostream& out_;
  Framing framing_;
  std::size_t max_frame_;
  bool resync_ = false;  // after a bad header: skip input up to the next "Content-Length:"
};

}  // namespace baton::lsp
