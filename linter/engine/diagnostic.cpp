#include "engine/diagnostic.hpp"

#include "document/text_scan.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (auto severity : {Severity::error, Severity::warning, Severity::info}) {
    if (doc::iequals(text, to_string(severity))) return severity;
  }
  return std::nullopt;
}

std::string_view to_string(FixSafety safety) {
  switch (safety) {
    case FixSafety::none:
      return "none";
    case FixSafety::safe:
      return "safe";
    case FixSafety::unsafe:
      return "unsafe";
  }
  return "none";
}

const RuleMeta* find_rule(Registry registry, std::string_view code_or_name) {
  for (const RuleMeta* rule : registry) {
    if (doc::iequals(rule->code, code_or_name) || rule->name == code_or_name) return rule;
  }
  return nullptr;
}

}  // namespace baton::engine
