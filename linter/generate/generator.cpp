#include "generate/generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "session/jsonl_reader.hpp"
#include "session/records.hpp"

namespace baton::generate {

namespace {

namespace fs = std::filesystem;

TranscriptSummary summarize(const fs::path& file, const LoadOptions& options) {
  session::ReadOptions read_options;
  read_options.on_malformed = [&](const session::MalformedLine& line) {
    if (options.on_warning) {
      options.on_warning(fmt::format("{}:{}: skipped a malformed line ({})", line.file.string(),
                                     line.line_number, line.message));
    }
  };
  return summarize_transcript(file, read_options);
}

// "agent-<id>.jsonl" files directly in `directory`.
std::vector<fs::path> agent_files(const fs::path& directory) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    return files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with("agent-") && name.ends_with(".jsonl") && entry.is_regular_file(ec))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The session id of a transcript's first records that name one, read
// without parsing the rest of the file.
std::string first_session_id(const fs::path& file) {
  session::RecordReader reader(file, {});
  for (int records = 0; records < 10 && reader.next(); ++records) {
    if (const auto value = session::find_member(reader.members(), "sessionId")) {
      if (auto id = session::json_string(*value))
        return *id;
    }
  }
  return {};
}

std::string agent_id_of(const fs::path& file) {
  const auto stem = file.stem().string();
  return stem.substr(6);
}

}  // namespace

SessionInput load_session(const fs::path& session_file, const LoadOptions& options) {
  SessionInput input;
  input.session_file = session_file.string();
  input.project_dir = options.project_dir;
  input.session_path = session_file;
  input.summary = summarize(session_file, options);
  const auto& session_id = input.summary.session_id;
  const auto directory =
      session_file.parent_path().empty() ? fs::path(".") : session_file.parent_path();
  const auto stem = session_file.stem().string();
  if (stem.starts_with("agent-"))
    return input;  // a subagent transcript has no subagents of its own here
  // 2.0.x: siblings, shared by every session of the project: keep this session's.
  if (!session_id.empty()) {
    for (const auto& file : agent_files(directory)) {
      if (first_session_id(file) == session_id)
        input.agents[agent_id_of(file)] = {file, summarize(file, options).record_count};
    }
  }
  // 2.1.x: <session>/subagents/.
  for (const auto& file : agent_files(directory / stem / "subagents")) {
    input.agents[agent_id_of(file)] = {file, summarize(file, options).record_count};
  }
  return input;
}

std::string output_slug(const Model& model) {
  std::string slug;
  for (char c : model.slug) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    slug += plain ? c : '-';
  }
  while (!slug.empty() && (slug.front() == '.' || slug.front() == '-'))
    slug.erase(0, 1);
  if (!slug.empty())
    return slug.substr(0, 80);
  // spellbook's fallback: "session-HHMMSS".
  const auto& at = model.generated_at;  // YYYY-MM-DDTHH:MM:SSZ
  if (at.size() >= 19)
    return "session-" + at.substr(11, 2) + at.substr(14, 2) + at.substr(17, 2);
  return "session";
}

fs::path default_output_path(const Model& model, const std::string& home) {
  const auto& at = model.generated_at;
  std::string stamp = "00000000-000000";
  if (at.size() >= 19) {
    stamp = at.substr(0, 4) + at.substr(5, 2) + at.substr(8, 2) + "-" + at.substr(11, 2) +
            at.substr(14, 2) + at.substr(17, 2);
  }
  return fs::path(home) / ".local" / "spellbook" / "distilled" / model.project_encoded /
         (output_slug(model) + "-" + stamp + ".md");
}

}  // namespace baton::generate
