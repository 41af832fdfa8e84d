#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace baton::cli {

// A unified diff (3 lines of context) from `before` to `after`, labelled
// a/<path> and b/<path>; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

// Writes `text` to `path` atomically: a temporary file in the same directory
// with the original's permissions (a new file gets 0666 minus the umask),
// flushed, then renamed over it. Returns an
// error message on failure, leaving the original untouched.
std::optional<std::string> write_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace baton::cli
