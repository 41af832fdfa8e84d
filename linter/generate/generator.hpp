#pragma once

// `baton generate`: a spellbook-handoff skeleton from a session file. This
// layer reads the session and its subagent transcripts from disk; extraction
// (extract.hpp) and rendering (render.hpp) are pure.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "generate/extract.hpp"
#include "generate/model.hpp"
#include "generate/render.hpp"
#include "generate/world.hpp"

namespace baton::generate {

struct LoadOptions {
  std::optional<std::string> project_dir;
  // Told about malformed lines that were skipped.
  std::function<void(const std::string&)> on_warning;
};

// Reads the session and the transcripts of its subagents (agent-<id>.jsonl
// beside it with the same session id, and <session>/subagents/agent-<id>.jsonl).
// Throws session::SessionError when the file is missing or is SDK stream-json.
SessionInput load_session(const std::filesystem::path& session_file, const LoadOptions& options);

// ~/.local/spellbook/distilled/<project-encoded>/<slug>-<YYYYmmdd-HHMMSS>.md
std::filesystem::path default_output_path(const Model& model, const std::string& home);

// The file-name-safe slug: the session's slug, else "session-HHMMSS".
std::string output_slug(const Model& model);

}  // namespace baton::generate
