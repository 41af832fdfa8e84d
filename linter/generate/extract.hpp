#pragma once

// Extraction: the records of a session (and of its subagents) into the
// model the renderer writes. Pure apart from the World it is given.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "generate/model.hpp"
#include "generate/world.hpp"
#include "session/jsonl_reader.hpp"
#include "session/records.hpp"

namespace baton::generate {

// What the first pass over a transcript learns: its record count and the
// identity fields the handoff names. Read by skimming, without a DOM.
struct TranscriptSummary {
  std::size_t record_count = 0;
  std::string session_id;      // the first record's that names one
  std::string slug;            // the last non-empty one
  std::string version;         // the last non-empty one
  std::string last_timestamp;  // the last non-empty one
  std::string cwd;             // the first absolute one
  // What this validating pass found, so that extract() need not validate
  // the transcript again.
  std::shared_ptr<const session::ValidatedLines> validated;
  // The lines of records that must be parsed whole (needs_full_parse), ascending.
  std::shared_ptr<const std::vector<std::size_t>> parse_whole;
};

struct AgentTranscript {
  std::filesystem::path file;
  std::size_t record_count = 0;
};

// A session to extract: its files, not its records. extract() streams them
// once more, so memory follows the handoff, not the size of the session.
struct SessionInput {
  std::string session_file;  // as given on the command line
  std::filesystem::path session_path;
  TranscriptSummary summary;
  std::map<std::string, AgentTranscript> agents;  // agent id -> its transcript
  std::optional<std::string> project_dir;         // --project-dir: overrides the session's cwd
};

// One pass over a transcript for its TranscriptSummary. Throws
// session::SessionError like session::RecordReader.
TranscriptSummary summarize_transcript(const std::filesystem::path& file,
                                       const session::ReadOptions& options);

Model extract(const SessionInput& input, const World& world);

// Claude Code's built-in slash commands: typing them activates no skill.
bool is_builtin_command(std::string_view name);

// Whether a Bash command runs tests (pytest, cargo test, ctest, npm test, ...).
bool is_test_command(std::string_view command);

}  // namespace baton::generate
