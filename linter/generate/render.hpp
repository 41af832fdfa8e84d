#pragma once

// Rendering: the model as a spellbook-handoff document (format 3.0), laid
// out from rules/layout so that every numbered section the linter expects is
// there, in order, with content or an explicit marker.

#include <cstddef>
#include <string>

#include "generate/model.hpp"

namespace baton::generate {

// spellbook's budget for a Section 0 boot prompt (about 2,000 tokens).
inline constexpr std::size_t section0_budget = 8000;

// The whole handoff: title, Section 0, Section 1 (1.1-1.25) and Section 2.
std::string render(const Model& model);

// Section 0 alone, within `budget` characters (code points) when at all
// possible: completed todos, then reads beyond the first, then the length of
// todo texts, then todos beyond the first are left out, each with a note.
std::string render_section0(const Model& model, std::size_t budget = section0_budget);

// Length in code points, as the budget counts.
std::size_t code_points(const std::string& text);

}  // namespace baton::generate
