#pragma once

// The session toolkit: the operations of spellbook's distill_session.py,
// with the same arguments and results (see docs/sessions.md for the few
// deliberate differences). Every operation streams the transcript once or
// twice; memory follows the longest record, not the file.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "session/jsonl_reader.hpp"

namespace baton::session {

// list-sessions: the sessions of a project directory, newest activity first,
// at most `limit` (Python slice semantics: a negative limit drops from the end).
nlohmann::ordered_json list_sessions(const std::filesystem::path& project_dir, long long limit,
                                     const ReadOptions& options = {});

// get-last-compact: null, or {line_number, summary_content, timestamp}.
nlohmann::ordered_json last_compact(const std::filesystem::path& session_file,
                                    const ReadOptions& options = {});

// split-by-char-limit: [[start, end), ...] covering start_line to the last record.
nlohmann::ordered_json chunk_boundaries(const std::filesystem::path& session_file,
                                        long long start_line, long long char_limit,
                                        const ReadOptions& options = {});

// extract-chunk, get-content-after, get-content-from-start: the records as
// json.dumps(records, indent=2) writes them (no trailing newline), streamed.
void write_extract(const std::filesystem::path& session_file, long long start_line,
                   long long end_line, const ReadOptions& options, std::ostream& out);
void write_after(const std::filesystem::path& session_file, long long start_line,
                 const ReadOptions& options, std::ostream& out);
void write_all(const std::filesystem::path& session_file, const ReadOptions& options,
               std::ostream& out);

// The same three as values (they hold every selected record in memory).
nlohmann::ordered_json extract(const std::filesystem::path& session_file, long long start_line,
                               long long end_line, const ReadOptions& options = {});
nlohmann::ordered_json after(const std::filesystem::path& session_file, long long start_line,
                             const ReadOptions& options = {});
nlohmann::ordered_json all(const std::filesystem::path& session_file,
                           const ReadOptions& options = {});

// get-agent-output: {agent_id, found, output, prompt, session_id, file_path[, error]}.
nlohmann::ordered_json agent_output(const std::filesystem::path& project_dir,
                                    const std::string& agent_id, const ReadOptions& options = {});

// list-agents: [{agent_id, file_path, timestamp, prompt_preview}], oldest first.
nlohmann::ordered_json list_agents(const std::filesystem::path& project_dir,
                                   const std::string& session_id, const ReadOptions& options = {});

// json.dumps(value, indent=2) of a result.
std::string python_dumps_indented(const nlohmann::ordered_json& value);

}  // namespace baton::session
