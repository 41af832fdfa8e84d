#pragma once

// What baton knows about the records of a Claude Code transcript, across
// generations: 1.0.x (inline sidechains, `summary` title records, MultiEdit,
// TodoWrite with priority/id), 2.0.x (agent-<id>.jsonl siblings, Skill
// {command} or {skill}), 2.1.x (<session>/subagents/, Skill {skill, args},
// Task renamed Agent, TaskCreate/TaskUpdate beside TodoWrite, progress,
// attachment and queue-operation records). Unknown types are kept as they are.
//
// Two levels: member helpers that read single fields from the skimmed record
// text (the fast path of the toolkit), and Record, a parsed model for callers
// that need the whole record.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "session/python_json.hpp"

namespace baton::session {

// --- Fields of skimmed records ----------------------------------------------

// The value text of member `name`; the last one wins, as in a Python dict.
std::optional<std::string_view> find_member(const std::vector<Member>& members,
                                            std::string_view name);

// Python truthiness of a JSON value: false, null, 0, 0.0, "", [] and {} are false.
bool is_truthy(std::string_view json_value);

// The decoded string if the value is a JSON string.
std::optional<std::string> json_string(std::string_view json_value);

// Whether the value is the JSON string `expected`.
bool is_string_value(std::string_view json_value, std::string_view expected);

// Whether the member `name` is the JSON string `expected`.
bool member_is(const std::vector<Member>& members, std::string_view name,
               std::string_view expected);

// The value parsed with nlohmann (key order kept).
nlohmann::ordered_json parse_value(std::string_view json_value);

// The first message of `claude -p --output-format stream-json`: a system/init
// record with snake_case session_id, which transcripts never have.
bool is_stream_json_init(const std::vector<Member>& members);

// type == "system" and subtype == "compact_boundary".
bool is_compact_boundary(const std::vector<Member>& members);

// A member of a parsed JSON object; nullptr when absent or not an object.
const nlohmann::ordered_json* object_member(const nlohmann::ordered_json& object, const char* key);

// A member's string, or a number's digits; "" for anything else.
std::string string_member(const nlohmann::ordered_json& object, const char* key);

// --- The parsed record model ------------------------------------------------

struct ToolUse {
  std::string id;
  std::string name;       // as written: "Task", "Agent", "Skill", "mcp__x__y", ...
  std::string canonical;  // the current name of the same tool: Task -> Agent, KillBash -> KillShell
  nlohmann::ordered_json input;
};

// A Skill invocation in any input shape: {command} (<= 2.0.22), {skill}, {skill, args}.
struct SkillCall {
  std::string skill;
  std::string args;
};

// One todo item from TodoWrite (any generation) or TaskCreate/TaskUpdate.
struct TodoItem {
  std::string id;       // TodoWrite 1.0.x id, or the task id of TaskUpdate (may be empty)
  std::string content;  // TodoWrite content, TaskCreate subject
  std::string status;   // pending | in_progress | completed (TaskCreate: pending)
  std::string active_form;
  std::string priority;  // 1.0.x only
};

struct Record {
  std::size_t index = 0;        // among the non-blank lines, from 0
  std::size_t line_number = 0;  // physical, from 1
  std::string type;             // user, assistant, system, summary, progress, ... or ""
  std::string subtype;
  std::string uuid;
  std::string parent_uuid;
  std::string session_id;
  std::string timestamp;  // numeric epochs are kept as their digits
  std::string cwd;
  std::string version;
  std::string agent_id;
  std::string slug;
  bool is_sidechain = false;
  bool is_meta = false;
  bool is_compact_summary = false;
  std::string role;                // message.role
  nlohmann::ordered_json content;  // message.content: string, block list or null
  std::string summary;             // `summary` title records (1.0.x)
  std::vector<ToolUse> tool_uses;  // tool_use blocks of message.content
  nlohmann::ordered_json json;     // the whole record

  bool is_compact_boundary() const { return type == "system" && subtype == "compact_boundary"; }
  bool is_object() const { return json.is_object(); }
};

// Parses one record's text (valid JSON; anything but an object gives an empty model).
Record parse_record(std::string_view text, std::size_t index = 0, std::size_t line_number = 0);

// Task and Agent, KillBash and KillShell name the same tool.
std::string canonical_tool_name(std::string_view name);

// The Skill call of a Skill tool use, whatever the input shape.
std::optional<SkillCall> skill_call(const ToolUse& tool_use);

// The todo items a TodoWrite, TaskCreate or TaskUpdate tool use states.
std::vector<TodoItem> todo_items(const ToolUse& tool_use);

// The text of a message content: the string itself, or the text blocks (and
// bare strings) of a block list joined with "\n".
std::string content_text(const nlohmann::ordered_json& content);

}  // namespace baton::session
