#include "engine/lint.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/rule_context.hpp"
#include "engine/suppression.hpp"

namespace baton::engine {

namespace {

// "any" rules (the input limits) run on every file, and alone on a file past
// a limit; "every" rules on every file within the limits. Rules for
// "unknown" and "template" run only on such files, with the every-file rules;
// "*" rules run on every handoff profile, "spec" rules on every profile
// defined as data (spellbook-develop and the user-defined ones).
bool applies(const RuleMeta& rule, Profile profile, const ProfileSpec* spec, bool limit_exceeded) {
  if (rule.profile == any_profile) return true;
  if (limit_exceeded) return false;
  if (rule.profile == every_file_profile) return true;
  if (profile == Profile::unknown || profile == Profile::format_template)
    return rule.profile == to_string(profile);
  if (rule.profile == spec_rule_profile) return spec != nullptr;
  return rule.profile == "*" || profile_list_names(rule.profile, to_string(profile));
}

}  // namespace

bool profile_list_names(std::string_view list, std::string_view profile) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (list.substr(0, comma) == profile) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
                     if (a.range.end != b.range.end) return a.range.end < b.range.end;
                     return a.rule->code < b.rule->code;
                   });
}

LintResult lint(const doc::Document& document, Registry registry, const LintOptions& options) {
  LintResult result;
  if (options.profile) {
    result.profile = *options.profile;
    result.spec = *options.profile == Profile::custom ? options.profile_spec : builtin_spec(*options.profile);
    result.detected_by = options.forced_by;
    result.profile_reason = options.forced_by == DetectedBy::flag ? "--profile" : "the configuration";
    // A custom profile without its spec has nothing to check it against.
    if (*options.profile == Profile::custom && !result.spec) result.profile = Profile::unknown;
  } else {
    auto detected = detect_profile(document, options.profile_definitions);
    result.profile = detected.profile;
    result.spec = std::move(detected.spec);
    result.detected_by = detected.detected_by;
    result.profile_reason = std::move(detected.reason);
  }
  const bool limit_exceeded = document.exceeded_limit().has_value();
  LintCache cache;
  for (const RuleMeta* rule : registry) {
    if (!applies(*rule, result.profile, result.spec.get(), limit_exceeded) || !rule->check) continue;
    auto severity = rule->default_severity;
    if (const auto configured = options.rule_severities.find(rule->code);
        configured != options.rule_severities.end()) {
      if (!configured->second) continue;  // off
      severity = *configured->second;
    } else if (rule->opt_in) {
      continue;  // off until enabled
    }
    const auto first = result.diagnostics.size();
    RuleContext context(document, *rule, severity, options, result.diagnostics, cache,
                        result.spec.get(), result.detected_by, result.profile);
    rule->check(context);
    if (context.left_out() > 0) {
      // Said once, after the last finding kept.
      const auto at = result.diagnostics.back().range;
      result.diagnostics.push_back(Diagnostic{
          rule, severity, {at.end, at.end},
          fmt::format("{} more findings of {} in this file are not shown: baton reports at most {} "
                      "per rule and file",
                      context.left_out(), rule->code, result.diagnostics.size() - first),
          {}, {}, {}, {}});
    }
  }
  if (!limit_exceeded) apply_directives(document, registry, options, result.diagnostics);
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace baton::engine
