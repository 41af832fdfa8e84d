#pragma once

#include <span>
#include <string_view>

#include "engine/diagnostic.hpp"

namespace baton::doc {
class Document;
}

namespace baton::engine {

class RuleContext;

using CheckFunction = void (*)(RuleContext&);

// Everything about a rule that is not its check: the single source of the
// docs pages, `baton explain`, SARIF rule descriptors and LSP hover.
struct RuleMeta {
  std::string_view code;     // "HP102", stable forever
  std::string_view name;     // "skill-call-missing", names the problem
  std::string_view family;   // "Section 0", "Paths", ...
  std::string_view profile;  // the profile it runs under; "*" for every profile, "spec" for
                             // every profile defined as data (spellbook-develop, user-defined)
  std::string_view summary;  // one line
  std::string_view what_it_checks;  // markdown
  std::string_view why_it_matters;  // markdown
  std::string_view bad_example;     // a complete document that triggers the rule
  std::string_view good_example;    // the same document, fixed; lints clean
  Severity default_severity = Severity::error;
  FixSafety fix = FixSafety::none;
  CheckFunction check = nullptr;
};

using Registry = std::span<const RuleMeta* const>;

// RuleMeta::profile of the rules that check a document against its profile spec.
inline constexpr std::string_view spec_rule_profile = "spec";

// Finds a rule by code ("HP102", case-insensitive) or by name ("skill-call-missing").
const RuleMeta* find_rule(Registry registry, std::string_view code_or_name);

}  // namespace baton::engine
