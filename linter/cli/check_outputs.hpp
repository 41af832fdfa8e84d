#pragma once

// What `baton check` writes besides the diagnostics themselves: where each
// --format goes, the --statistics table and the --show-fixes summary.

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/rule.hpp"
#include "format/output_format.hpp"
#include "format/report.hpp"

namespace baton::cli {

// One rendering of the run: to standard output when `path` is empty.
struct OutputTarget {
  format::OutputFormat format = format::OutputFormat::text;
  std::optional<std::string> path;
};

// Reads the --format values (FORMAT or FORMAT:PATH, "-" as PATH meaning
// standard output) and --output-file (where the output without a path
// goes). No --format is "text". An error message for a bad value, two
// outputs to standard output, two to the same file, or an --output-file
// with no output left to take it.
std::variant<std::vector<OutputTarget>, std::string> output_targets(
    std::span<const std::string> formats, const std::optional<std::string>& output_file);

// CLI11 validator of one --format value: "" when valid, else why not.
std::string check_format_value(const std::string& value);

// The reports without the findings marked suppressed: what every format but
// sarif shows.
std::vector<format::FileReport> unsuppressed(std::span<const format::FileReport> reports);

// --statistics: one row per rule that fired (count, code, name, whether
// --fix fixes them), most frequent first, as a table or (json) an array.
void print_statistics(std::span<const format::FileReport> reports, bool unsafe_fixes, bool json,
                      std::ostream& out);

// The rules of the fixes made (or that would be made) in one file.
struct FileFixes {
  std::string path;
  std::vector<const engine::RuleMeta*> rules;
};

// --show-fixes: "Fixed 3 findings:" (or "Would fix ...") then, per file,
// one line per rule with its count, as ruff prints it.
void print_fixes(std::span<const FileFixes> fixes, std::string_view heading, std::ostream& out);

// The fixes --fix would apply to the findings of `reports` (--unsafe-fixes
// included when `unsafe_fixes`).
std::vector<FileFixes> available_fixes(std::span<const format::FileReport> reports,
                                       bool unsafe_fixes);

}  // namespace baton::cli
