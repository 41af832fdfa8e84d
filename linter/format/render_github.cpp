#include <string>

#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format {

namespace {

// The findings the step summary's table shows at most; GitHub caps a step
// summary at 1 MiB.
constexpr std::size_t max_summary_rows = 500;

std::string_view command_name(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error:
      return "error";
    case engine::Severity::warning:
      return "warning";
    case engine::Severity::info:
      return "notice";
  }
  return "error";
}

// Escaping of @actions/core (toolkit command.ts): data after "::" escapes
// "%", CR and LF; property values also ":" and ",".
std::string escape_data(std::string_view text, bool property) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      case ':':
        escaped += property ? "%3A" : ":";
        break;
      case ',':
        escaped += property ? "%2C" : ",";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string escape_property(std::string_view text) {
  return escape_data(text, true);
}

std::string rule_title(const engine::Diagnostic& diagnostic) {
  if (!diagnostic.rule)
    return "baton";
  return std::string(diagnostic.rule->code).append(" ").append(diagnostic.rule->name);
}

// Text for a markdown table cell that renders as exactly that text: inline
// markup, HTML, links, mentions and the cell's pipes are backslash-escaped,
// line breaks become spaces.
std::string table_text(std::string_view text) {
  constexpr std::string_view escaped_characters = "\\`*_[]()!<>&~|$:@#";
  std::string cell;
  cell.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      cell += ' ';
    } else {
      if (escaped_characters.find(c) != std::string_view::npos)
        cell += '\\';
      cell += c;
    }
  }
  return cell;
}

}  // namespace

namespace detail {

// One workflow command per diagnostic:
// ::error file=F,line=L,endLine=EL,col=C,endColumn=EC,title=CODE name::message
void render_github(std::span<const FileReport> reports, const RenderOptions&, std::ostream& out) {
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    const auto& source = *report->source;
    const auto start = location_of(source, diagnostic->range.begin);
    const auto end = location_of(source, std::max(diagnostic->range.begin, diagnostic->range.end));
    out << "::" << command_name(diagnostic->severity)
        << " file=" << escape_property(repository_path(source.path())) << ",line=" << start.line
        << ",endLine=" << end.line << ",col=" << start.column << ",endColumn=" << end.column
        << ",title=" << escape_property(rule_title(*diagnostic))
        << "::" << escape_data(diagnostic->message, false) << '\n';
  }
}

}  // namespace detail

std::string render_github_summary(std::span<const FileReport> reports) {
  const auto counts = count_severities(reports);
  const auto files = detail::count_phrase(reports.size(), "file");
  std::string summary = "### baton\n\n";
  if (counts.errors + counts.warnings + counts.infos == 0) {
    summary.append("No problems found in ").append(files).append(".\n");
    return summary;
  }
  summary.append("Found ")
      .append(detail::count_phrase(counts.errors, "error"))
      .append(", ")
      .append(detail::count_phrase(counts.warnings, "warning"))
      .append(", ")
      .append(detail::count_phrase(counts.infos, "info"))
      .append(" in ")
      .append(files)
      .append(".\n\n");
  summary.append("| File | Line | Column | Severity | Rule | Message |\n");
  summary.append("|---|---:|---:|---|---|---|\n");
  const auto ordered = detail::ordered_diagnostics(reports);
  std::size_t rows = 0;
  for (const auto& [report, diagnostic] : ordered) {
    if (rows == max_summary_rows)
      break;
    ++rows;
    const auto& source = *report->source;
    const auto start = detail::location_of(source, diagnostic->range.begin);
    summary.append("| ")
        .append(table_text(detail::repository_path(source.path())))
        .append(" | ")
        .append(std::to_string(start.line))
        .append(" | ")
        .append(std::to_string(start.column))
        .append(" | ")
        .append(engine::to_string(diagnostic->severity))
        .append(" | ")
        .append(table_text(rule_title(*diagnostic)))
        .append(" | ")
        .append(table_text(diagnostic->message))
        .append(" |\n");
  }
  if (ordered.size() > rows) {
    summary.append("\n")
        .append(std::to_string(ordered.size() - rows))
        .append(" more not shown; the job log lists every finding.\n");
  }
  return summary;
}

}  // namespace baton::format
