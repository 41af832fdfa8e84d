#include "session/records.hpp"

#include <algorithm>

namespace baton::session {

namespace {

bool key_equals(const Member& member, std::string_view name) {
  if (!member.key_escaped)
    return member.key == name;
  return decode_json_string_body(member.key) == name;
}

bool bool_at(const nlohmann::ordered_json& object, const char* key) {
  const auto* value = object_member(object, key);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

}  // namespace

const nlohmann::ordered_json* object_member(const nlohmann::ordered_json& object,
                                            const char* key) {
  if (!object.is_object())
    return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string string_member(const nlohmann::ordered_json& object, const char* key) {
  const auto* value = object_member(object, key);
  if (value == nullptr)
    return {};
  if (value->is_string())
    return value->get<std::string>();
  if (value->is_number())
    return value->dump();
  return {};
}

std::optional<std::string_view> find_member(const std::vector<Member>& members,
                                            std::string_view name) {
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (key_equals(*it, name))
      return it->value;
  }
  return std::nullopt;
}

bool is_truthy(std::string_view value) {
  if (value.empty())
    return false;
  switch (value.front()) {
    case '"':
      return value.size() > 2;
    case 't':
    case 'N':
    case 'I':
      return true;
    case 'f':
    case 'n':
      return false;
    case '{':
    case '[': {
      const auto next = value.find_first_not_of(" \t\r\n", 1);
      return next != std::string_view::npos && value[next] != '}' && value[next] != ']';
    }
    default:
      break;
  }
  // A number: true unless every digit of the mantissa is zero.
  if (value.size() > 1 && value[0] == '-' && value[1] == 'I')
    return true;
  for (const char c : value) {
    if (c == 'e' || c == 'E')
      break;
    if (c >= '1' && c <= '9')
      return true;
  }
  return false;
}

std::optional<std::string> json_string(std::string_view value) {
  if (value.size() < 2 || value.front() != '"')
    return std::nullopt;
  const auto body = value.substr(1, value.size() - 2);
  if (body.find('\\') == std::string_view::npos)
    return std::string(body);
  return decode_json_string_body(body);
}

bool is_string_value(std::string_view value, std::string_view expected) {
  if (value.size() < 2 || value.front() != '"')
    return false;
  const auto body = value.substr(1, value.size() - 2);
  if (body.find('\\') == std::string_view::npos)
    return body == expected;
  return decode_json_string_body(body) == expected;
}

bool member_is(const std::vector<Member>& members, std::string_view name,
               std::string_view expected) {
  const auto value = find_member(members, name);
  return value && is_string_value(*value, expected);
}

nlohmann::ordered_json parse_value(std::string_view value) {
  return nlohmann::ordered_json::parse(value.begin(), value.end());
}

bool is_stream_json_init(const std::vector<Member>& members) {
  return member_is(members, "type", "system") && member_is(members, "subtype", "init") &&
         find_member(members, "session_id").has_value();
}

bool is_compact_boundary(const std::vector<Member>& members) {
  return member_is(members, "type", "system") && member_is(members, "subtype", "compact_boundary");
}

std::string canonical_tool_name(std::string_view name) {
  if (name == "Task")
    return "Agent";  // renamed in Claude Code 2.1.63
  if (name == "KillBash")
    return "KillShell";
  return std::string(name);
}

Record parse_record(std::string_view text, std::size_t index, std::size_t line_number) {
  Record record;
  record.index = index;
  record.line_number = line_number;
  record.json = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
  if (record.json.is_discarded()) {
    record.json = nullptr;
    return record;
  }
  const auto& json = record.json;
  if (!json.is_object())
    return record;
  record.type = string_member(json, "type");
  record.subtype = string_member(json, "subtype");
  record.uuid = string_member(json, "uuid");
  record.parent_uuid = string_member(json, "parentUuid");
  record.session_id = string_member(json, "sessionId");
  record.timestamp = string_member(json, "timestamp");
  record.cwd = string_member(json, "cwd");
  record.version = string_member(json, "version");
  record.agent_id = string_member(json, "agentId");
  record.slug = string_member(json, "slug");
  record.summary = string_member(json, "summary");
  record.is_sidechain = bool_at(json, "isSidechain");
  record.is_meta = bool_at(json, "isMeta");
  record.is_compact_summary = bool_at(json, "isCompactSummary");
  if (const auto* message = object_member(json, "message"); message != nullptr && message->is_object()) {
    record.role = string_member(*message, "role");
    if (const auto* content = object_member(*message, "content"))
      record.content = *content;
  }
  if (record.content.is_array()) {
    for (const auto& block : record.content) {
      if (!block.is_object() || string_member(block, "type") != "tool_use")
        continue;
      ToolUse tool_use;
      tool_use.id = string_member(block, "id");
      tool_use.name = string_member(block, "name");
      tool_use.canonical = canonical_tool_name(tool_use.name);
      if (const auto* input = object_member(block, "input"))
        tool_use.input = *input;
      record.tool_uses.push_back(std::move(tool_use));
    }
  }
  return record;
}

std::optional<SkillCall> skill_call(const ToolUse& tool_use) {
  if (tool_use.name != "Skill" || !tool_use.input.is_object())
    return std::nullopt;
  SkillCall call;
  call.skill = string_member(tool_use.input, "skill");
  if (call.skill.empty())
    call.skill = string_member(tool_use.input, "command");  // Claude Code <= 2.0.22
  if (call.skill.empty())
    return std::nullopt;
  call.args = string_member(tool_use.input, "args");
  return call;
}

std::vector<TodoItem> todo_items(const ToolUse& tool_use) {
  std::vector<TodoItem> items;
  const auto& input = tool_use.input;
  if (!input.is_object())
    return items;
  if (tool_use.name == "TodoWrite") {
    const auto* todos = object_member(input, "todos");
    if (todos == nullptr || !todos->is_array())
      return items;
    for (const auto& todo : *todos) {
      if (!todo.is_object())
        continue;
      items.push_back(TodoItem{string_member(todo, "id"), string_member(todo, "content"),
                               string_member(todo, "status"), string_member(todo, "activeForm"),
                               string_member(todo, "priority")});
    }
  } else if (tool_use.name == "TaskCreate") {
    items.push_back(TodoItem{string_member(input, "taskId"),
                             string_member(input, "subject"),
                             "pending",
                             string_member(input, "activeForm"),
                             {}});
  } else if (tool_use.name == "TaskUpdate") {
    items.push_back(TodoItem{string_member(input, "taskId"),
                             string_member(input, "subject"),
                             string_member(input, "status"),
                             string_member(input, "activeForm"),
                             {}});
  }
  return items;
}

std::string content_text(const nlohmann::ordered_json& content) {
  if (content.is_string())
    return content.get<std::string>();
  std::string text;
  if (!content.is_array())
    return text;
  bool first = true;
  for (const auto& block : content) {
    const nlohmann::ordered_json* part = nullptr;
    if (block.is_string())
      part = &block;
    else if (block.is_object() && string_member(block, "type") == "text")
      part = object_member(block, "text");
    if (part == nullptr || !part->is_string())
      continue;
    if (!first)
      text += '\n';
    text += part->get<std::string>();
    first = false;
  }
  return text;
}

}  // namespace baton::session
