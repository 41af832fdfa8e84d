#include "lsp/protocol.hpp"

#include <algorithm>

namespace baton::lsp {

namespace {

unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

bool continuation(std::string_view text, std::size_t i, unsigned char low = 0x80,
                  unsigned char high = 0xBF) {
  if (i >= text.size())
    return false;
  const auto c = byte_at(text, i);
  return c >= low && c <= high;
}

// Length of the well-formed UTF-8 sequence at `i`, or 1 for a stray byte.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto c = byte_at(text, i);
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return continuation(text, i + 1) ? 2 : 1;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = c == 0xED ? 0x9F : 0xBF;
    return continuation(text, i + 1, low, high) && continuation(text, i + 2) ? 3 : 1;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
    return continuation(text, i + 1, low, high) && continuation(text, i + 2) &&
                   continuation(text, i + 3)
               ? 4
               : 1;
  }
  return 1;
}

std::uint32_t units_of(std::size_t length, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return static_cast<std::uint32_t>(length);
    case PositionEncoding::utf16:
      return length == 4 ? 2 : 1;
    case PositionEncoding::utf32:
      return 1;
  }
  return 1;
}

const json* find_path(const json& root, std::initializer_list<std::string_view> keys) {
  const json* node = &root;
  for (auto key : keys) {
    if (!node->is_object())
      return nullptr;
    const auto it = node->find(key);
    if (it == node->end())
      return nullptr;
    node = &*it;
  }
  return node;
}

bool flag(const json& root, std::initializer_list<std::string_view> keys) {
  const auto* node = find_path(root, keys);
  return node && node->is_boolean() && node->get<bool>();
}

std::uint32_t to_u32(const json& value, const char* what) {
  if (!value.is_number_integer() && !value.is_number_unsigned())
    throw RpcError(error_code::invalid_params, std::string(what) + " must be an integer");
  if (value.is_number_unsigned()) {
    return static_cast<std::uint32_t>(
        std::min<std::uint64_t>(value.get<std::uint64_t>(), 0xFFFFFFFFu));
  }
  const auto number = value.get<std::int64_t>();
  if (number < 0)
    throw RpcError(error_code::invalid_params, std::string(what) + " is negative");
  return static_cast<std::uint32_t>(std::min<std::int64_t>(number, 0xFFFFFFFF));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view to_string(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return "utf-8";
    case PositionEncoding::utf16:
      return "utf-16";
    case PositionEncoding::utf32:
      return "utf-32";
  }
  return "utf-16";
}

PositionEncoding negotiate_encoding(const json& offered) {
  if (!offered.is_array())
    return PositionEncoding::utf16;
  for (const auto& entry : offered) {
    if (!entry.is_string())
      continue;
    const auto& name = entry.get_ref<const std::string&>();
    if (name == "utf-8")
      return PositionEncoding::utf8;
    if (name == "utf-16")
      return PositionEncoding::utf16;
    if (name == "utf-32")
      return PositionEncoding::utf32;
  }
  return PositionEncoding::utf16;
}

void to_json(json& out, const Position& position) {
  out = json{{"line", position.line}, {"character", position.character}};
}

void to_json(json& out, const Range& range) {
  out = json{{"start", range.start}, {"end", range.end}};
}

Position position_from_json(const json& in) {
  if (!in.is_object() || !in.contains("line") || !in.contains("character"))
    throw RpcError(error_code::invalid_params, "expected a position {line, character}");
  return {to_u32(in["line"], "line"), to_u32(in["character"], "character")};
}

Range range_from_json(const json& in) {
  if (!in.is_object() || !in.contains("start") || !in.contains("end"))
    throw RpcError(error_code::invalid_params, "expected a range {start, end}");
  return {position_from_json(in["start"]), position_from_json(in["end"])};
}

std::uint32_t count_units(std::string_view text, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8)
    return static_cast<std::uint32_t>(text.size());
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto length = sequence_length(text, i);
    units += units_of(length, encoding);
    i += length;
  }
  return units;
}

std::uint32_t byte_column(std::string_view line, std::uint32_t units, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8)
    return static_cast<std::uint32_t>(std::min<std::size_t>(units, line.size()));
  std::uint32_t counted = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    const auto length = sequence_length(line, i);
    const auto next = counted + units_of(length, encoding);
    if (next > units)
      break;
    counted = next;
    i += length;
  }
  return static_cast<std::uint32_t>(i);
}

Position PositionMapper::position(std::uint32_t offset) const {
  offset = std::min(offset, file_.size());
  const auto line = file_.line_of(offset);
  const auto start = file_.line_start(line);
  auto text = file_.text().substr(start, offset - start);
  // After the final "\n" the SourceFile has no further line; LSP has an empty one.
  if (const auto newline = text.rfind('\n'); newline != std::string_view::npos)
    return {line, count_units(text.substr(newline + 1), encoding_)};
  return {line - 1, count_units(text, encoding_)};
}

Range PositionMapper::range(source::TextRange range) const {
  return {position(range.begin), position(range.end)};
}

std::uint32_t PositionMapper::offset(Position position) const {
  if (position.line >= file_.line_count())
    return file_.size();
  const auto line = file_.line_range(position.line + 1);
  return line.begin + byte_column(file_.slice(line), position.character, encoding_);
}

std::uint32_t offset_in_text(std::string_view text, Position position, PositionEncoding encoding) {
  std::size_t start = 0;
  for (std::uint32_t line = 0; line < position.line; ++line) {
    const auto newline = text.find('\n', start);
    if (newline == std::string_view::npos)
      return static_cast<std::uint32_t>(text.size());
    start = newline + 1;
  }
  auto end = text.find('\n', start);
  if (end == std::string_view::npos)
    end = text.size();
  if (end > start && text[end - 1] == '\r')
    --end;
  return static_cast<std::uint32_t>(
      start + byte_column(text.substr(start, end - start), position.character, encoding));
}

ClientCapabilities parse_client_capabilities(const json& params) {
  ClientCapabilities caps;
  if (!params.is_object())
    return caps;
  const auto* capabilities = find_path(params, {"capabilities"});
  if (!capabilities || !capabilities->is_object())
    return caps;
  const auto& c = *capabilities;
  if (const auto* encodings = find_path(c, {"general", "positionEncodings"}))
    caps.encoding = negotiate_encoding(*encodings);
  caps.pull_diagnostics = find_path(c, {"textDocument", "diagnostic"}) != nullptr &&
                          find_path(c, {"textDocument", "diagnostic"})->is_object();
  caps.diagnostic_refresh = flag(c, {"workspace", "diagnostics", "refreshSupport"});
  caps.watched_files_registration =
      flag(c, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  caps.hierarchical_symbols =
      flag(c, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  if (const auto* formats = find_path(c, {"textDocument", "hover", "contentFormat"});
      formats && formats->is_array()) {
    caps.markdown_hover =
        std::find(formats->begin(), formats->end(), json("markdown")) != formats->end();
  }
  caps.code_action_literals =
      find_path(c, {"textDocument", "codeAction", "codeActionLiteralSupport"}) != nullptr;
  caps.snippets = flag(c, {"textDocument", "completion", "completionItem", "snippetSupport"});
  return caps;
}

std::string uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme)
    return std::string(uri);
  auto rest = uri.substr(scheme.size());
  if (rest.substr(0, 9) == "localhost")
    rest.remove_prefix(9);
  std::string path;
  path.reserve(rest.size());
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      const int high = hex_value(rest[i + 1]);
      const int low = hex_value(rest[i + 2]);
      if (high >= 0 && low >= 0) {
        path.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    path.push_back(rest[i]);
  }
  return path;
}

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace baton::lsp
