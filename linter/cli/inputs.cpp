#include "cli/inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <limits>
#include <set>
#include <system_error>

#include "engine/profile.hpp"

namespace baton::cli {

namespace fs = std::filesystem;

namespace {

// Offsets into a source are 32-bit.
constexpr std::size_t max_input_size = std::numeric_limits<std::uint32_t>::max() - 1;
// How much of a file the profile-marker sniff reads.
constexpr std::size_t marker_window = 4096;

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return result;
}

bool ends_with_md(std::string_view lower_name) {
  return lower_name.size() > 3 && lower_name.substr(lower_name.size() - 3) == ".md";
}

bool is_markdown_name(std::string_view file_name) {
  const auto name = lower(file_name);
  return ends_with_md(name) || (name.size() > 9 && name.substr(name.size() - 9) == ".markdown");
}

bool skipped_directory(const std::string& name) {
  return name == "node_modules" || (!name.empty() && name.front() == '.');
}

std::string too_large_message() {
  return "file too large (baton reads inputs up to 4 GiB)";
}

// The last named component of a directory as given: "distilled" for
// "~/x/distilled/", "." resolved to the current directory's name.
std::string directory_name(const fs::path& directory) {
  std::error_code ec;
  auto absolute = fs::absolute(directory, ec);
  if (ec)
    absolute = directory;
  absolute = absolute.lexically_normal();
  auto name = absolute.filename();
  if (name.empty())
    name = absolute.parent_path().filename();
  return name.string();
}

// A profile marker or handoff content in the first bytes of a markdown file;
// `error` is set when it cannot be read.
bool sniff(const fs::path& path, std::string& error) {
  const auto name = path.filename().string();
  if (!is_markdown_name(name))
    return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::generic_category().message(errno);
    return false;
  }
  std::array<char, marker_window> head{};
  std::size_t size = 0;
  while (size < head.size()) {
    const auto count = ::read(fd, head.data() + size, head.size() - size);
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0) {
      error = std::generic_category().message(errno);
      ::close(fd);
      return false;
    }
    if (count == 0)
      break;
    size += static_cast<std::size_t>(count);
  }
  ::close(fd);
  const std::string_view text(head.data(), size);
  return has_profile_marker(text) || !engine::sniff_handoff(name, text).empty();
}

class Walker {
 public:
  Walker(std::vector<Input>& found, std::vector<std::string>& skipped, std::ostream& err,
         const std::function<bool(const fs::path&)>& also_lint)
      : found_(found), skipped_(skipped), err_(err), also_lint_(also_lint) {}

  // Returns false when the directory itself cannot be read.
  bool walk_root(const std::string& root_argument) {
    const fs::path root(root_argument);
    root_ = root;
    return walk(root, fs::path(), lower(directory_name(root)) == "distilled", true);
  }

 private:
  struct Entry {
    std::string name;
    fs::path path;
  };

  bool walk(const fs::path& directory, const fs::path& relative, bool under_distilled,
            bool is_root) {
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    if (ec) {
      report_unreadable(directory, ec, is_root);
      return false;
    }
    std::vector<Entry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      entries.push_back({it->path().filename().string(), it->path()});
    }
    if (ec)
      report_unreadable(directory, ec, is_root);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });

    for (const auto& entry : entries) {
      visit(entry, relative / entry.name, under_distilled);
    }
    return !ec || !is_root;
  }

  void visit(const Entry& entry, const fs::path& relative, bool under_distilled) {
    std::error_code ec;
    const auto link_status = fs::symlink_status(entry.path, ec);
    if (ec) {
      warn(entry.path, ec.message());
      return;
    }
    if (fs::is_directory(link_status)) {
      if (skipped_directory(entry.name))
        return;
      walk(entry.path, relative, under_distilled || lower(entry.name) == "distilled", false);
      return;
    }
    auto status = link_status;
    if (fs::is_symlink(link_status)) {
      status = fs::status(entry.path, ec);
      // Symlinked directories are not followed: no loops, no escaping the tree.
      if (fs::is_directory(status))
        return;
      if (ec || !fs::exists(status)) {
        if (matches_default_globs(entry.name, under_distilled))
          warn(entry.path, "broken symbolic link");
        return;
      }
    }
    if (!fs::is_regular_file(status))
      return;
    auto display = (root_ / relative).lexically_normal().string();
    std::string error;
    if (!scan_picks(entry.path, under_distilled, also_lint_, error)) {
      if (!error.empty())
        warn(entry.path, error);
      else if (is_markdown_name(entry.name))
        skipped_.push_back(std::move(display));
      return;
    }
    found_.push_back({std::move(display), entry.path, false});
  }

  void report_unreadable(const fs::path& directory, const std::error_code& ec, bool is_root) {
    if (is_root) {
      err_ << "baton: error: cannot read directory " << directory.string() << ": " << ec.message()
           << '\n';
    } else {
      warn(directory, ec.message());
    }
  }

  void warn(const fs::path& path, std::string_view reason) {
    err_ << "baton: warning: skipping " << path.string() << ": " << reason << '\n';
  }

  std::vector<Input>& found_;
  std::vector<std::string>& skipped_;
  std::ostream& err_;
  const std::function<bool(const fs::path&)>& also_lint_;
  fs::path root_;
};

// Identity of an input for de-duplication: the same file named twice, or
// found by two overlapping PATHs, is linted once.
std::string identity(const Input& input) {
  if (input.from_stdin)
    return "-";
  std::error_code ec;
  auto canonical = fs::weakly_canonical(input.path, ec);
  if (ec)
    canonical = fs::absolute(input.path, ec).lexically_normal();
  return canonical.string();
}

}  // namespace

bool scan_picks(const fs::path& path, bool under_distilled,
                const std::function<bool(const fs::path&)>& also_lint, std::string& error) {
  return matches_default_globs(path.filename().string(), under_distilled) ||
         (also_lint && also_lint(path)) || sniff(path, error);
}

bool in_distilled_directory(const fs::path& path) {
  for (const auto& part : path.parent_path()) {
    if (lower(part.string()) == "distilled")
      return true;
  }
  return false;
}

bool matches_default_globs(std::string_view file_name, bool under_distilled) {
  const auto name = lower(file_name);
  if (!ends_with_md(name))
    return false;
  const auto stem = std::string_view(name).substr(0, name.size() - 3);
  return under_distilled || engine::is_handoff_name(name) ||
         stem.find("implementation-prompt") != std::string_view::npos ||
         stem == "implementation_prompt";
}

bool has_profile_marker(std::string_view head) {
  constexpr std::string_view opener = "<!--";
  constexpr std::string_view keyword = "baton-profile";
  for (auto at = head.find(opener); at != std::string_view::npos; at = head.find(opener, at + 1)) {
    auto rest = head.substr(at + opener.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' ||
                             rest.front() == '\r')) {
      rest.remove_prefix(1);
    }
    if (rest.substr(0, keyword.size()) != keyword)
      continue;
    rest.remove_prefix(keyword.size());
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
      return true;
  }
  return false;
}

std::optional<std::string> read_file(const fs::path& path, std::string& error) {
  auto read = read_file_bounded(path, max_input_size, error);
  if (!read) return std::nullopt;
  if (read->over_limit) {
    error = too_large_message();
    return std::nullopt;
  }
  return std::move(read->text);
}

std::optional<BoundedText> read_file_bounded(const fs::path& path, std::uint64_t max_bytes,
                                             std::string& error) {
  max_bytes = std::min<std::uint64_t>(max_bytes, max_input_size);
  // O_NONBLOCK: opening a FIFO with no writer must not hang; it is cleared below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::generic_category().message(errno);
    return std::nullopt;
  }
  BoundedText result;
  struct stat status {};
  if (::fstat(fd, &status) == 0) {
    if (S_ISDIR(status.st_mode)) {
      ::close(fd);
      error = "is a directory";
      return std::nullopt;
    }
    if (S_ISREG(status.st_mode)) result.size = static_cast<std::uint64_t>(status.st_size);
  }
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  // Read straight into the result: one allocation of the file's size (at most
  // the limit plus the one byte that tells an oversized file), no chunk copies.
  // Past the known size a one-byte probe tells the end from a growing file.
  const std::uint64_t cap = max_bytes + 1;
  auto& text = result.text;
  text.resize(static_cast<std::size_t>(std::min(result.size, cap)));
  std::size_t size = 0;
  while (size < cap) {
    if (size == text.size()) {
      char probe = 0;
      const auto more = ::read(fd, &probe, 1);
      if (more < 0 && errno == EINTR)
        continue;
      if (more < 0) {
        error = std::generic_category().message(errno);
        ::close(fd);
        return std::nullopt;
      }
      if (more == 0)
        break;
      text.resize(static_cast<std::size_t>(
          std::min<std::uint64_t>(std::max<std::size_t>(text.size() * 2, 1 << 16), cap)));
      text[size++] = probe;
      continue;
    }
    const auto count = ::read(fd, text.data() + size, text.size() - size);
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0) {
      error = std::generic_category().message(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (count == 0)
      break;
    size += static_cast<std::size_t>(count);
  }
  ::close(fd);
  text.resize(size);
  result.over_limit = size > max_bytes;
  return result;
}

std::optional<std::string> read_stream(std::istream& in, std::string& error) {
  auto read = read_stream_bounded(in, max_input_size, error);
  if (!read) return std::nullopt;
  if (read->over_limit) {
    error = too_large_message();
    return std::nullopt;
  }
  return std::move(read->text);
}

std::optional<BoundedText> read_stream_bounded(std::istream& in, std::uint64_t max_bytes,
                                               std::string& error) {
  max_bytes = std::min<std::uint64_t>(max_bytes, max_input_size);
  BoundedText result;
  auto& text = result.text;
  std::array<char, 1 << 16> buffer{};
  while (text.size() <= max_bytes) {
    const auto want = std::min<std::uint64_t>(buffer.size(), max_bytes + 1 - text.size());
    if (!in.read(buffer.data(), static_cast<std::streamsize>(want)) && in.gcount() == 0) break;
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  result.over_limit = text.size() > max_bytes;
  return result;
}

CollectedInputs collect_inputs(const std::vector<std::string>& paths,
                               const std::string& stdin_display_name, std::ostream& err,
                               const std::function<bool(const fs::path&)>& also_lint) {
  CollectedInputs collected;

  // Every named path must exist before anything is linted.
  for (const auto& path : paths) {
    if (path == "-")
      continue;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::exists(status))
      continue;
    if (!ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
      err << "baton: error: path not found: " << path << '\n';
    } else {
      err << "baton: error: cannot access " << path << ": " << ec.message() << '\n';
    }
    collected.failed = true;
  }
  if (collected.failed)
    return collected;

  std::vector<Input> found;
  Walker walker(found, collected.skipped_markdown, err, also_lint);
  for (const auto& path : paths) {
    if (path == "-") {
      found.push_back({stdin_display_name, fs::path(), true, true});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      if (!walker.walk_root(path))
        collected.failed = true;
    } else {
      // A file named explicitly is always linted, whatever its name.
      found.push_back({path, fs::path(path), false, true});
    }
  }

  std::set<std::string> seen;
  for (auto& input : found) {
    if (seen.insert(identity(input)).second)
      collected.inputs.push_back(std::move(input));
  }
  return collected;
}

}  // namespace baton::cli
