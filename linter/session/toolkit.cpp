#include "session/toolkit.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "session/locate.hpp"
#include "session/records.hpp"

namespace baton::session {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr std::size_t first_user_message_length = 500;
constexpr std::size_t recent_message_length = 500;
constexpr std::size_t recent_record_count = 5;
constexpr std::size_t agent_prompt_length = 1000;
constexpr std::size_t agent_prompt_preview_length = 200;

// The members of a record's `message` object (empty if it has none).
struct MessageFields {
  std::optional<std::string_view> role;
  std::optional<std::string_view> content;
};

MessageFields message_fields(const RecordReader& reader) {
  const auto* message = reader.message_members();
  if (message == nullptr)
    return {};
  return {find_member(*message, "role"), find_member(*message, "content")};
}

json string_prefix(const std::string& text, std::size_t length) {
  return std::string(utf8_prefix(text, length));
}

// first_user_message, prompt and prompt_preview. distill_session.py slices
// message.content, which cuts a block list into a shorter list; baton gives
// the text of the blocks instead (their JSON when they hold no text).
json content_preview(std::string_view content, std::size_t length) {
  switch (content.front()) {
    case '"':
      return string_prefix(*json_string(content), length);
    case 'n':
      return nullptr;
    case '[': {
      const json blocks = parse_value(content);
      if (blocks.empty())
        return "";
      const std::string text = content_text(blocks);
      if (!text.empty())
        return string_prefix(text, length);
      return string_prefix(python_dumps(content), length);
    }
    default:
      return string_prefix(python_dumps(content), length);
  }
}

// str(content)[:n] after json.dumps of a list, as recent_messages does.
std::string python_str_preview(std::string_view content, std::size_t length) {
  switch (content.front()) {
    case '"':
      return std::string(utf8_prefix(*json_string(content), length));
    case 'n':
      return "None";
    case 't':
      return "True";
    case 'f':
      return "False";
    default:
      return std::string(utf8_prefix(python_dumps(content), length));
  }
}

json value_or(std::optional<std::string_view> value, json fallback) {
  return value ? parse_value(*value) : std::move(fallback);
}

bool is_agent_file_name(const std::string& name) {
  return name.rfind("agent-", 0) == 0;
}

// glob("<dir>/<pattern>") for "*.jsonl" with an optional prefix, sorted by name
// (Python's order is the directory's, which is arbitrary). Paths are written
// "<dir>/<name>" as glob writes them.
std::vector<std::pair<std::string, std::string>> jsonl_files(const fs::path& directory,
                                                             const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> files;
  std::error_code error;
  const std::string base = directory.string();
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.' || name.size() < 6 ||
        name.compare(name.size() - 6, 6, ".jsonl") != 0 || name.rfind(prefix, 0) != 0)
      continue;
    if (!it->is_regular_file(error))
      continue;
    files.emplace_back(name, base + "/" + name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string sort_key(const json& timestamp) {
  return timestamp.is_string() ? timestamp.get<std::string>() : std::string();
}

void warn(const ReadOptions& options, const std::string& message) {
  if (options.on_warning)
    options.on_warning(message);
}

// Tracks the last compact boundary and the summary that belongs to it.
// spellbook only looks at the record right after the boundary; baton also
// accepts a later isCompactSummary record whose parentUuid is the boundary's
// uuid, since attachments and hook records can sit between the two.
class CompactTracker {
 public:
  // Returns true if the record is a compact boundary.
  bool observe(const RecordReader& reader) {
    const auto& members = reader.members();
    if (is_compact_boundary(members)) {
      ++count_;
      line_ = reader.index();
      timestamp_ = value_or(find_member(members, "timestamp"), "");
      const auto uuid = find_member(members, "uuid");
      uuid_ = uuid ? json_string(*uuid) : std::nullopt;
      summary_.reset();
      searching_ = true;
      return true;
    }
    if (!searching_)
      return false;
    const auto is_summary = find_member(members, "isCompactSummary");
    if (!is_summary || !is_truthy(*is_summary))
      return false;
    const auto parent = find_member(members, "parentUuid");
    const bool next_record = reader.index() == *line_ + 1;
    const bool child = uuid_ && parent && is_string_value(*parent, *uuid_);
    if (!next_record && !child)
      return false;
    const auto content = message_fields(reader).content;
    summary_ = value_or(content, "");
    searching_ = false;
    return false;
  }

  std::size_t count() const { return count_; }
  const std::optional<std::size_t>& line() const { return line_; }
  const json& timestamp() const { return timestamp_; }
  const std::optional<json>& summary() const { return summary_; }

 private:
  std::size_t count_ = 0;
  std::optional<std::size_t> line_;
  json timestamp_;
  std::optional<std::string> uuid_;
  std::optional<json> summary_;
  bool searching_ = false;
};

std::optional<json> summarize_session(const std::string& path, const ReadOptions& options) {
  RecordReader reader(path, options);
  // Values are kept as their JSON text and parsed once, at the end: most
  // records carry a slug and a timestamp.
  std::optional<std::string> slug_text;
  std::optional<std::string> created_text;
  std::string last_activity_text;
  std::size_t count = 0;
  std::size_t chars = 0;
  CompactTracker compacts;
  std::optional<json> first_user_message;
  // The last records: whether user/assistant, and a copy of message.content,
  // in a ring whose strings keep their capacity.
  struct Recent {
    bool is_message = false;
    bool has_content = false;
    std::string content;
  };
  std::array<Recent, recent_record_count> recent;
  std::size_t records_seen = 0;
  while (reader.next()) {
    const auto& members = reader.members();
    ++count;
    chars += reader.python_length();
    if (const auto value = find_member(members, "slug"); value && is_truthy(*value))
      slug_text.emplace(*value);
    if (const auto value = find_member(members, "timestamp"); value && is_truthy(*value)) {
      if (!created_text)
        created_text.emplace(*value);
      last_activity_text.assign(*value);
    }
    compacts.observe(reader);
    const bool is_user = member_is(members, "type", "user");
    const bool is_user_or_assistant = is_user || member_is(members, "type", "assistant");
    if (is_user && !first_user_message) {
      const auto content = message_fields(reader).content;
      first_user_message = content ? content_preview(*content, first_user_message_length) : "";
    }
    auto& slot = recent[records_seen++ % recent_record_count];
    slot.is_message = is_user_or_assistant;
    slot.has_content = false;
    if (is_user_or_assistant) {
      if (const auto value = message_fields(reader).content) {
        slot.has_content = true;
        slot.content.assign(*value);
      }
    }
  }
  if (count == 0)
    return std::nullopt;
  json recent_messages = json::array();
  const std::size_t first_recent = records_seen > recent_record_count ? records_seen - recent_record_count : 0;
  for (std::size_t i = first_recent; i < records_seen; ++i) {
    const auto& slot = recent[i % recent_record_count];
    if (slot.is_message)
      recent_messages.push_back(slot.has_content ? python_str_preview(slot.content, recent_message_length) : "");
  }
  const json slug = slug_text ? parse_value(*slug_text) : json(nullptr);
  const json created = created_text ? parse_value(*created_text) : json(nullptr);
  const json last_activity = created_text ? parse_value(last_activity_text) : json(nullptr);
  json session;
  session["slug"] = slug;
  session["path"] = path;
  session["created"] = created;
  session["last_activity"] = last_activity;
  session["message_count"] = count;
  session["char_count"] = chars;
  session["compact_count"] = compacts.count();
  session["last_compact_line"] = compacts.line() ? json(*compacts.line()) : json(nullptr);
  session["first_user_message"] = first_user_message ? *first_user_message : json(nullptr);
  session["last_compact_summary"] = compacts.summary() ? *compacts.summary() : json(nullptr);
  session["recent_messages"] = std::move(recent_messages);
  return session;
}

std::size_t count_records(const fs::path& session_file, const ReadOptions& options) {
  RecordReader reader(session_file, options);
  std::size_t count = 0;
  while (reader.next())
    ++count;
  return count;
}

// Writes records [start, end) as json.dumps(records, indent=2) does. The
// first record is read before anything is written, so a missing file or
// stream-json input fails the command with nothing printed.
void write_range(const fs::path& session_file, std::size_t start, std::size_t end,
                 const ReadOptions& options, bool report_malformed, std::ostream& out) {
  ReadOptions reader_options = options;
  if (!report_malformed)
    reader_options.on_malformed = nullptr;  // already reported by the counting pass
  RecordReader reader(session_file, reader_options);
  bool more = reader.next();
  std::string rendered;
  bool first = true;
  out << '[';
  for (; more && reader.index() < end; more = reader.next()) {
    if (reader.index() < start)
      continue;
    rendered.assign(first ? "\n  " : ",\n  ");
    append_python_dumps_indented(reader.text(), 2, 1, rendered);
    out.write(rendered.data(), static_cast<std::streamsize>(rendered.size()));
    first = false;
  }
  out << (first ? "]" : "\n]");
}

// Python truthiness of a parsed value.
bool python_truthy(const json& value) {
  if (value.is_null())
    return false;
  if (value.is_boolean())
    return value.get<bool>();
  if (value.is_string())
    return !value.get_ref<const std::string&>().empty();
  if (value.is_number())
    return value != 0;
  return !value.empty();
}

json parse_written(const std::string& text) {
  return json::parse(text);
}

std::string agent_id_of(const std::string& file_name) {
  // "agent-<id>.jsonl" -> "<id>"
  return file_name.substr(6, file_name.size() - 6 - 6);
}

}  // namespace

json list_sessions(const fs::path& project_dir, long long limit, const ReadOptions& options) {
  const fs::path directory = resolve_project_dir(project_dir);
  std::error_code error;
  if (!fs::is_directory(directory, error))
    throw SessionError(SessionError::Kind::not_found,
                       "Project directory not found: " + directory.string());
  std::vector<json> sessions;
  for (const auto& [name, path] : jsonl_files(directory, "")) {
    // Subagent transcripts of the 2.0.x layout sit beside the sessions.
    if (is_agent_file_name(name))
      continue;
    try {
      if (auto session = summarize_session(path, options))
        sessions.push_back(std::move(*session));
    } catch (const SessionError& failure) {
      warn(options, "skipped " + path + ": " + failure.what());
    }
  }
  std::stable_sort(sessions.begin(), sessions.end(), [](const json& a, const json& b) {
    return sort_key(a["last_activity"]) > sort_key(b["last_activity"]);
  });
  const auto size = static_cast<long long>(sessions.size());
  const long long kept = limit >= 0 ? std::min(limit, size) : std::max(0LL, size + limit);
  json result = json::array();
  for (long long i = 0; i < kept; ++i)
    result.push_back(std::move(sessions[static_cast<std::size_t>(i)]));
  return result;
}

json last_compact(const fs::path& session_file, const ReadOptions& options) {
  RecordReader reader(session_file, options);
  CompactTracker compacts;
  while (reader.next())
    compacts.observe(reader);
  if (!compacts.line())
    return nullptr;
  json result;
  result["line_number"] = *compacts.line();
  const auto& summary = compacts.summary();
  // `summary_content or ''`: a missing or empty summary is the empty string.
  result["summary_content"] = summary && python_truthy(*summary) ? *summary : json("");
  result["timestamp"] = compacts.timestamp();
  return result;
}

json chunk_boundaries(const fs::path& session_file, long long start_line, long long char_limit,
                      const ReadOptions& options) {
  RecordReader reader(session_file, options);
  json chunks = json::array();
  long long total = 0;
  long long chunk_start = start_line;
  long long chunk_chars = 0;
  while (reader.next()) {
    const auto index = static_cast<long long>(reader.index());
    total = index + 1;
    if (index < start_line)
      continue;
    const auto size = static_cast<long long>(reader.python_length());
    // Close the chunk before a record that would overflow it, never splitting one.
    if (chunk_chars + size > char_limit && chunk_chars > 0) {
      chunks.push_back(json::array({chunk_start, index}));
      chunk_start = index;
      chunk_chars = 0;
    }
    chunk_chars += size;
  }
  if (start_line < 0 || start_line >= total)
    throw SessionError(SessionError::Kind::invalid_argument,
                       "Invalid start_line: " + std::to_string(start_line));
  if (char_limit <= 0)
    throw SessionError(SessionError::Kind::invalid_argument,
                       "Invalid char_limit: " + std::to_string(char_limit));
  if (chunk_start < total)
    chunks.push_back(json::array({chunk_start, total}));
  return chunks;
}

void write_extract(const fs::path& session_file, long long start_line, long long end_line,
                   const ReadOptions& options, std::ostream& out) {
  const auto total = static_cast<long long>(count_records(session_file, options));
  if (start_line < 0 || end_line > total || start_line >= end_line)
    throw SessionError(SessionError::Kind::invalid_argument,
                       "Invalid range: start=" + std::to_string(start_line) + ", end=" +
                           std::to_string(end_line) + ", total=" + std::to_string(total));
  write_range(session_file, static_cast<std::size_t>(start_line),
              static_cast<std::size_t>(end_line), options, false, out);
}

void write_after(const fs::path& session_file, long long start_line, const ReadOptions& options,
                 std::ostream& out) {
  const auto total = static_cast<long long>(count_records(session_file, options));
  if (start_line < 0 || start_line >= total)
    throw SessionError(SessionError::Kind::invalid_argument,
                       "Invalid start_line: " + std::to_string(start_line) +
                           " (total messages: " + std::to_string(total) + ")");
  write_range(session_file, static_cast<std::size_t>(start_line) + 1,
              static_cast<std::size_t>(total), options, false, out);
}

void write_all(const fs::path& session_file, const ReadOptions& options, std::ostream& out) {
  constexpr auto to_the_end = static_cast<std::size_t>(-1);
  // Under --strict-json a bad line must fail the command before anything is printed.
  if (options.strict_json) {
    count_records(session_file, options);
    write_range(session_file, 0, to_the_end, options, false, out);
  } else {
    write_range(session_file, 0, to_the_end, options, true, out);
  }
}

json extract(const fs::path& session_file, long long start_line, long long end_line,
             const ReadOptions& options) {
  std::ostringstream out;
  write_extract(session_file, start_line, end_line, options, out);
  return parse_written(out.str());
}

json after(const fs::path& session_file, long long start_line, const ReadOptions& options) {
  std::ostringstream out;
  write_after(session_file, start_line, options, out);
  return parse_written(out.str());
}

json all(const fs::path& session_file, const ReadOptions& options) {
  std::ostringstream out;
  write_all(session_file, options, out);
  return parse_written(out.str());
}

json agent_output(const fs::path& project_dir, const std::string& agent_id,
                  const ReadOptions& options) {
  const fs::path directory = resolve_project_dir(project_dir);
  const std::string file_name = "agent-" + agent_id + ".jsonl";
  fs::path agent_file = directory / file_name;
  json result;
  result["agent_id"] = agent_id;
  result["found"] = false;
  result["output"] = nullptr;
  result["prompt"] = nullptr;
  result["session_id"] = nullptr;
  result["file_path"] = agent_file.string();
  std::error_code error;
  if (!fs::exists(agent_file, error)) {
    // Claude Code 2.1.2 and later: <session>/subagents/agent-<id>.jsonl.
    std::vector<fs::path> candidates;
    for (fs::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
      const fs::path nested = it->path() / "subagents" / file_name;
      std::error_code ignored;
      if (fs::is_regular_file(nested, ignored))
        candidates.push_back(nested);
    }
    if (candidates.empty())
      return result;
    std::sort(candidates.begin(), candidates.end());
    agent_file = candidates.front();
    result["file_path"] = agent_file.string();
  }
  try {
    RecordReader reader(agent_file, options);
    json session_id = nullptr;
    json prompt = nullptr;
    bool prompt_found = false;
    std::optional<std::optional<std::string>> last_assistant_content;
    while (reader.next()) {
      const auto& members = reader.members();
      if (reader.index() == 0)
        session_id = value_or(find_member(members, "sessionId"), nullptr);
      const auto message = message_fields(reader);
      const bool role_user = message.role && is_string_value(*message.role, "user");
      if (!prompt_found && (member_is(members, "type", "user") || role_user)) {
        prompt_found = true;
        if (message.content && is_truthy(*message.content))
          prompt = content_preview(*message.content, agent_prompt_length);
      }
      if (message.role && is_string_value(*message.role, "assistant")) {
        last_assistant_content =
            message.content ? std::optional<std::string>(*message.content) : std::nullopt;
      }
    }
    result["found"] = true;
    result["session_id"] = std::move(session_id);
    result["prompt"] = std::move(prompt);
    if (last_assistant_content && *last_assistant_content) {
      const json content = parse_value(**last_assistant_content);
      if (content.is_array() && !content.empty())
        result["output"] = content_text(content);
      else if (content.is_string())
        result["output"] = content;
    }
  } catch (const SessionError& failure) {
    result["error"] = failure.what();
  }
  return result;
}

json list_agents(const fs::path& project_dir, const std::string& session_id,
                 const ReadOptions& options) {
  const fs::path directory = resolve_project_dir(project_dir);
  std::error_code error;
  if (!fs::is_directory(directory, error))
    throw SessionError(SessionError::Kind::not_found,
                       "Project directory not found: " + directory.string());
  // The 2.0.x layout beside the sessions, then the 2.1.x <session>/subagents/.
  auto files = jsonl_files(directory, "agent-");
  const std::size_t flat_count = files.size();
  for (auto& nested : jsonl_files(directory / session_id / "subagents", "agent-"))
    files.push_back(std::move(nested));
  std::vector<json> agents;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& [name, path] = files[i];
    const bool in_session_dir = i >= flat_count;
    try {
      RecordReader reader(path, options);
      if (!reader.next())
        continue;
      const auto& first = reader.members();
      const auto owner = find_member(first, "sessionId");
      const bool belongs = owner ? is_string_value(*owner, session_id) : in_session_dir;
      if (!belongs)
        continue;
      json agent;
      agent["agent_id"] = agent_id_of(name);
      agent["file_path"] = path;
      agent["timestamp"] = value_or(find_member(first, "timestamp"), nullptr);
      json preview = nullptr;
      do {
        const auto& members = reader.members();
        const auto message = message_fields(reader);
        if (member_is(members, "type", "user") ||
            (message.role && is_string_value(*message.role, "user"))) {
          if (message.content && is_truthy(*message.content))
            preview = content_preview(*message.content, agent_prompt_preview_length);
          break;
        }
      } while (reader.next());
      agent["prompt_preview"] = std::move(preview);
      agents.push_back(std::move(agent));
    } catch (const SessionError& failure) {
      warn(options, "skipped " + path + ": " + failure.what());
    }
  }
  std::stable_sort(agents.begin(), agents.end(), [](const json& a, const json& b) {
    return sort_key(a["timestamp"]) < sort_key(b["timestamp"]);
  });
  json result = json::array();
  for (auto& agent : agents)
    result.push_back(std::move(agent));
  return result;
}

std::string python_dumps_indented(const json& value) {
  std::string out;
  append_python_dumps_indented(value.dump(-1, ' ', false, json::error_handler_t::replace), 2, 0,
                               out);
  return out;
}

}  // namespace baton::session
