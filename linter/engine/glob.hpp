#pragma once

#include <string_view>

namespace baton::engine {

// Matches a '/'-separated relative path against a glob: `*` and `?` stay
// within one segment, `**` spans any number of segments (none included).
// A pattern without '/' matches the file name in any directory, as in
// .gitignore: `*.md` is `**/*.md`.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace baton::engine
