#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "engine/profile_spec.hpp"

namespace baton::engine {

using ProfileDefinitions = std::map<std::string, ProfileSpecPtr, std::less<>>;

// Reads the "profile_definitions" object of a `.baton.json`: one ProfileSpec
// per entry. Unknown keys, wrong types, bad names and bad patterns are errors;
// the message names where ("profile_definitions.team.sections[2].heading: ...").
std::optional<std::string> read_profile_definitions(const nlohmann::json& value,
                                                    ProfileDefinitions& out);

// True for a name a user-defined profile may take: kebab-case and not the
// name of a built-in profile.
bool valid_profile_definition_name(std::string_view name);

}  // namespace baton::engine
