#pragma once

// Everything the generator learns from outside the transcript goes through
// World: files on disk now, the git state of the project, the clock and the
// home directory. The CLI supplies the real one; tests supply a fixed one so
// that outputs are deterministic.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace baton::generate {

struct FileState {
  bool exists = false;               // a regular file
  std::optional<std::size_t> lines;  // newline count, when readable
};

struct GitState {
  std::string branch;                     // "HEAD" when detached
  std::vector<std::string> status_lines;  // `git status --porcelain`
};

class World {
 public:
  virtual ~World() = default;
  // The state of an absolute path on disk now.
  virtual FileState file_state(const std::string& path) const = 0;
  // The git branch and status of a directory; nullopt when it is not a
  // repository or git is not available.
  virtual std::optional<GitState> git_state(const std::string& directory) const = 0;
  // The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ".
  virtual std::string now_utc() const = 0;
  // $HOME, when known.
  virtual std::optional<std::string> home() const = 0;
  // The directory baton runs in (the project when the session names none).
  virtual std::string working_directory() const = 0;
};

}  // namespace baton::generate
