#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/diagnostic.hpp"
#include "engine/profile.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

struct LintOptions {
  // Forces a profile instead of detecting one.
  std::optional<Profile> profile;
  // Who forced it: --profile (flag) or a configuration glob or override (config).
  DetectedBy forced_by = DetectedBy::flag;
  // The spec of the forced profile when it is Profile::custom (a profile
  // defined in the configuration).
  ProfileSpecPtr profile_spec;
  // The profiles the configuration defines: a marker may name one, and each
  // is detected by its first-heading pattern.
  std::vector<ProfileSpecPtr> profile_definitions;
  // Also check that referenced files exist (--check-fs). The check itself is
  // I/O, so the caller supplies it; rules never touch the file system.
  bool check_filesystem = false;
  std::function<bool(std::string_view path)> file_exists;
  // Severity per rule code from configuration and --select/--ignore; a rule
  // absent here has its default severity, one mapped to nullopt is off.
  RuleSeverities rule_severities;
  // The home directory `~/` paths expand to in fixes (--home); without it,
  // those fixes are not offered.
  std::optional<std::string> home;
  // The configured repository root (`project_root`): relative paths in
  // free-form handoffs and implementation prompts resolve against it, so
  // they are accepted; without it they must be absolute.
  std::optional<std::string> project_root;
  // Findings an inline directive silences are kept, marked with a
  // Suppression, instead of dropped (SARIF --include-suppressed).
  bool keep_suppressed = false;
};

struct LintResult {
  Profile profile = Profile::unknown;
  // The spec of a profile defined as data (spellbook-develop, custom), else null.
  ProfileSpecPtr spec;
  DetectedBy detected_by = DetectedBy::none;
  std::string profile_reason;  // what decided the profile, for people
  // "spellbook-handoff", or the user-defined profile's own name.
  std::string_view profile_name() const { return spec ? std::string_view(spec->name) : to_string(profile); }
  std::vector<Diagnostic> diagnostics;  // sorted by position, then rule code
};

// Runs every rule of the registry that applies to the document's profile.
LintResult lint(const doc::Document& document, Registry registry, const LintOptions& options);

// Orders diagnostics by start offset, end offset, then rule code.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace baton::engine
