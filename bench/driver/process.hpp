#pragma once

// Child processes for the benchmark driver: run a command, time it on the
// wall clock and read its peak resident memory from wait4().

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::bench {

struct RunResult {
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // user + system time of the child (all its threads)
  long max_rss_kib = 0;    // ru_maxrss of the child
  int exit_code = -1;    // -1: killed by a signal
  std::string stderr_head;  // the first few KB of stderr, for error messages
};

struct RunOptions {
  std::filesystem::path cwd;              // empty: the driver's
  std::filesystem::path stdout_path = "/dev/null";
  std::vector<std::string> extra_env;     // NAME=VALUE
};

// Runs argv[0] (searched in PATH) to completion.
RunResult run_process(const std::vector<std::string>& argv, const RunOptions& options = {});

// A child with pipes to its stdin and stdout (for `baton lsp`).
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  void write(std::string_view bytes);
  // Reads what is available within the timeout; false on end of file or timeout.
  bool read_some(std::string& into, std::chrono::milliseconds timeout);
  // Closes stdin and waits for the exit; returns the exit code.
  int finish();

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
};

}  // namespace baton::bench
