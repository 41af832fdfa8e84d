#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/profile.hpp"
#include "engine/profile_definitions.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

// Severity per rule code; nullopt turns the rule off.
using RuleSeverities = std::map<std::string, std::optional<Severity>, std::less<>>;

struct ConfigOverride {
  std::vector<std::string> files;  // globs, relative to the config's directory
  RuleSeverities rules;
  std::optional<Profile> profile;
  std::string custom_profile;  // the user-defined profile named, when profile is Profile::custom
};

// One `.baton.json`, parsed. Globs are relative to the directory of the
// configuration found for a file (its `extends` are merged into it).
struct Config {
  std::string origin;                 // the file it came from, for messages
  std::vector<std::string> extends;   // paths as written, relative to `origin`
  RuleSeverities rules;
  std::vector<ConfigOverride> overrides;
  std::vector<std::pair<Profile, std::vector<std::string>>> profiles;
  std::vector<std::string> ignore;
  // User-defined profiles ("profile_definitions") and the globs that
  // "profiles" gives them (names checked by check_profile_references).
  ProfileDefinitions profile_definitions;
  std::vector<std::pair<std::string, std::vector<std::string>>> custom_profiles;
  // Inputs larger than this many bytes are not read (HP009); unset: the default.
  std::optional<std::uint64_t> max_file_size;
  // The repository root that relative paths in handoffs resolve against
  // (absolute: resolved against the config's directory when parsed).
  std::optional<std::string> project_root;
  // The base of the rule pages that SARIF helpUri links to, ending in '/'
  // (--rule-docs-url wins); unset: default_rule_docs_url.
  std::optional<std::string> rule_docs_url;
};

struct ConfigError {
  std::string message;
};

// Parses the text of a `.baton.json` (JSON with comments). Unknown keys,
// unknown rules and bad severities are errors naming where they are.
std::variant<Config, ConfigError> parse_config(std::string_view text, std::string_view origin,
                                               Registry registry);

// `base` with `child` on top: child rules and profile definitions win, lists are appended.
Config merge_config(const Config& base, const Config& child);

// An error naming the first user-defined profile that "profiles" or an
// override uses and no "profile_definitions" defines; parse_config checks
// a file without `extends`, the resolver checks the merged chain.
std::optional<std::string> check_profile_references(const Config& config);

// What the configuration says about one file (path relative to the config's directory).
struct FileSettings {
  bool ignored = false;
  std::optional<Profile> profile;
  ProfileSpecPtr profile_spec;  // the user-defined profile's spec when profile is Profile::custom
  RuleSeverities rules;
  // Every user-defined profile, for detection by marker and first heading.
  std::vector<ProfileSpecPtr> profile_definitions;
  std::optional<std::uint64_t> max_file_size;
  std::optional<std::string> project_root;
  std::optional<std::string> rule_docs_url;
};
FileSettings settings_for(const Config& config, std::string_view relative_path);

// Resolves "off|error|warning|info" by rule code or name into `severities`.
// Returns an error message for an unknown rule or severity.
std::optional<std::string> set_rule_severity(RuleSeverities& severities, Registry registry,
                                             std::string_view rule, std::string_view severity);

// Rules selected by code, code prefix ("HP1") or name; nullopt and the bad
// entry when one names nothing.
std::variant<std::vector<const RuleMeta*>, std::string> select_rules(Registry registry,
                                                                     std::string_view list);

// Rule choices made on top of the configuration (--select/--enable/--ignore
// on the command line, or the editor's settings). Each entry is a
// comma-separated list of codes, code prefixes or names.
struct RuleSelection {
  std::vector<std::string> select;  // only these run; naming an opt-in rule exactly enables it
  std::vector<std::string> enable;  // opt-in (or configured-off) rules turned on at their default
  std::vector<std::string> ignore;  // off, whatever else says
};

// Applies `selection` to `severities`: select, then enable, then ignore.
// Returns an error message ("--select: unknown rule \"X\"") for an entry that
// names no rule; `severities` is then unchanged.
std::optional<std::string> apply_rule_selection(Registry registry, const RuleSelection& selection,
                                                RuleSeverities& severities);

}  // namespace baton::engine
