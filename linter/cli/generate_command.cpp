#include "cli/generate_command.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "cli/cli.hpp"
#include "cli/fix_output.hpp"
#include "generate/generator.hpp"
#include "session/jsonl_reader.hpp"

extern char** environ;

namespace baton::cli {

namespace {

namespace fs = std::filesystem;

// Runs a program without a shell; its stdout, or nullopt when it cannot be
// started or exits non-zero.
std::optional<std::string> capture(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0)
    return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::vector<char*> args;
  for (const auto& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return std::nullopt;
  }
  std::string output;
  char buffer[4096];
  for (;;) {
    const auto n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0)
      output.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR)
      break;
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::nullopt;
  return output;
}

}  // namespace

generate::FileState SystemWorld::file_state(const std::string& path) const {
  generate::FileState state;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return state;
  state.exists = true;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return state;
  std::size_t lines = 0;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    lines += static_cast<std::size_t>(std::count(buffer, buffer + in.gcount(), '\n'));
    if (!in)
      break;
  }
  state.lines = lines;
  return state;
}

std::optional<generate::GitState> SystemWorld::git_state(const std::string& directory) const {
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    return std::nullopt;
  auto branch = capture({"git", "-C", directory, "rev-parse", "--abbrev-ref", "HEAD"});
  if (!branch)
    return std::nullopt;
  const auto status = capture({"git", "-C", directory, "status", "--porcelain"});
  if (!status)
    return std::nullopt;
  generate::GitState state;
  while (!branch->empty() && (branch->back() == '\n' || branch->back() == '\r'))
    branch->pop_back();
  state.branch = *branch;
  std::size_t start = 0;
  while (start < status->size()) {
    auto end = status->find('\n', start);
    if (end == std::string::npos)
      end = status->size();
    if (end > start)
      state.status_lines.push_back(status->substr(start, end - start));
    start = end + 1;
  }
  return state;
}

std::string SystemWorld::now_utc() const {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::optional<std::string> SystemWorld::home() const {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0')
    return std::nullopt;
  return std::string(home);
}

std::string SystemWorld::working_directory() const {
  std::error_code ec;
  const auto path = fs::current_path(ec);
  return ec ? std::string("/") : path.string();
}

GenerateCommand::GenerateCommand(CLI::App& app) {
  generate_ =
      app.add_subcommand("generate", "Generate a spellbook handoff from a Claude Code session");
  generate_->add_option("SESSION", session_, "The session transcript (.jsonl)")
      ->required()
      ->type_name("");
  generate_
      ->add_option("--out", out_,
                   "Write here, or - for stdout (default: "
                   "~/.local/spellbook/distilled/<project-encoded>/<slug>-<YYYYmmdd-HHMMSS>.md)")
      ->type_name("FILE");
  generate_->add_flag("--force", force_, "Overwrite an existing output file");
  generate_
      ->add_option("--project-dir", project_dir_,
                   "The project the session worked in (default: the cwd recorded in the session)")
      ->type_name("DIR");
  generate_->add_flag("--section0-only", section0_only_,
                      "Print only Section 0, within 8,000 characters");
  generate_
      ->add_option("--max-lines", max_lines_,
                   "Keep the handoff within N lines, 0 for no limit (default: 2000, what one "
                   "Read call shows)")
      ->type_name("N");
  generate_
      ->add_option("--max-bytes", max_bytes_,
                   "Keep the handoff within N bytes, 0 for no limit (default: 100000, about "
                   "25,000 tokens)")
      ->type_name("N");
  generate_->footer(
      "Exit status: 0 written; 2 usage or I/O error (session missing or unreadable, output exists "
      "without --force, output not writable).");
}

bool GenerateCommand::parsed() const {
  return generate_->parsed();
}

int GenerateCommand::run(std::ostream& out, std::ostream& err, const generate::World& world) const {
  std::error_code ec;
  if (!fs::is_regular_file(session_, ec)) {
    err << "baton: error: "
        << (fs::exists(session_, ec) ? "session is not a file: " : "session file not found: ")
        << session_ << '\n';
    return exit_usage_or_io;
  }
  generate::LoadOptions options;
  if (project_dir_) {
    auto directory = fs::absolute(*project_dir_, ec);
    if (ec || !fs::is_directory(directory, ec)) {
      err << "baton: error: --project-dir is not a directory: " << *project_dir_ << '\n';
      return exit_usage_or_io;
    }
    options.project_dir = directory.lexically_normal().string();
  }
  options.on_warning = [&err](const std::string& warning) {
    err << "baton: warning: " << warning << '\n';
  };
  generate::SessionInput input;
  try {
    input = generate::load_session(session_, options);
  } catch (const session::SessionError& error) {
    err << "baton: error: " << error.what() << '\n';
    return exit_usage_or_io;
  }
  const auto model = generate::extract(input, world);
  const generate::Budget budget{max_lines_, max_bytes_};
  const auto text =
      section0_only_ ? generate::render_section0(model) : generate::render(model, budget);
  if (!section0_only_ && !generate::fits(text, budget)) {
    err << "baton: warning: the handoff is " << generate::line_count(text) << " lines and "
        << text.size() << " bytes even with its lists cut to the minimum, more than --max-lines "
        << max_lines_ << " / --max-bytes " << max_bytes_ << '\n';
  }
  if (out_ && *out_ == "-") {
    out << text;
    return exit_ok;
  }
  fs::path target;
  if (out_) {
    target = *out_;
  } else {
    const auto home = world.home();
    if (!home) {
      err << "baton: error: HOME is not set; name the output with --out FILE or --out -\n";
      return exit_usage_or_io;
    }
    target = generate::default_output_path(model, *home);
  }
  if (fs::exists(fs::symlink_status(target, ec)) && !force_) {
    err << "baton: error: " << target.string() << " already exists; use --force to overwrite it\n";
    return exit_usage_or_io;
  }
  if (fs::is_directory(target, ec)) {
    err << "baton: error: " << target.string() << " is a directory\n";
    return exit_usage_or_io;
  }
  if (const auto parent = target.parent_path(); !parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) {
      err << "baton: error: cannot create " << parent.string() << ": " << ec.message() << '\n';
      return exit_usage_or_io;
    }
  }
  if (const auto failure = write_atomically(target, text)) {
    err << "baton: error: " << *failure << '\n';
    return exit_usage_or_io;
  }
  out << target.string() << '\n';
  return exit_ok;
}

}  // namespace baton::cli
