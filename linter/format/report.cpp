#include "format/report.hpp"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "engine/fingerprint.hpp"
#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format {

SeverityCounts count_severities(std::span<const FileReport> reports) {
  SeverityCounts counts;
  for (const auto& report : reports) {
    for (const auto& diagnostic : report.diagnostics) {
      if (diagnostic.suppression) continue;
      switch (diagnostic.severity) {
        case engine::Severity::error:
          ++counts.errors;
          break;
        case engine::Severity::warning:
          ++counts.warnings;
          break;
        case engine::Severity::info:
          ++counts.infos;
          break;
      }
    }
  }
  return counts;
}

void render(OutputFormat format, std::span<const FileReport> reports, const RenderOptions& options,
            std::ostream& out) {
  detail::renderer_for(format)(reports, options, out);
}

namespace detail {

Location location_of(const source::SourceFile& source, std::uint32_t offset) {
  offset = std::min(offset, source.size());
  const auto line = source.line_of(offset);
  const auto content = source.line_range(line);
  return {line, source.codepoint_column(std::min(offset, content.end))};
}

std::vector<LocatedDiagnostic> ordered_diagnostics(std::span<const FileReport> reports) {
  std::vector<LocatedDiagnostic> ordered;
  for (const auto& report : reports) {
    for (const auto& diagnostic : report.diagnostics)
      ordered.push_back({&report, &diagnostic});
  }
  // Within one file, byte order is line-then-column order. Reports that share
  // a path stay apart, in the order they were given.
  auto key = [reports](const LocatedDiagnostic& entry) {
    const auto index = static_cast<std::size_t>(entry.report - reports.data());
    return std::make_tuple(std::string_view(entry.report->source->path()), index,
                           entry.diagnostic->range.begin, entry.diagnostic->range.end,
                           rule_code(*entry.diagnostic));
  };
  std::stable_sort(
      ordered.begin(), ordered.end(),
      [&key](const LocatedDiagnostic& a, const LocatedDiagnostic& b) { return key(a) < key(b); });
  return ordered;
}

std::string_view rule_code(const engine::Diagnostic& diagnostic) {
  return diagnostic.rule ? diagnostic.rule->code : std::string_view();
}

std::string_view rule_name(const engine::Diagnostic& diagnostic) {
  return diagnostic.rule ? diagnostic.rule->name : std::string_view();
}

std::size_t codepoint_length(std::string_view text, std::size_t index) {
  const auto lead = static_cast<unsigned char>(text[index]);
  std::size_t length = 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  }
  if (index + length > text.size())
    return 1;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[index + k]) & 0xC0) != 0x80)
      return 1;
  }
  return length;
}

std::string repository_path(std::string_view path) {
  if (path.empty())
    return {};
  return std::filesystem::path(path).lexically_normal().generic_string();
}

std::vector<std::string> report_fingerprints(const FileReport& report) {
  return engine::fingerprints(report.diagnostics, *report.source);
}

std::string count_phrase(std::size_t count, std::string_view singular) {
  std::string phrase = std::to_string(count);
  phrase += ' ';
  phrase += singular;
  if (count != 1)
    phrase += 's';
  return phrase;
}

}  // namespace detail

}  // namespace baton::format
