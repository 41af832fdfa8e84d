#include "format/output_format.hpp"

#include <array>

#include "format/renderers.hpp"

namespace baton::format {

namespace {

struct FormatEntry {
  OutputFormat format;
  std::string_view name;
  detail::Renderer renderer;
};

// The one table of formats: name and renderer per enum value.
constexpr std::array format_table{
    FormatEntry{OutputFormat::text, "text", detail::render_text},
    FormatEntry{OutputFormat::concise, "concise", detail::render_concise},
    FormatEntry{OutputFormat::json, "json", detail::render_json},
    FormatEntry{OutputFormat::sarif, "sarif", detail::render_sarif},
    FormatEntry{OutputFormat::github, "github", detail::render_github},
    FormatEntry{OutputFormat::gitlab, "gitlab", detail::render_gitlab},
    FormatEntry{OutputFormat::junit, "junit", detail::render_junit},
};

constexpr auto all_formats = [] {
  std::array<OutputFormat, format_table.size()> formats{};
  for (std::size_t i = 0; i < format_table.size(); ++i)
    formats[i] = format_table[i].format;
  return formats;
}();

const FormatEntry& entry_for(OutputFormat format) {
  for (const auto& entry : format_table) {
    if (entry.format == format)
      return entry;
  }
  return format_table.front();
}

}  // namespace

std::string_view to_string(OutputFormat format) {
  return entry_for(format).name;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (const auto& entry : format_table) {
    if (entry.name == name)
      return entry.format;
  }
  return std::nullopt;
}

std::span<const OutputFormat> output_formats() {
  return all_formats;
}

namespace detail {

Renderer renderer_for(OutputFormat format) {
  return entry_for(format).renderer;
}

}  // namespace detail

}  // namespace baton::format
