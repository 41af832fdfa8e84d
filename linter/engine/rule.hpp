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
  // The profiles it runs under: one name or several separated by commas
  // ("spellbook-handoff,generic-handoff"); "*" for every handoff profile
  // (all but unknown and template); "spec" for every profile defined as
  // data (spellbook-develop, user-defined); every_file_profile for every
  // file; any_profile for every file, even one past an input limit.
  std::string_view profile;
  std::string_view summary;  // one line
  std::string_view what_it_checks;  // markdown
  std::string_view why_it_matters;  // markdown
  std::string_view bad_example;     // a complete document that triggers the rule
  std::string_view good_example;    // the same document, fixed; lints clean
  Severity default_severity = Severity::error;
  FixSafety fix = FixSafety::none;
  // Off unless asked for: --enable, an explicit --select of its code or
  // name, or a severity in the configuration's "rules". For rules too
  // pedantic or too costly to run on everyone's files by default.
  bool opt_in = false;
  CheckFunction check = nullptr;
};

// The profile of rules that run on every input, recognised or not, and alone
// on an input past a limit (HP009, HP010).
inline constexpr std::string_view any_profile = "any";
// The profile of rules that run on every input within the limits, whatever
// its profile, unknown and template included (secrets, unclosed fences).
inline constexpr std::string_view every_file_profile = "every";
// True when `list` (RuleMeta::profile) names `profile` among its comma-separated names.
bool profile_list_names(std::string_view list, std::string_view profile);

using Registry = std::span<const RuleMeta* const>;

// Where the rule pages (docs/rules/<CODE>.md) are published: SARIF helpUri
// and LSP codeDescription.href are this plus "HP102.md" unless overridden.
inline constexpr std::string_view default_rule_docs_url =
    "https://github.com/baton-lint/baton/blob/main/docs/rules/";

// RuleMeta::profile of the rules that check a document against its profile spec.
inline constexpr std::string_view spec_rule_profile = "spec";

// Finds a rule by code ("HP102", case-insensitive) or by name ("skill-call-missing").
const RuleMeta* find_rule(Registry registry, std::string_view code_or_name);

}  // namespace baton::engine
