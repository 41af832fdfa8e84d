#pragma once

#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

namespace baton::rules::support {

struct NamedPath {
  std::string_view path;
  source::TextRange range;                // the path in the source
  const doc::Heading* section = nullptr;  // the reading section that names it
};

// The paths that sections listing files to read or edit name ("Key files",
// "Files to read", ...: keywords::reading_headings()): backticked paths
// outside fences, in the section and its subsections, in source order.
std::vector<NamedPath> reading_section_paths(engine::RuleContext& context);

}  // namespace baton::rules::support
