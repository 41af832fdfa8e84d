#include "session/locate.hpp"

#include <algorithm>
#include <vector>

#include "session/jsonl_reader.hpp"
#include "session/records.hpp"

namespace baton::session {

namespace fs = std::filesystem;

namespace {

// Sessions start with a few records without cwd (summary, snapshots); a cwd
// appears within the first handful of records in every generation.
constexpr std::size_t records_searched_for_cwd = 50;

std::string normalized(const fs::path& path) {
  std::string text = path.lexically_normal().string();
  while (text.size() > 1 && text.back() == '/')
    text.pop_back();
  return text;
}

// Session files of a project directory, the newest first.
std::vector<fs::path> session_files(const fs::path& directory) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const auto& path = it->path();
    if (path.extension() != ".jsonl" || !it->is_regular_file(error))
      continue;
    files.emplace_back(it->last_write_time(error), path);
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<fs::path> paths;
  for (auto& file : files)
    paths.push_back(std::move(file.second));
  return paths;
}

enum class Match { yes, no, unknown };

Match directory_matches(const fs::path& directory, const std::string& cwd) {
  for (const auto& file : session_files(directory)) {
    if (auto recorded = session_cwd(file))
      return normalized(*recorded) == cwd ? Match::yes : Match::no;
  }
  return Match::unknown;
}

}  // namespace

fs::path claude_config_dir(const char* claude_config_dir_env, const char* home_env) {
  if (claude_config_dir_env != nullptr && *claude_config_dir_env != '\0')
    return fs::path(claude_config_dir_env);
  return fs::path(home_env != nullptr ? home_env : "") / ".claude";
}

std::string encode_project_path(std::string_view cwd) {
  std::string encoded(cwd);
  for (char& c : encoded) {
    const bool alphanumeric =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alphanumeric)
      c = '-';
  }
  return encoded;
}

std::optional<std::string> session_cwd(const fs::path& session_file) {
  try {
    RecordReader reader(session_file, ReadOptions{});
    while (reader.next() && reader.index() < records_searched_for_cwd) {
      if (const auto cwd = find_member(reader.members(), "cwd")) {
        if (auto text = json_string(*cwd); text && !text->empty())
          return text;
      }
    }
  } catch (const SessionError&) {
  }
  return std::nullopt;
}

std::optional<fs::path> find_project_dir(const fs::path& config_dir, const fs::path& cwd) {
  const fs::path projects = config_dir / "projects";
  std::error_code error;
  if (!fs::is_directory(projects, error))
    return std::nullopt;
  const std::string wanted = normalized(cwd);
  const fs::path by_name = projects / encode_project_path(wanted);
  std::optional<fs::path> unverified;
  if (fs::is_directory(by_name, error)) {
    switch (directory_matches(by_name, wanted)) {
      case Match::yes:
        return by_name;
      case Match::unknown:
        unverified = by_name;  // no session says otherwise; used if nothing else matches
        break;
      case Match::no:
        break;
    }
  }
  std::vector<fs::path> directories;
  for (fs::directory_iterator it(projects, error), end; !error && it != end; it.increment(error)) {
    if (it->is_directory(error) && it->path() != by_name)
      directories.push_back(it->path());
  }
  std::sort(directories.begin(), directories.end());
  for (const auto& directory : directories) {
    if (directory_matches(directory, wanted) == Match::yes)
      return directory;
  }
  return unverified;
}

fs::path resolve_project_dir(const fs::path& project_dir) {
  std::error_code error;
  if (fs::is_directory(project_dir, error))
    return project_dir;
  // os.path.dirname/basename semantics: a trailing '/' leaves an empty basename.
  const std::string text = project_dir.string();
  const auto slash = text.rfind('/');
  const std::string parent = slash == std::string::npos ? ""
                             : slash == 0               ? "/"
                                                        : text.substr(0, slash);
  const std::string base = slash == std::string::npos ? text : text.substr(slash + 1);
  const auto join = [&parent](const std::string& name) {
    if (parent.empty())
      return fs::path(name);
    return fs::path(parent.back() == '/' ? parent + name : parent + "/" + name);
  };
  if (base.empty() || base.front() != '-') {
    const auto alternate = join("-" + base);
    if (fs::is_directory(alternate, error))
      return alternate;
  } else {
    const auto alternate = join(base.substr(1));
    if (fs::is_directory(alternate, error))
      return alternate;
  }
  return project_dir;
}

}  // namespace baton::session
