#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <vector>

#include "engine/diagnostic.hpp"
#include "format/output_format.hpp"
#include "source/source_file.hpp"

namespace baton::format {

// The diagnostics of one linted file. `source` must outlive the render call.
struct FileReport {
  const source::SourceFile* source = nullptr;
  std::vector<engine::Diagnostic> diagnostics;
};

struct RenderOptions {
  // ANSI colour in the text format; the other formats ignore it.
  bool color = false;
  // The closing "Found ..." line of the text format (off under --quiet).
  bool summary = true;
};

struct SeverityCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

SeverityCounts count_severities(std::span<const FileReport> reports);

// Writes the whole rendering of a run. Every format orders diagnostics by
// file path, then line, then column.
void render(OutputFormat format, std::span<const FileReport> reports, const RenderOptions& options,
            std::ostream& out);

}  // namespace baton::format
