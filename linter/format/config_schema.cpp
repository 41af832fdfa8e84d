#include "format/config_schema.hpp"

#include <nlohmann/json.hpp>

#include "engine/profile.hpp"

namespace baton::format {

std::string config_schema(engine::Registry registry) {
  using json = nlohmann::ordered_json;
  const json severity = {{"enum", {"error", "warning", "info", "off"}}};
  json rule_properties = json::object();
  for (const auto* rule : registry) {
    json entry = severity;
    entry["description"] = std::string(rule->code) + " " + std::string(rule->name) + ": " +
                           std::string(rule->summary) +
                           (rule->opt_in ? " (opt-in: off unless given a severity)" : "");
    rule_properties[std::string(rule->code)] = entry;
    rule_properties[std::string(rule->name)] = entry;
  }
  const json rules = {{"type", "object"},
                      {"description", "Severity per rule, by code or name; \"off\" disables a rule, and a severity enables an opt-in rule."},
                      {"properties", rule_properties},
                      {"additionalProperties", false}};
  json profile_names = json::array();
  for (auto profile : engine::selectable_profiles()) profile_names.push_back(engine::to_string(profile));
  const json globs = {{"oneOf", {{{"type", "string"}}, {{"type", "array"}, {"items", {{"type", "string"}}}}}}};
  json profile_properties = json::object();
  for (const auto& name : profile_names) profile_properties[name.get<std::string>()] = globs;
  // A user-defined profile: kebab-case, defined under profile_definitions.
  const json defined_name = {{"type", "string"}, {"pattern", "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}};
  const json profile_reference = {
      {"description", "A built-in profile, or the name of one of profile_definitions."},
      {"anyOf", {{{"enum", profile_names}}, defined_name}}};
  const json section_definition = {
      {"type", "object"},
      {"required", {"name"}},
      {"additionalProperties", false},
      {"properties",
       {{"name", {{"type", "string"}, {"minLength", 1}, {"description", "The section's name, as messages show it."}}},
        {"heading",
         {{"type", "string"},
          {"description", "Regular expression (ECMAScript, case-insensitive) searched in the heading's title; default: the name itself."}}},
        {"level", {{"type", "integer"}, {"minimum", 1}, {"maximum", 6}, {"description", "Heading level; any when absent."}}},
        {"required", {{"type", "boolean"}, {"description", "The section must be present (default true)."}}},
        {"empty_markers",
         {{"description", "Texts that stand for an empty section, such as \"None\"."}, {"oneOf", globs["oneOf"]}}},
        {"calls",
         {{"description", "The section must hold one of these calls (names such as Skill, or \"*\")."},
          {"oneOf", globs["oneOf"]}}},
        {"absolute_paths",
         {{"type", "boolean"},
          {"description", "Every path must be absolute and every list item or table row must name one."}}}}}};
  const json profile_definition = {
      {"type", "object"},
      {"required", {"sections"}},
      {"additionalProperties", false},
      {"properties",
       {{"description", {{"type", "string"}}},
        {"files", {{"description", "Globs (relative to this file) of the files that have this profile."}, {"oneOf", globs["oneOf"]}}},
        {"title",
         {{"type", "string"},
          {"description", "Regular expression (ECMAScript, case-insensitive) that detects the profile by the first heading."}}},
        {"ordered", {{"type", "boolean"}, {"description", "The sections must appear in the order listed (default true)."}}},
        {"sections", {{"type", "array"}, {"minItems", 1}, {"items", section_definition}}}}}};

  json schema = {
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"$id", "https://github.com/baton-lint/baton/blob/main/docs/baton.schema.json"},
      {"title", "baton configuration (.baton.json)"},
      {"description", "JSON with comments. The nearest .baton.json above a linted file applies."},
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"$schema", {{"type", "string"}}},
        {"extends",
         {{"description", "Configuration files to start from, relative to this one; later ones win."},
          {"oneOf", {{{"type", "string"}}, {{"type", "array"}, {"items", {{"type", "string"}}}}}}}},
        {"rules", rules},
        {"overrides",
         {{"type", "array"},
          {"description", "Settings for files matching globs (relative to this file's directory); later entries win."},
          {"items",
           {{"type", "object"},
            {"required", {"files"}},
            {"additionalProperties", false},
            {"properties",
             {{"files", globs}, {"rules", rules}, {"profile", profile_reference}}}}}}},
        {"profiles",
         {{"type", "object"},
          {"description", "Files (globs) to lint under a profile, whatever their content; a directory scan picks them too."},
          {"properties", profile_properties},
          {"propertyNames", profile_reference},
          {"additionalProperties", globs}}},
        {"profile_definitions",
         {{"type", "object"},
          {"description", "Handoff formats of your own, as data (docs/profiles.md)."},
          {"propertyNames", defined_name},
          {"additionalProperties", profile_definition}}},
        {"ignore",
         {{"description", "Globs of files a directory scan skips (files named on the command line are still linted)."},
          {"type", "array"},
          {"items", {{"type", "string"}}}}},
        {"max_file_size",
         {{"description", "Files larger than this many bytes are not read or checked (HP009 file-too-large); default 10485760 (10 MiB)."},
          {"type", "integer"},
          {"minimum", 1}}},
        {"project_root",
         {{"description", "The repository root, relative to this file or absolute: relative paths in free-form handoffs and implementation prompts resolve against it and are accepted (HP205 key-path-not-absolute)."},
          {"type", "string"},
          {"minLength", 1}}},
        {"rule_docs_url",
         {{"description", "The base URL of the rule pages that SARIF helpUri links to (the rule's code and .md are appended; a / is added when missing). --rule-docs-url wins. Read from the configuration of the directory baton runs in; the language server's codeDescription links follow each file's configuration."},
          {"type", "string"},
          {"pattern", "://"}}}}}};
  return schema.dump(2) + "\n";
}

}  // namespace baton::format
