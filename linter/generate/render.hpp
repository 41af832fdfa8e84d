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

// What one Claude Code Read call shows: 2,000 lines, and about 25,000
// tokens, taken as 100,000 bytes (4 bytes a token).
inline constexpr std::size_t read_call_lines = 2000;
inline constexpr std::size_t read_call_bytes = 100000;

// The size the whole handoff must fit; 0 is no limit.
struct Budget {
  std::size_t max_lines = read_call_lines;
  std::size_t max_bytes = read_call_bytes;
};

// The whole handoff: title, Section 0, Section 1 (1.1-1.25) and Section 2.
// Long lists (files, messages, errors, subagents, the compaction summary)
// are cut, most relevant entries kept and the rest counted, until the text
// fits `budget` when at all possible.
std::string render(const Model& model, const Budget& budget = {});

// Lines of a text, a last line without a newline counted.
std::size_t line_count(const std::string& text);

// Whether a text fits a budget.
bool fits(const std::string& text, const Budget& budget);

// Section 0 alone, within `budget` characters (code points) when at all
// possible: completed todos, then reads beyond the first, then the length of
// todo texts, then todos beyond the first are left out, each with a note.
std::string render_section0(const Model& model, std::size_t budget = section0_budget);

// Length in code points, as the budget counts.
std::size_t code_points(const std::string& text);

}  // namespace baton::generate
