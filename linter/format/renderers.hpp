#pragma once

// Internal to the format module: the renderers and what they share.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "format/report.hpp"

namespace baton::format::detail {

using Renderer = void (*)(std::span<const FileReport>, const RenderOptions&, std::ostream&);

Renderer renderer_for(OutputFormat format);

void render_text(std::span<const FileReport> reports, const RenderOptions& options,
                 std::ostream& out);
void render_concise(std::span<const FileReport> reports, const RenderOptions& options,
                    std::ostream& out);
void render_json(std::span<const FileReport> reports, const RenderOptions& options,
                 std::ostream& out);
void render_sarif(std::span<const FileReport> reports, const RenderOptions& options,
                  std::ostream& out);
void render_github(std::span<const FileReport> reports, const RenderOptions& options,
                   std::ostream& out);
void render_gitlab(std::span<const FileReport> reports, const RenderOptions& options,
                   std::ostream& out);
void render_junit(std::span<const FileReport> reports, const RenderOptions& options,
                  std::ostream& out);

// 1-based line and 1-based column in code points.
struct Location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// The location of a byte offset. An offset inside a line terminator (or past
// the end) maps to the end of that line's content, so every location names a
// character position on an existing line.
Location location_of(const source::SourceFile& source, std::uint32_t offset);

struct LocatedDiagnostic {
  const FileReport* report = nullptr;
  const engine::Diagnostic* diagnostic = nullptr;
};

// All diagnostics of a run ordered by file path, then position, then rule code.
std::vector<LocatedDiagnostic> ordered_diagnostics(std::span<const FileReport> reports);

std::string_view rule_code(const engine::Diagnostic& diagnostic);
std::string_view rule_name(const engine::Diagnostic& diagnostic);

// Byte length of the code point that starts at text[index], decoding exactly as
// source::count_codepoints does (a byte that starts no well-formed sequence is 1).
std::size_t codepoint_length(std::string_view text, std::size_t index);

// A path as CI services want it: lexically normalised ("./a/../b.md" is
// "b.md"), with forward slashes. Absolute paths stay absolute.
std::string repository_path(std::string_view path);

// The engine's fingerprints of a report's diagnostics, in the report's order
// (index with `diagnostic - report.diagnostics.data()`).
std::vector<std::string> report_fingerprints(const FileReport& report);

// "1 error", "2 warnings", "0 infos".
std::string count_phrase(std::size_t count, std::string_view singular);

}  // namespace baton::format::detail
