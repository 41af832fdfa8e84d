#pragma once

// What the generator knows about a session, extracted from its records and
// checked against the world: the input of the renderer. Every string that
// came from the transcript or the world has had its secrets redacted.

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generate/world.hpp"

namespace baton::generate {

// One entry of the active skill stack, most recent first.
struct ActiveSkill {
  std::string name;
  std::string args;      // as invoked, relative paths made absolute
  std::string origin;    // "Skill tool" or "slash command"
  std::size_t line = 0;  // physical line of the session file
  std::string parent;    // the skill below it on the stack ("" at the bottom)
  bool failed = false;   // the Skill tool reported an error: it never started
};

struct Todo {
  std::string id;
  std::string content;
  std::string status;  // pending | in_progress | completed
  std::string active_form;
  std::string priority;         // 1.0.x TodoWrite only
  std::string original_status;  // when `status` had to be mapped (e.g. "blocked" -> pending)
};

enum class PlanKind { design, impl, plan };

struct PlanningDoc {
  std::string path;  // absolute, lexically normal
  PlanKind kind = PlanKind::plan;
  bool exists = false;
  std::optional<std::size_t> lines;
  std::size_t last_line = 0;  // last session line that referenced it
  bool quotable = true;       // safe inside code spans, tables and calls
};

struct Subagent {
  std::string id;    // agentId ("" when the session never reported one)
  std::string type;  // subagent_type
  std::string description;
  std::string status;  // pending | running | completed | failed
  std::size_t line = 0;
  bool background = false;
  std::optional<std::size_t> transcript_records;  // records in its transcript, when found
  std::string result_excerpt;
  // The physical lines of its inline sidechain (1.0.x), 0 when it has none.
  std::size_t sidechain_first_line = 0;
  std::size_t sidechain_last_line = 0;
};

struct FileChange {
  std::string path;                               // absolute
  std::string actor;                              // "main" or the agent id
  std::map<std::string, std::size_t> operations;  // tool -> count
  std::size_t last_line = 0;
  FileState state;
  bool quotable = true;
};

struct ToolError {
  std::string tool;
  std::string target;  // file path or command, when the input names one
  std::string error;   // excerpt of the error text
  std::string resolution;
  std::size_t line = 0;
  // One of Claude Code's guards refused the call before it did anything
  // (a file not read yet, a directory given to Read): the agent corrects
  // itself on the next call, so the error leaves nothing to do.
  bool self_correction = false;
};

struct UserMessage {
  std::string text;
  std::string timestamp;
  std::size_t line = 0;
  bool command = false;      // a typed slash command ("/clear", "/develop args")
  std::string command_name;  // without the slash, for a command
  std::string command_args;  // as typed, for a command
};

struct TestRun {
  std::string command;
  bool failed = false;
  bool has_result = false;
  std::size_t line = 0;
};

struct Verification {
  std::size_t todo_number = 0;  // 1-based, in 0.3's list
  std::string command;
  std::string expected;
  std::string basis;  // why this command
};

struct CompactSummary {
  std::size_t record_index = 0;
  std::string text;
  std::string timestamp;
};

struct Model {
  std::string session_file;
  std::string session_id;
  std::string slug;
  std::string version;  // Claude Code version of the last record that names one
  std::string project_dir;
  std::string project_encoded;  // spellbook's: cwd without the leading '/', '/' -> '-'
  bool project_dir_from_session = false;
  std::string generated_at;  // World::now_utc()
  std::size_t record_count = 0;
  std::size_t compaction_count = 0;
  std::string last_activity;

  std::vector<ActiveSkill> skills;  // most recent first
  std::vector<Todo> todos;          // the latest list
  std::string todo_source;          // "TodoWrite" | "TaskCreate/TaskUpdate" | ""
  std::size_t todo_line = 0;
  std::size_t todos_dropped = 0;           // items without text
  std::vector<PlanningDoc> planning_docs;  // present and gone, most recent reference first
  std::vector<Subagent> subagents;
  std::vector<FileChange> files;
  std::vector<ToolError> errors;
  std::size_t unresolved_errors() const;
  std::vector<UserMessage> user_messages;
  std::vector<TestRun> test_runs;
  std::vector<Verification> verifications;  // one per pending/in-progress todo
  std::optional<CompactSummary> last_compact;
  std::optional<GitState> git;
  std::size_t secrets_redacted = 0;

  // The planning documents Section 0.2 and 1.10 read: present, quotable, at most five.
  std::vector<const PlanningDoc*> reads() const;
};

// spellbook's directory name for a project (its distilled files live in
// ~/.local/spellbook/distilled/<this>/): the path without its leading '/',
// each '/' as '-' ("/home/dev/shop/" -> "home-dev-shop"); "root" for '/'.
inline std::string spellbook_project_encoded(std::string project_dir) {
  while (project_dir.size() > 1 && project_dir.back() == '/') project_dir.pop_back();
  project_dir.erase(0, std::min(project_dir.find_first_not_of('/'), project_dir.size()));
  std::replace(project_dir.begin(), project_dir.end(), '/', '-');
  return project_dir.empty() ? "root" : project_dir;
}

}  // namespace baton::generate
