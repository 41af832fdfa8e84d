#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace baton::cli {

// What the process environment says about output, read once by main() so
// that run() depends on nothing global.
struct Environment {
  bool stdout_is_terminal = false;
  // NO_COLOR is set to a non-empty value (https://no-color.org).
  bool no_color = false;
  // FORCE_COLOR is set to a non-empty value other than "0".
  bool force_color = false;
  // GITHUB_STEP_SUMMARY, when set and non-empty: the file `check --format
  // github` appends its markdown summary to.
  std::optional<std::string> github_step_summary;
};

// Exit codes of every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_errors_found = 1;
inline constexpr int exit_usage_or_io = 2;

Environment environment_from_process();

// Runs baton with `args` (the arguments after the program name) and returns
// the exit code. Reads stdin only for the path "-".
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, const Environment& env);

// The process entry point: run() on the real streams and environment.
int main(int argc, char** argv);

}  // namespace baton::cli
