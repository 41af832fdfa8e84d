#include "mcp/tools.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "engine/config_resolver.hpp"
#include "engine/profile.hpp"
#include "engine/rule.hpp"
#include "format/report.hpp"
#include "format/rule_docs.hpp"
#include "generate/extract.hpp"
#include "generate/generator.hpp"
#include "generate/render.hpp"
#include "lsp/lint_document.hpp"
#include "rules/registry.hpp"
#include "session/jsonl_reader.hpp"
#include "session/locate.hpp"
#include "session/toolkit.hpp"

namespace baton::mcp {

namespace {

namespace fs = std::filesystem;
using lsp::json;

// Larger inputs are refused before they are read (as `check --max-file-size`'s default).
constexpr std::uintmax_t max_input_bytes = 10 * 1024 * 1024;

enum class Type { string, boolean, integer };

struct Argument {
  std::string_view name;
  Type type = Type::string;
  bool required = false;
  std::string_view description;
  std::vector<std::string> choices;  // an enum of strings, when not empty
};

struct Tool {
  std::string_view name;
  std::string_view title;
  std::string_view description;
  std::vector<Argument> arguments;
  json output_schema;  // null when the tool returns only text
  json (*run)(const json& arguments, const Environment& environment) = nullptr;
};

std::string_view type_name(Type type) {
  switch (type) {
    case Type::string:
      return "string";
    case Type::boolean:
      return "boolean";
    case Type::integer:
      return "integer";
  }
  return "string";
}

json input_schema(const Tool& tool) {
  json properties = json::object();
  json required = json::array();
  for (const auto& argument : tool.arguments) {
    json property = {{"type", type_name(argument.type)}, {"description", argument.description}};
    if (!argument.choices.empty())
      property["enum"] = argument.choices;
    properties[std::string(argument.name)] = std::move(property);
    if (argument.required)
      required.push_back(argument.name);
  }
  json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty())
    schema["required"] = std::move(required);
  schema["additionalProperties"] = false;
  return schema;
}

[[noreturn]] void invalid_arguments(const Tool& tool, const std::string& problem) {
  throw lsp::RpcError(lsp::error_code::invalid_params,
                      "invalid arguments for " + std::string(tool.name) + ": " + problem);
}

// The arguments against the tool's inputSchema: known names, types, required
// ones present, enum values. A protocol error, not a tool result.
void check_arguments(const Tool& tool, const json& arguments) {
  for (const auto& [name, value] : arguments.items()) {
    const Argument* argument = nullptr;
    for (const auto& known : tool.arguments) {
      if (known.name == name)
        argument = &known;
    }
    if (!argument)
      invalid_arguments(tool, "unknown argument `" + name + "`");
    const bool matches = (argument->type == Type::string && value.is_string()) ||
                         (argument->type == Type::boolean && value.is_boolean()) ||
                         (argument->type == Type::integer && value.is_number_integer());
    if (!matches)
      invalid_arguments(tool, "`" + name + "` must be a " + std::string(type_name(argument->type)));
    if (!argument->choices.empty() &&
        std::find(argument->choices.begin(), argument->choices.end(), value.get<std::string>()) ==
            argument->choices.end()) {
      std::string choices;
      for (const auto& choice : argument->choices)
        choices += (choices.empty() ? "" : ", ") + choice;
      invalid_arguments(tool, "`" + name + "` must be one of " + choices);
    }
  }
  for (const auto& argument : tool.arguments) {
    if (argument.required && !arguments.contains(argument.name))
      invalid_arguments(tool, "`" + std::string(argument.name) + "` is required");
  }
}

std::optional<std::string> string_argument(const json& arguments, const char* name) {
  const auto it = arguments.find(name);
  if (it == arguments.end())
    return std::nullopt;
  return it->get<std::string>();
}

json text_content(std::string text) {
  return json::array({json{{"type", "text"}, {"text", std::move(text)}}});
}

json tool_result(std::string text, std::optional<json> structured = std::nullopt) {
  json result = {{"content", text_content(std::move(text))}};
  if (structured)
    result["structuredContent"] = std::move(*structured);
  result["isError"] = false;
  return result;
}

// What went wrong while the tool ran, for the model to read and act on.
json tool_error(std::string message) {
  return {{"content", text_content(std::move(message))}, {"isError", true}};
}

fs::path resolve(const std::string& path, const Environment& environment) {
  fs::path result(path);
  if (result.is_relative())
    result = environment.working_directory / result;
  return result.lexically_normal();
}

// The whole file, or a message saying why not.
std::optional<std::string> read_text(const fs::path& path, std::string& problem) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    problem = "path not found: " + path.string();
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    problem = path.string() + " is a directory; check_handoff lints one file (`baton check " +
              path.string() + "` lints a tree)";
    return std::nullopt;
  }
  if (const auto size = fs::file_size(path, ec); !ec && size > max_input_bytes) {
    problem = path.string() + " is larger than " + std::to_string(max_input_bytes) + " bytes";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    problem = "cannot read " + path.string();
    return std::nullopt;
  }
  return std::move(text).str();
}

std::vector<std::string> profile_choices() {
  std::vector<std::string> names;
  for (auto profile : engine::selectable_profiles())
    names.emplace_back(engine::to_string(profile));
  return names;
}

json run_check_handoff(const json& arguments, const Environment& environment) {
  auto text = string_argument(arguments, "text");
  const auto path_argument = string_argument(arguments, "path");
  const auto profile_name = string_argument(arguments, "profile");
  std::optional<engine::Profile> profile;
  if (profile_name)
    profile = engine::parse_profile(*profile_name);
  std::string display = "<text>";
  std::optional<engine::ConfigResolver> resolver;
  if (path_argument) {
    const auto path = resolve(*path_argument, environment);
    display = path.string();
    if (!text) {
      std::string problem;
      text = read_text(path, problem);
      if (!text)
        return tool_error(problem);
    }
    try {
      resolver.emplace(std::nullopt, rules::registry());
    } catch (const engine::ConfigFailure& failure) {
      return tool_error(failure.what());
    }
  }
  auto checked =
      lsp::check_text(display, std::move(*text), resolver ? &*resolver : nullptr, profile);
  const auto& result = checked.result;
  std::vector<format::FileReport> reports;
  reports.push_back({&checked.document.source(),
                     result.diagnostics,
                     {std::string(result.profile_name()),
                      std::string(engine::to_string(result.detected_by)), result.profile_reason}});
  format::RenderOptions options;
  options.summary = false;
  std::ostringstream json_text;
  format::render(format::OutputFormat::json, reports, options, json_text);
  std::ostringstream concise;
  format::render(format::OutputFormat::concise, reports, options, concise);
  const auto counts = format::count_severities(reports);
  std::string text_result = display + " (" + std::string(result.profile_name()) +
                            "): " + std::to_string(counts.errors) + " errors, " +
                            std::to_string(counts.warnings) + " warnings, " +
                            std::to_string(counts.infos) + " infos\n" + concise.str();
  return tool_result(std::move(text_result), json::parse(json_text.str()));
}

json run_explain_rule(const json& arguments, const Environment&) {
  const auto code = arguments.at("rule").get<std::string>();
  const auto* rule = engine::find_rule(rules::registry(), code);
  if (!rule)
    return tool_error("unknown rule '" + code + "'; list_rules lists every rule by code and name");
  return tool_result(format::rule_page_markdown(*rule), json(format::rule_json(*rule)));
}

json run_list_rules(const json&, const Environment&) {
  json rules = json::array();
  for (const auto* rule : rules::registry()) {
    const auto full = format::rule_json(*rule);
    json entry = json::object();
    for (const char* key : {"code", "name", "family", "severity", "fix", "summary"})
      entry[key] = full.at(key);
    rules.push_back(std::move(entry));
  }
  std::ostringstream table;
  format::print_rules_table(rules::registry(), table);
  return tool_result(table.str(), json{{"rules", std::move(rules)}});
}

json run_generate_handoff(const json& arguments, const Environment& environment) {
  const auto session = resolve(arguments.at("session").get<std::string>(), environment);
  std::error_code ec;
  if (!fs::is_regular_file(session, ec))
    return tool_error("session file not found: " + session.string());
  generate::LoadOptions options;
  if (const auto project = string_argument(arguments, "project_dir")) {
    const auto directory = resolve(*project, environment);
    if (!fs::is_directory(directory, ec))
      return tool_error("project_dir is not a directory: " + directory.string());
    options.project_dir = directory.string();
  }
  std::string warnings;
  options.on_warning = [&warnings](const std::string& warning) { warnings += warning + '\n'; };
  try {
    const auto input = generate::load_session(session, options);
    const auto model = generate::extract(input, *environment.world);
    const bool section0_only = arguments.value("section0_only", false);
    return tool_result(section0_only ? generate::render_section0(model) : generate::render(model));
  } catch (const session::SessionError& error) {
    return tool_error(error.what() + (warnings.empty() ? std::string() : "\n" + warnings));
  }
}

json run_list_sessions(const json& arguments, const Environment& environment) {
  fs::path directory;
  if (const auto project = string_argument(arguments, "project_dir")) {
    directory = resolve(*project, environment);
  } else {
    const auto cwd = string_argument(arguments, "cwd");
    const auto where = cwd ? resolve(*cwd, environment) : environment.working_directory;
    const auto found = session::find_project_dir(environment.claude_config_dir, where);
    if (!found) {
      return tool_error("no Claude Code project directory for " + where.string() + " under " +
                        (environment.claude_config_dir / "projects").string() +
                        " (pass project_dir)");
    }
    directory = *found;
  }
  const auto limit = arguments.value("limit", 5LL);
  try {
    auto sessions = session::list_sessions(directory, limit);
    auto text = session::python_dumps_indented(sessions);
    return tool_result(std::move(text), json{{"sessions", json(sessions)}});
  } catch (const session::SessionError& error) {
    return tool_error(error.what());
  }
}

json check_output_schema() {
  const json position = {{"type", "integer"}, {"minimum", 1}};
  const json diagnostic = {
      {"type", "object"},
      {"properties",
       {{"file", {{"type", "string"}}},
        {"line", position},
        {"column", position},
        {"end_line", position},
        {"end_column", position},
        {"rule", {{"type", "string"}}},
        {"name", {{"type", "string"}}},
        {"severity", {{"type", "string"}, {"enum", {"error", "warning", "info"}}}},
        {"message", {{"type", "string"}}},
        {"fix", {{"type", "object"}}},
        {"related", {{"type", "array"}}}}},
      {"required",
       {"file", "line", "column", "end_line", "end_column", "rule", "name", "severity",
        "message"}}};
  const json count = {{"type", "integer"}, {"minimum", 0}};
  return {{"type", "object"},
          {"properties",
           {{"version", {{"type", "string"}}},
            {"files", count},
            {"checked_files",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"file", {{"type", "string"}}},
                  {"profile", {{"type", "string"}}},
                  {"detected_by", {{"type", "string"}}}}},
                {"required", {"file", "profile", "detected_by"}}}}}},
            {"diagnostics", {{"type", "array"}, {"items", diagnostic}}},
            {"summary",
             {{"type", "object"},
              {"properties", {{"errors", count}, {"warnings", count}, {"infos", count}}},
              {"required", {"errors", "warnings", "infos"}}}}}},
          {"required", {"version", "files", "checked_files", "diagnostics", "summary"}}};
}

json rule_output_schema() {
  json properties = json::object();
  for (const char* key : {"code", "name", "family", "profile", "summary", "severity", "fix",
                          "what_it_checks", "why_it_matters", "bad_example", "good_example"})
    properties[key] = {{"type", "string"}};
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", {"code", "name", "summary", "severity"}}};
}

json rules_output_schema() {
  json properties = json::object();
  for (const char* key : {"code", "name", "family", "severity", "fix", "summary"})
    properties[key] = {{"type", "string"}};
  return {{"type", "object"},
          {"properties",
           {{"rules",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties", std::move(properties)},
                {"required", {"code", "name", "severity", "summary"}}}}}}}},
          {"required", json::array({"rules"})}};
}

json sessions_output_schema() {
  return {{"type", "object"},
          {"properties",
           {{"sessions",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties", {{"slug", {{"type", "string"}}}, {"path", {{"type", "string"}}}}},
                {"required", json::array({"path"})}}}}}}},
          {"required", json::array({"sessions"})}};
}

const std::vector<Tool>& tools() {
  static const std::vector<Tool> all = {
      {"check_handoff",
       "Check a handoff prompt",
       "Lint a handoff prompt (the markdown boot prompt of a fresh agent session) exactly as "
       "`baton check` does: give the text, a path, or both (the text linted as if it were that "
       "file). Returns every diagnostic with its rule code, line and message.",
       {{"text", Type::string, false, "The markdown to lint", {}},
        {"path",
         Type::string,
         false,
         "The file to lint (absolute, or relative to the server's working directory); with "
         "`text`, the name the text is linted under (its configuration and file-name profile)",
         {}},
        {"profile", Type::string, false, "Lint under this profile instead of detecting it",
         profile_choices()}},
       check_output_schema(),
       run_check_handoff},
      {"explain_rule",
       "Explain a rule",
       "The documentation of one rule: what it checks, why it matters, a bad and a good example.",
       {{"rule", Type::string, true, "A rule code (HP102) or name (skill-call-missing)", {}}},
       rule_output_schema(),
       run_explain_rule},
      {"list_rules",
       "List the rules",
       "Every rule baton checks: code, name, family, default severity, fix and summary.",
       {},
       rules_output_schema(),
       run_list_rules},
      {"generate_handoff",
       "Generate a handoff from a session",
       "Write a spellbook handoff (compliant with `baton check` by construction) from a Claude "
       "Code session transcript and return its text; nothing is written to disk.",
       {{"session", Type::string, true, "The session transcript (.jsonl)", {}},
        {"project_dir",
         Type::string,
         false,
         "The project the session worked in (default: the cwd recorded in the session)",
         {}},
        {"section0_only", Type::boolean, false, "Only Section 0, within 8,000 characters", {}}},
       nullptr,
       run_generate_handoff},
      {"list_sessions",
       "List Claude Code sessions",
       "The recent sessions of a Claude Code project, newest first, as `baton sessions list` "
       "prints them.",
       {{"project_dir",
         Type::string,
         false,
         "The Claude Code project directory (~/.claude/projects/<encoded cwd>)",
         {}},
        {"cwd",
         Type::string,
         false,
         "A working directory whose project directory to find (default: the server's)",
         {}},
        {"limit", Type::integer, false, "At most this many sessions (default 5)", {}}},
       sessions_output_schema(),
       run_list_sessions},
  };
  return all;
}

}  // namespace

json tool_definitions() {
  json list = json::array();
  for (const auto& tool : tools()) {
    json entry = {{"name", tool.name},
                  {"title", tool.title},
                  {"description", tool.description},
                  {"inputSchema", input_schema(tool)}};
    if (!tool.output_schema.is_null())
      entry["outputSchema"] = tool.output_schema;
    list.push_back(std::move(entry));
  }
  return list;
}

json call_tool(const std::string& name, const json& arguments, const Environment& environment) {
  for (const auto& tool : tools()) {
    if (tool.name != name)
      continue;
    const json given = arguments.is_null() ? json::object() : arguments;
    if (!given.is_object())
      invalid_arguments(tool, "`arguments` must be an object");
    check_arguments(tool, given);
    if (tool.name == "check_handoff" && !given.contains("text") && !given.contains("path"))
      invalid_arguments(tool, "give `text`, `path` or both");
    return tool.run(given, environment);
  }
  throw lsp::RpcError(lsp::error_code::invalid_params,
                      "unknown tool: " + name + " (tools/list names the tools)");
}

}  // namespace baton::mcp
