#include <algorithm>
#include <numeric>
#include <string>

#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format::detail {

namespace {

constexpr std::string_view replacement_character = "\uFFFD";

// Length of the well-formed UTF-8 sequence at text[index] (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t index) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[index + k]); };
  const auto lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : 0x80;
    high = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : 0x80;
    high = lead == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  if (index + length > text.size() || byte(1) < low || byte(1) > high)
    return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80)
      return 0;
  }
  return length;
}

// Text as XML 1.0 character data or attribute value: markup characters as
// entities (quotes only in attributes); characters XML 1.0 does not allow (C0 controls other than
// tab, LF and CR; U+FFFE, U+FFFF) and bytes that are not UTF-8 as U+FFFD. In attributes tab, LF and
// CR are character references, so that attribute value normalisation keeps them.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string escaped;
  escaped.reserve(text.size());
  std::size_t index = 0;
  while (index < text.size()) {
    const char c = text[index];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      ++index;
      switch (c) {
        case '&':
          escaped += "&amp;";
          break;
        case '<':
          escaped += "&lt;";
          break;
        case '>':
          escaped += "&gt;";
          break;
        case '"':
          escaped += attribute ? "&quot;" : "\"";
          break;
        case '\'':
          escaped += attribute ? "&apos;" : "'";
          break;
        case '\r':
          escaped += "&#13;";
          break;
        case '\t':
          escaped += attribute ? "&#9;" : "\t";
          break;
        case '\n':
          escaped += attribute ? "&#10;" : "\n";
          break;
        default:
          if (byte < 0x20) {
            escaped += replacement_character;
          } else {
            escaped += c;
          }
      }
      continue;
    }
    const auto length = utf8_sequence_length(text, index);
    const auto sequence = text.substr(index, length);
    if (length == 0 || sequence == "\uFFFE" || sequence == "\uFFFF") {
      escaped += replacement_character;
      index += std::max<std::size_t>(length, 1);
      continue;
    }
    escaped += sequence;
    index += length;
  }
  return escaped;
}

std::string attribute(std::string_view text) {
  return xml_escape(text, true);
}

std::string text_line(std::string_view path, const source::SourceFile& source,
                      source::TextRange range, std::string_view severity,
                      std::string_view message) {
  const auto start = location_of(source, range.begin);
  return std::string(path)
      .append(":")
      .append(std::to_string(start.line))
      .append(":")
      .append(std::to_string(start.column))
      .append(": ")
      .append(severity)
      .append(": ")
      .append(message);
}

void write_testcase(std::string_view path, const source::SourceFile& source,
                    const engine::Diagnostic& diagnostic, std::ostream& out) {
  const auto start = location_of(source, diagnostic.range.begin);
  std::string name = diagnostic.rule ? std::string(diagnostic.rule->code) + " " +
                                           std::string(diagnostic.rule->name)
                                     : std::string("baton");
  name.append(" at line ")
      .append(std::to_string(start.line))
      .append(":")
      .append(std::to_string(start.column));
  // The text rendering of the finding and of the locations that explain it.
  std::string body = text_line(path, source, diagnostic.range,
                               engine::to_string(diagnostic.severity), diagnostic.message);
  for (const auto& related : diagnostic.related)
    body.append("\n").append(text_line(path, source, related.range, "note", related.message));

  out << "    <testcase classname=\"" << attribute(path) << "\" name=\"" << attribute(name)
      << "\">\n";
  if (diagnostic.severity == engine::Severity::info) {
    out << "      <system-out>" << xml_escape(body, false) << "</system-out>\n";
  } else {
    out << "      <failure message=\"" << attribute(diagnostic.message) << "\" type=\""
        << attribute(diagnostic.rule ? rule_code(diagnostic) : std::string_view("baton")) << "\">"
        << xml_escape(body, false) << "</failure>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

// JUnit XML with one <testsuite> per linted file and one <testcase> per
// finding. Errors and warnings are failures; infos pass and carry their text
// in <system-out>; a file without findings gets one passing testcase.
void render_junit(std::span<const FileReport> reports, const RenderOptions&, std::ostream& out) {
  // The diagnostics of each report, in output order.
  std::vector<std::vector<const engine::Diagnostic*>> by_report(reports.size());
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports))
    by_report[static_cast<std::size_t>(report - reports.data())].push_back(diagnostic);
  std::vector<std::size_t> order(reports.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return reports[a].source->path() < reports[b].source->path();
  });

  auto failures_of = [](const std::vector<const engine::Diagnostic*>& diagnostics) {
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const auto* diagnostic) { return diagnostic->severity != engine::Severity::info; }));
  };
  std::size_t tests = 0;
  std::size_t failures = 0;
  for (const auto& diagnostics : by_report) {
    tests += std::max<std::size_t>(diagnostics.size(), 1);
    failures += failures_of(diagnostics);
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"baton\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" time=\"0\">\n";
  for (const auto index : order) {
    const auto& source = *reports[index].source;
    const auto& diagnostics = by_report[index];
    const auto path = repository_path(source.path());
    out << "  <testsuite name=\"" << attribute(path) << "\" tests=\""
        << std::max<std::size_t>(diagnostics.size(), 1) << "\" failures=\""
        << failures_of(diagnostics) << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    if (diagnostics.empty()) {
      out << "    <testcase classname=\"" << attribute(path) << "\" name=\"no problems found\"/>\n";
    }
    for (const auto* diagnostic : diagnostics)
      write_testcase(path, source, *diagnostic, out);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace baton::format::detail
