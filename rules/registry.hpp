#pragma once

#include "engine/rule.hpp"

namespace baton::rules {

// Every rule baton ships, sorted by code. The one explicit list.
engine::Registry registry();

}  // namespace baton::rules
