#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace baton::format {

// The renderings of a check run. Adding one is an enum value here, a
// renderer function and a row in the table of output_format.cpp.
enum class OutputFormat { text, concise, json, sarif, github, gitlab, junit };

std::string_view to_string(OutputFormat format);
// Exact, lower-case names ("text", "concise", "json", "sarif", "github", "gitlab",
// "junit").
std::optional<OutputFormat> parse_output_format(std::string_view name);
// Every format, in the order the help text lists them.
std::span<const OutputFormat> output_formats();

}  // namespace baton::format
