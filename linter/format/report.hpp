#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/rule.hpp"
#include "format/output_format.hpp"
#include "source/source_file.hpp"

namespace baton::format {

// The profile a file was linted under, and how it was chosen.
struct CheckedProfile {
  std::string name;         // "generic-handoff", or a user-defined profile's name
  std::string detected_by;  // flag, config, marker, name, content or none
  std::string reason;       // "file name `HANDOFF.md`", "heading `Next steps`"
};

// The diagnostics of one linted file. `source` must outlive the render call.
struct FileReport {
  const source::SourceFile* source = nullptr;
  std::vector<engine::Diagnostic> diagnostics;
  CheckedProfile profile;
};

struct RenderOptions {
  // ANSI colour in the text format; the other formats ignore it.
  bool color = false;
  // The closing "Found ..." line of the text format (off under --quiet).
  bool summary = true;
  // The text format names the profile of every file, not only of those with findings.
  bool verbose = false;
  // Every rule of the run, for the rule descriptors of the sarif format (which
  // lists all rules, not only those that fired). When empty, sarif describes
  // the rules that fired. The registry must outlive the render call.
  engine::Registry rules;
  // The rule pages for SARIF helpUri: this plus "HP102.md" (--rule-docs-url).
  std::string rule_docs_url = std::string(engine::default_rule_docs_url);
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

// The markdown summary of a run that the github format's CLI run appends to
// $GITHUB_STEP_SUMMARY: the counts and a table of every finding by file.
std::string render_github_summary(std::span<const FileReport> reports);

}  // namespace baton::format
