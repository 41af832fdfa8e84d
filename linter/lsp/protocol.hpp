#pragma once

// The parts of LSP 3.17 baton uses, and the one place where byte offsets
// become LSP positions. Like clangd's ClientCapabilities, nothing here mirrors
// the whole protocol: only what the server reads or writes.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "source/source_file.hpp"

namespace baton::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
}  // namespace error_code

// Thrown by handlers; the dispatcher turns it into an error response.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// What `Position::character` counts.
enum class PositionEncoding { utf8, utf16, utf32 };

std::string_view to_string(PositionEncoding encoding);
// The first encoding of the client's `general.positionEncodings` the server
// supports; UTF-16 (mandatory, the default) when it offers none.
PositionEncoding negotiate_encoding(const json& offered);

// 0-based line, and `character` in units of the negotiated encoding: UTF-16
// code units by default — not bytes, not code points.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend constexpr bool operator==(Position, Position) = default;
  friend constexpr auto operator<=>(Position, Position) = default;
};

struct Range {
  Position start;
  Position end;
  friend constexpr bool operator==(Range, Range) = default;
};

void to_json(json& out, const Position& position);
void to_json(json& out, const Range& range);
// Throw RpcError(invalid_params) when the JSON is not a position/range.
Position position_from_json(const json& in);
Range range_from_json(const json& in);

// Units of `text` in the encoding. A byte that does not start a well-formed
// UTF-8 sequence counts as one unit, so every byte string has positions.
std::uint32_t count_units(std::string_view text, PositionEncoding encoding);
// Bytes of the longest prefix of `line` spanning at most `units` units; a
// position inside a character (the middle of a surrogate pair) rounds down.
std::uint32_t byte_column(std::string_view line, std::uint32_t units, PositionEncoding encoding);

// Converts byte offsets of one SourceFile to LSP positions and back. Lines end
// at "\n" ("\r\n" included), as in SourceFile.
class PositionMapper {
 public:
  PositionMapper(const source::SourceFile& file, PositionEncoding encoding)
      : file_(file), encoding_(encoding) {}

  Position position(std::uint32_t offset) const;
  Range range(source::TextRange range) const;
  // Clamped: past the end of a line is its end, past the last line the end of the text.
  std::uint32_t offset(Position position) const;

 private:
  const source::SourceFile& file_;
  PositionEncoding encoding_;
};

// The byte offset of a position in `text`, without a line index (didChange).
std::uint32_t offset_in_text(std::string_view text, Position position, PositionEncoding encoding);

// What the server reads from the client's `initialize` request.
struct ClientCapabilities {
  PositionEncoding encoding = PositionEncoding::utf16;
  bool pull_diagnostics = false;            // textDocument.diagnostic
  bool diagnostic_refresh = false;          // workspace.diagnostics.refreshSupport
  bool watched_files_registration = false;  // workspace.didChangeWatchedFiles.dynamicRegistration
  bool hierarchical_symbols =
      false;                    // textDocument.documentSymbol.hierarchicalDocumentSymbolSupport
  bool markdown_hover = false;  // textDocument.hover.contentFormat has "markdown"
  bool code_action_literals = false;  // textDocument.codeAction.codeActionLiteralSupport
  bool snippets = false;              // completion snippetSupport (unused: plain text is sent)
};

ClientCapabilities parse_client_capabilities(const json& initialize_params);

// "file:///a/b%20c.md" → "/a/b c.md"; any other URI is returned unchanged.
std::string uri_to_path(std::string_view uri);

// Serialises with invalid UTF-8 replaced, so no text can make it throw.
std::string dump(const json& value);

}  // namespace baton::lsp
