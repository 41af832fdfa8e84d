#pragma once

#include <string>

#include "engine/rule.hpp"

namespace baton::format {

// The JSON Schema of `.baton.json`, generated from the registry so that every
// rule code and name is offered and checked by editors.
std::string config_schema(engine::Registry registry);

}  // namespace baton::format
