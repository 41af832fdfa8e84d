#pragma once

// Runs the command line in process, as `baton ARGS` would run, and keeps
// what it printed. For the tests that drive the CLI without a subprocess.

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace baton::test {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline CliRun run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      cli::Environment env = {}) {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  CliRun result;
  result.code = cli::run(args, in, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace baton::test
