#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace baton::cli {

// One file to lint.
struct Input {
  // The name shown in reports: the path as given, or the directory as given
  // joined with the path found under it.
  std::string display_path;
  std::filesystem::path path;  // where to read it; unused for stdin
  bool from_stdin = false;
  bool named = false;  // named on the command line, not found by a directory walk
};

struct CollectedInputs {
  std::vector<Input> inputs;
  bool failed = false;  // a usage or I/O error was reported: exit 2
  // Markdown files a directory walk looked at and left out: no glob, marker
  // or handoff content picked them (display paths, in walk order).
  std::vector<std::string> skipped_markdown;
};

// Turns PATH arguments into the files to lint. Checks that every named path
// exists before walking anything. Errors and warnings go to `err`.
// A directory walk also picks the files `also_lint` accepts (the profile
// globs of the configuration).
CollectedInputs collect_inputs(const std::vector<std::string>& paths,
                               const std::string& stdin_display_name, std::ostream& err,
                               const std::function<bool(const std::filesystem::path&)>& also_lint = {});

// The default globs of a directory scan, matched on the file name without
// regard to case: the handoff names of engine::is_handoff_name (*handoff*.md,
// NEXT_SESSION*.md, ...), *implementation-prompt*.md, IMPLEMENTATION_PROMPT.md,
// and any *.md below a "distilled" directory. Other markdown files are linted
// when their first 4 KiB carry a profile marker or handoff content
// (engine::sniff_handoff).
bool matches_default_globs(std::string_view file_name, bool under_distilled);

// Whether a directory scan picks the regular file `path`: the default globs,
// `also_lint` (the configured profile globs), or a profile marker or handoff
// content in its first 4 KiB. `error` is set when the file cannot be read.
// The Claude Code hook checks the files an agent writes with the same test.
bool scan_picks(const std::filesystem::path& path, bool under_distilled,
                const std::function<bool(const std::filesystem::path&)>& also_lint,
                std::string& error);
// True when a directory above `path` is named "distilled" (any case).
bool in_distilled_directory(const std::filesystem::path& path);

// True when `head` holds a `<!-- baton-profile NAME -->` marker.
bool has_profile_marker(std::string_view head);

// The whole content, byte for byte; std::nullopt with `error` set on failure.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error);
std::optional<std::string> read_stream(std::istream& in, std::string& error);

// At most `max_bytes` + 1 bytes of an input: enough to tell that it is larger
// than `max_bytes` without holding more of it in memory.
struct BoundedText {
  std::string text;
  bool over_limit = false;  // the input has more than max_bytes bytes
  std::uint64_t size = 0;   // the whole input's size when known (a regular file), else 0
};
std::optional<BoundedText> read_file_bounded(const std::filesystem::path& path,
                                             std::uint64_t max_bytes, std::string& error);
std::optional<BoundedText> read_stream_bounded(std::istream& in, std::uint64_t max_bytes,
                                               std::string& error);

}  // namespace baton::cli
