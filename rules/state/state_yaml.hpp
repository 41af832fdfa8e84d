#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

// The machine-readable state of 1.20: its ```yaml block, parsed with yaml-cpp,
// and the mapping from YAML positions back to the document.
namespace baton::rules::state {

using source::TextRange;

enum class Status {
  no_fence,     // 1.20 has no ```yaml (or ```yml) block
  unclosed,     // the block is never closed (unclosed-fence reports it)
  empty,        // nothing but blank lines, comments or a null document
  parse_error,  // yaml-cpp rejected it: see `error`
  parsed,       // `root` holds the first document
};

struct ParseError {
  TextRange range;      // one character at yaml-cpp's line and column
  std::string message;  // yaml-cpp's message without its position prefix
};

struct StateYaml {
  const doc::Document* document = nullptr;
  const doc::Section* section = nullptr;  // 1.20
  const doc::Fence* fence = nullptr;      // nullptr when status is no_fence
  Status status = Status::no_fence;
  std::optional<ParseError> error;  // set when status is parse_error
  // Set when the block holds a second (non-null) YAML document: the start of it.
  std::optional<TextRange> extra_document;
  YAML::Node root;  // parsed: the first document

  bool parsed() const { return status == Status::parsed; }
};

// Finds the first ```yaml / ```yml fence in 1.20's body and parses it. Never
// throws. nullopt when the document has no 1.20 (section-missing reports it).
std::optional<StateYaml> load(const doc::Document& document);
// The same, parsed once per lint and shared by the state rules (yaml-cpp is
// the slowest parser baton runs).
const std::optional<StateYaml>& load(engine::RuleContext& context);

// The one mapping from a YAML mark (0-based line and byte column inside the
// fence content) to the document: `length` bytes from the mark, cut at the end
// of its line; length 0 means up to the end of the line. A null mark maps to
// the opening fence line.
TextRange mark_range(const StateYaml& state, const YAML::Mark& mark, std::uint32_t length = 0);

// A node's range: a scalar on one line is covered exactly (its quotes
// included); a list or mapping from its mark to the end of that line. An
// explicit null (~, null) is covered; an empty value maps to the token before
// it (the "-" of its item or the ":" of its key), since yaml-cpp marks the
// token after it.
TextRange node_range(const StateYaml& state, const YAML::Node& node);

// The opening fence line (```yaml).
TextRange opening_range(const StateYaml& state);

// Map access that never throws (yaml-cpp's operator[] can): the first entry
// whose key is the scalar `key`.
struct MapEntry {
  YAML::Node key;
  YAML::Node value;
};
std::optional<MapEntry> find_key(const YAML::Node& map, std::string_view key);

// The text of a scalar node; nullopt for null, lists and mappings.
std::optional<std::string> scalar_text(const YAML::Node& node);

// True for a null node or an empty list/mapping.
bool is_empty_collection(const YAML::Node& node);

// A YAML value quoted in a message, cut to a readable length.
std::string quoted(std::string_view text);

}  // namespace baton::rules::state
