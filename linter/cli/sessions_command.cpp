#include "cli/sessions_command.hpp"

#include <cstdlib>
#include <exception>
#include <filesystem>

#include "session/locate.hpp"
#include "session/toolkit.hpp"

namespace baton::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* project_dir_help =
    "Claude Code project directory ($CLAUDE_CONFIG_DIR/projects/<encoded cwd>); default: the one "
    "whose sessions were recorded in --cwd";

}  // namespace

SessionsCommand::SessionsCommand(CLI::App& app) {
  sessions_ = app.add_subcommand(
      "sessions", "Inspect Claude Code session transcripts (distill_session.py's commands)");
  sessions_->require_subcommand(1);
  auto& a = arguments_;

  const auto add_file = [&a](CLI::App* command) {
    command->add_option("FILE", a.path, "Session transcript (.jsonl)")->type_name("")->required();
  };
  const auto add_project = [&a](CLI::App* command) {
    command->add_option("PROJECT_DIR", a.path, project_dir_help)->type_name("");
    command->add_option("--project-dir", a.project_dir, "Same as PROJECT_DIR; takes precedence")
        ->type_name("DIR");
    command
        ->add_option("--cwd", a.cwd,
                     "Working directory whose project directory to find (default: the current one)")
        ->type_name("DIR");
  };
  const auto add_strict = [&a](CLI::App* command) {
    command->add_flag("--strict-json", a.strict_json,
                      "Fail on the first malformed line (exit 3) instead of skipping it");
  };

  list_ = sessions_->add_subcommand("list", "Recent sessions with samples (list-sessions)");
  add_project(list_);
  list_->add_option("--limit", a.limit, "Max sessions to return (default: 5)")->type_name("N");

  last_compact_ = sessions_->add_subcommand(
      "last-compact", "The last compact boundary and its summary (get-last-compact)");
  add_file(last_compact_);

  chunks_ = sessions_->add_subcommand(
      "chunks", "Chunk boundaries under a character limit (split-by-char-limit)");
  add_file(chunks_);
  chunks_->add_option("--start-line", a.start_line, "First record (0-based)")
      ->type_name("N")
      ->required();
  chunks_->add_option("--char-limit", a.char_limit, "Characters per chunk")
      ->type_name("N")
      ->required();

  extract_ = sessions_->add_subcommand("extract", "Records START..END-1 (extract-chunk)");
  add_file(extract_);
  extract_->add_option("--start-line", a.start_line, "First record (0-based)")
      ->type_name("N")
      ->required();
  extract_->add_option("--end-line", a.end_line, "Record after the last (exclusive)")
      ->type_name("N")
      ->required();

  after_ = sessions_->add_subcommand("after", "Records after START (get-content-after)");
  add_file(after_);
  after_->add_option("--start-line", a.start_line, "Record after which to start (0-based)")
      ->type_name("N")
      ->required();

  all_ = sessions_->add_subcommand("all", "Every record (get-content-from-start)");
  add_file(all_);

  agent_output_ = sessions_->add_subcommand(
      "agent-output", "A subagent's prompt and final output (get-agent-output)");
  add_project(agent_output_);
  agent_output_->add_option("--agent-id", a.agent_id, "Agent ID (e.g. a1b2c3d)")
      ->type_name("ID")
      ->required();

  agents_ = sessions_->add_subcommand("agents", "Subagents of a session (list-agents)");
  add_project(agents_);
  agents_->add_option("--session-id", a.session_id, "Parent session UUID")
      ->type_name("ID")
      ->required();

  for (auto* command :
       {list_, last_compact_, chunks_, extract_, after_, all_, agent_output_, agents_})
    add_strict(command);
}

bool SessionsCommand::parsed() const {
  return sessions_->parsed();
}

std::string SessionsCommand::project_dir(std::ostream& err, bool& found) const {
  found = true;
  if (arguments_.project_dir)
    return *arguments_.project_dir;
  if (!arguments_.path.empty())
    return arguments_.path;
  const fs::path config =
      session::claude_config_dir(std::getenv("CLAUDE_CONFIG_DIR"), std::getenv("HOME"));
  const fs::path cwd = arguments_.cwd ? fs::path(*arguments_.cwd) : fs::current_path();
  if (auto directory = session::find_project_dir(config, fs::absolute(cwd)))
    return directory->string();
  found = false;
  err << "Error: No Claude Code project directory for " << fs::absolute(cwd).string() << " under "
      << (config / "projects").string() << " (pass PROJECT_DIR or --project-dir)\n";
  return {};
}

int SessionsCommand::run(std::ostream& out, std::ostream& err) const {
  try {
    return run_parsed(out, err);
  } catch (const session::SessionError& error) {
    err << error.stderr_line() << '\n';
    return error.exit_code();
  } catch (const std::exception& error) {
    err << "Unexpected error: " << error.what() << '\n';
    return 1;
  }
}

int SessionsCommand::run_parsed(std::ostream& out, std::ostream& err) const {
  session::ReadOptions options;
  options.strict_json = arguments_.strict_json;
  options.on_malformed = [&err](const session::MalformedLine& line) {
    err << "baton: warning: " << line.file.string() << ':' << line.line_number << ':' << line.column
        << ": skipped a line that is not valid JSON (" << line.message << ")\n";
  };
  options.on_warning = [&err](const std::string& message) {
    err << "baton: warning: " << message << '\n';
  };
  const auto& a = arguments_;
  const auto print = [&out](const nlohmann::ordered_json& result) {
    out << session::python_dumps_indented(result) << '\n';
    return 0;
  };
  if (list_->parsed() || agent_output_->parsed() || agents_->parsed()) {
    bool found = false;
    const std::string directory = project_dir(err, found);
    if (!found)
      return 2;
    if (list_->parsed())
      return print(session::list_sessions(directory, a.limit, options));
    if (agent_output_->parsed())
      return print(session::agent_output(directory, a.agent_id, options));
    return print(session::list_agents(directory, a.session_id, options));
  }
  if (last_compact_->parsed())
    return print(session::last_compact(a.path, options));
  if (chunks_->parsed())
    return print(session::chunk_boundaries(a.path, a.start_line, a.char_limit, options));
  if (extract_->parsed())
    session::write_extract(a.path, a.start_line, a.end_line, options, out);
  else if (after_->parsed())
    session::write_after(a.path, a.start_line, options, out);
  else
    session::write_all(a.path, options, out);
  out << '\n';
  return 0;
}

}  // namespace baton::cli
