#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace baton::cli {

// `baton config --show FILE`: the effective settings for FILE as JSON.
int show_config(const std::string& file, const std::optional<std::string>& config_file,
                std::ostream& out, std::ostream& err);

// `baton config --schema`: the JSON Schema of .baton.json.
int print_config_schema(std::ostream& out);

}  // namespace baton::cli
