#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format::detail {

// file:line:col: severity: message [CODE/name] — one line per diagnostic and
// nothing else, for editors' and grep's line-oriented parsers.
void render_concise(std::span<const FileReport> reports, const RenderOptions&, std::ostream& out) {
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    const auto& source = *report->source;
    const auto start = location_of(source, diagnostic->range.begin);
    std::string message = diagnostic->message;
    for (char& c : message) {
      if (c == '\n' || c == '\r')
        c = ' ';
    }
    out << source.path() << ':' << start.line << ':' << start.column << ": "
        << engine::to_string(diagnostic->severity) << ": " << message << " ["
        << rule_code(*diagnostic) << '/' << rule_name(*diagnostic) << "]\n";
  }
}

}  // namespace baton::format::detail
