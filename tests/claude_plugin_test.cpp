// The Claude Code plugin in editors/claude-code/ against the formats Claude
// Code documents for plugins, hooks and MCP servers (docs/agents.md cites
// them): required fields, their types, and that everything runs baton.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "support/cli_support.hpp"
#include "support/test_support.hpp"

namespace {

using Json = nlohmann::json;

const std::string plugin_dir = std::string(BATON_SOURCE_DIR) + "/editors/claude-code/";

Json read_json(const std::string& relative) {
  const auto text = baton::test::read_text(plugin_dir + relative);
  EXPECT_FALSE(text.empty()) << relative << " is missing or empty";
  return Json::parse(text, nullptr, false);
}

// The hook events Claude Code documents, and those that take a tool matcher.
const std::set<std::string> hook_events = {"PreToolUse",       "PostToolUse",  "Notification",
                                           "UserPromptSubmit", "Stop",         "SubagentStop",
                                           "PreCompact",       "SessionStart", "SessionEnd"};

// A hooks object: event -> [{matcher?, hooks: [{type: "command", command, timeout?}]}].
void expect_valid_hooks(const Json& hooks, const std::string& file) {
  ASSERT_TRUE(hooks.is_object()) << file << ": `hooks` must be an object";
  for (const auto& [event, groups] : hooks.items()) {
    EXPECT_TRUE(hook_events.count(event)) << file << ": unknown hook event " << event;
    ASSERT_TRUE(groups.is_array()) << file << ": " << event << " must be an array";
    for (const auto& group : groups) {
      ASSERT_TRUE(group.is_object()) << file << ": " << event;
      if (group.contains("matcher")) {
        ASSERT_TRUE(group["matcher"].is_string()) << file << ": " << event;
        EXPECT_NO_THROW(std::regex(group["matcher"].get<std::string>()));
      }
      ASSERT_TRUE(group.contains("hooks") && group["hooks"].is_array()) << file << ": " << event;
      for (const auto& hook : group["hooks"]) {
        EXPECT_EQ(hook.value("type", ""), "command") << file << ": " << event;
        ASSERT_TRUE(hook.contains("command") && hook["command"].is_string()) << file;
        EXPECT_EQ(hook["command"], "baton hook claude-code") << file << ": " << event;
        if (hook.contains("timeout")) {
          ASSERT_TRUE(hook["timeout"].is_number()) << file;
          EXPECT_GT(hook["timeout"].get<double>(), 0) << file;
        }
      }
    }
  }
  // The events baton answers, with the tools that write files matched.
  for (const char* event : {"PostToolUse", "Stop", "SessionStart"})
    EXPECT_TRUE(hooks.contains(event)) << file << ": no " << event << " hook";
  const std::regex matcher(hooks["PostToolUse"][0]["matcher"].get<std::string>());
  for (const char* tool : {"Write", "Edit", "MultiEdit"})
    EXPECT_TRUE(std::regex_match(tool, matcher)) << file << ": PostToolUse misses " << tool;
  EXPECT_FALSE(std::regex_match("Read", matcher));
}

TEST(ClaudePlugin, ManifestHasTheDocumentedFields) {
  const auto manifest = read_json(".claude-plugin/plugin.json");
  ASSERT_TRUE(manifest.is_object());
  ASSERT_TRUE(manifest.contains("name") && manifest["name"].is_string());
  // Plugin names are kebab-case: they namespace the commands (/baton:baton-check).
  EXPECT_TRUE(std::regex_match(manifest["name"].get<std::string>(),
                               std::regex("[a-z][a-z0-9]*(-[a-z0-9]+)*")));
  ASSERT_TRUE(manifest["version"].is_string());
  EXPECT_TRUE(std::regex_match(manifest["version"].get<std::string>(),
                               std::regex(R"(\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)")));
  EXPECT_TRUE(manifest["description"].is_string());
  ASSERT_TRUE(manifest["author"].is_object());
  EXPECT_TRUE(manifest["author"]["name"].is_string());
  for (const char* key : {"homepage", "repository"})
    EXPECT_TRUE(!manifest.contains(key) || manifest[key].is_string()) << key;
  ASSERT_TRUE(manifest["keywords"].is_array());
  for (const auto& keyword : manifest["keywords"])
    EXPECT_TRUE(keyword.is_string());
  // Components sit in the default locations, so the manifest names none.
  for (const char* key : {"commands", "hooks", "mcpServers"})
    EXPECT_FALSE(manifest.contains(key)) << key;
}

TEST(ClaudePlugin, HooksFileWiresTheHook) {
  const auto hooks = read_json("hooks/hooks.json");
  ASSERT_TRUE(hooks.is_object());
  EXPECT_TRUE(!hooks.contains("description") || hooks["description"].is_string());
  expect_valid_hooks(hooks["hooks"], "hooks/hooks.json");
}

TEST(ClaudePlugin, SettingsSnippetHasTheSameHooksAsThePlugin) {
  const auto settings = read_json("settings.json");
  ASSERT_TRUE(settings.is_object());
  expect_valid_hooks(settings["hooks"], "settings.json");
  EXPECT_EQ(settings["hooks"], read_json("hooks/hooks.json")["hooks"]);
}

TEST(ClaudePlugin, McpFileStartsTheServer) {
  const auto config = read_json(".mcp.json");
  ASSERT_TRUE(config.is_object());
  ASSERT_TRUE(config["mcpServers"].is_object());
  for (const auto& [name, server] : config["mcpServers"].items()) {
    ASSERT_TRUE(server["command"].is_string()) << name;
    ASSERT_TRUE(server["args"].is_array()) << name;
    for (const auto& arg : server["args"])
      EXPECT_TRUE(arg.is_string()) << name;
  }
  EXPECT_EQ(config["mcpServers"]["baton"]["command"], "baton");
  EXPECT_EQ(config["mcpServers"]["baton"]["args"], Json::array({"mcp"}));
}

TEST(ClaudePlugin, CommandIsATemplateThatBatonChecksClean) {
  const auto path = plugin_dir + "commands/baton-check.md";
  const auto text = baton::test::read_text(path);
  ASSERT_EQ(text.rfind("---\n", 0), 0u) << "a command starts with front matter";
  EXPECT_NE(text.find("\ndescription: "), std::string::npos);
  EXPECT_NE(text.find("$ARGUMENTS"), std::string::npos);
  const auto run = baton::test::run_cli({"check", "--format", "json", path});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  const auto report = Json::parse(run.out);
  EXPECT_EQ(report["checked_files"][0]["profile"], "template");
  // Only the note that says so (HP012, info): no error, no warning.
  EXPECT_EQ(report["summary"]["errors"], 0) << run.out;
  EXPECT_EQ(report["summary"]["warnings"], 0) << run.out;
  for (const auto& diagnostic : report["diagnostics"])
    EXPECT_EQ(diagnostic["rule"], "HP012");
}

}  // namespace
