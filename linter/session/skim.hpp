#pragma once

// Skimming JSON that a validating pass has already accepted: where values
// begin and end, without decoding or building anything. On text that is not
// valid JSON the results are unspecified but stay within the text.

#include <string_view>
#include <vector>

#include "session/python_json.hpp"

namespace baton::session {

// The members of a JSON object text, in order, duplicates included (keys
// still escaped where key_escaped). Empty when the text is not an object.
std::vector<Member> skim_members(std::string_view object);

// The elements of a JSON array text. Empty when the text is not an array.
std::vector<std::string_view> skim_elements(std::string_view array);

}  // namespace baton::session
