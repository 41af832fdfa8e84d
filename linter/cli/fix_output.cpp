#include "cli/fix_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace baton::cli {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

struct Op {
  char kind;  // ' ', '-', '+'
  std::string_view line;
};

// Edit script by longest common subsequence over the changed middle; a
// middle too large for the table becomes one replacement.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({' ', a[i]});
  const auto n = a.size() - prefix - suffix;
  const auto m = b.size() - prefix - suffix;
  constexpr std::size_t max_cells = 4'000'000;
  if (n * m <= max_cells) {
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        ops.push_back({' ', a[prefix + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        ops.push_back({'-', a[prefix + i++]});  // removals first, as diff(1) prints them
      } else {
        ops.push_back({'+', b[prefix + j++]});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', a[prefix + i]});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', b[prefix + j]});
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) ops.push_back({' ', a[i]});
  return ops;
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const auto ops = edit_script(a, b);
  constexpr std::size_t context = 3;
  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  std::size_t index = 0;
  while (index < ops.size()) {
    // The next change, and the hunk around it: changes closer than twice the
    // context join one hunk.
    auto change = index;
    while (change < ops.size() && ops[change].kind == ' ') ++change;
    if (change == ops.size()) break;
    const auto start = change >= context ? change - context : 0;
    auto end = change;
    std::size_t quiet = 0;
    while (end < ops.size() && quiet <= 2 * context) {
      quiet = ops[end].kind == ' ' ? quiet + 1 : 0;
      ++end;
    }
    if (quiet > context) end -= quiet - context;
    // Line numbers of the hunk's start on each side.
    std::size_t old_line = 1;
    std::size_t new_line = 1;
    for (std::size_t k = 0; k < start; ++k) {
      if (ops[k].kind != '+') ++old_line;
      if (ops[k].kind != '-') ++new_line;
    }
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    std::string body;
    for (std::size_t k = start; k < end; ++k) {
      if (ops[k].kind != '+') ++old_count;
      if (ops[k].kind != '-') ++new_count;
      body += ops[k].kind;
      body.append(ops[k].line);
      if (!ops[k].line.ends_with('\n')) body += "\n\\ No newline at end of file\n";
    }
    out += "@@ -" + std::to_string(old_count ? old_line : old_line - 1) + "," + std::to_string(old_count) +
           " +" + std::to_string(new_count ? new_line : new_line - 1) + "," + std::to_string(new_count) +
           " @@\n" + body;
    index = end;
  }
  return out;
}

std::optional<std::string> write_atomically(const std::filesystem::path& path, std::string_view text) {
  struct stat original {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &original) == 0) {
    mode = original.st_mode & 07777;
  } else if (errno == ENOENT) {
    // A new file: what open() would give it.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  } else {
    return std::string(std::strerror(errno));
  }
  auto temp = path.string() + ".baton-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return std::string("cannot create a temporary file: ") + std::strerror(errno);
  auto fail = [&](const char* what) {
    const std::string message = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(name.data());
    return message;
  };
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");
  std::size_t written = 0;
  while (written < text.size()) {
    const auto count = ::write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return fail("cannot write");
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(fd) != 0) return fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(name.data());
    return std::string("cannot close: ") + std::strerror(errno);
  }
  if (::rename(name.data(), path.c_str()) != 0) {
    const std::string message = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(name.data());
    return message;
  }
  return std::nullopt;
}

}  // namespace baton::cli
