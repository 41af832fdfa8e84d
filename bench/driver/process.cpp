#include "driver/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace baton::bench {

namespace {

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
  std::vector<char*> result;
  for (const auto& arg : argv) result.push_back(const_cast<char*>(arg.c_str()));
  result.push_back(nullptr);
  return result;
}

[[noreturn]] void exec_or_die(const std::vector<std::string>& argv) {
  auto args = c_argv(argv);
  ::execvp(args[0], args.data());
  const std::string message = "cannot run " + argv[0] + ": " + std::strerror(errno) + "\n";
  [[maybe_unused]] auto written = ::write(2, message.data(), message.size());
  ::_exit(127);
}

}  // namespace

RunResult run_process(const std::vector<std::string>& argv, const RunOptions& options) {
  char error_template[] = "/tmp/baton-bench-stderr-XXXXXX";
  const int error_fd = ::mkstemp(error_template);
  if (error_fd < 0) throw std::runtime_error("mkstemp failed");
  ::unlink(error_template);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(error_fd, 2);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    for (const auto& assignment : options.extra_env) ::putenv(const_cast<char*>(assignment.c_str()));
    exec_or_die(argv);
  }
  int status = 0;
  struct rusage usage {};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw std::runtime_error("wait4 failed");
  }
  const auto end = std::chrono::steady_clock::now();

  RunResult result;
  result.seconds = std::chrono::duration<double>(end - start).count();
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.max_rss_kib = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  char buffer[4096];
  ::lseek(error_fd, 0, SEEK_SET);
  const auto count = ::read(error_fd, buffer, sizeof buffer);
  if (count > 0) result.stderr_head.assign(buffer, static_cast<std::size_t>(count));
  ::close(error_fd);
  return result;
}

Child::Child(const std::vector<std::string>& argv) {
  int in_pipe[2];
  int out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) ::dup2(null, 2);
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    exec_or_die(argv);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  to_child_ = in_pipe[1];
  from_child_ = out_pipe[0];
  ::signal(SIGPIPE, SIG_IGN);
}

Child::~Child() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    finish();
  }
}

void Child::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto count = ::write(to_child_, bytes.data(), bytes.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw std::runtime_error(std::string("write to child failed: ") + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(count));
  }
}

bool Child::read_some(std::string& into, std::chrono::milliseconds timeout) {
  struct pollfd descriptor {from_child_, POLLIN, 0};
  const int ready = ::poll(&descriptor, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  char buffer[65536];
  const auto count = ::read(from_child_, buffer, sizeof buffer);
  if (count <= 0) return false;
  into.append(buffer, static_cast<std::size_t>(count));
  return true;
}

int Child::finish() {
  if (pid_ <= 0) return -1;
  if (to_child_ >= 0) ::close(to_child_);
  to_child_ = -1;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  if (from_child_ >= 0) ::close(from_child_);
  from_child_ = -1;
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace baton::bench
