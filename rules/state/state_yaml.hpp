#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

// The machine-readable state of 1.20: its ```yaml block, parsed with libyaml
// into a small tree of nodes that know where they are in the document.
namespace baton::rules::state {

using source::TextRange;

enum class Status {
  no_fence,     // 1.20 has no ```yaml (or ```yml) block
  unclosed,     // the block is never closed (unclosed-fence reports it)
  empty,        // nothing but blank lines, comments or a null document
  parse_error,  // libyaml rejected it: see `error`
  parsed,       // `root` holds the first document
};

struct ParseError {
  TextRange range;      // one character where libyaml stopped
  std::string message;  // libyaml's problem, with the construct it was reading
};

struct Node;

// A mapping entry; `key` and `value` are never null in a parsed tree.
struct MapEntry {
  const Node* key = nullptr;
  const Node* value = nullptr;
};

enum class NodeKind : std::uint8_t { null, scalar, list, map };

// One YAML node. Aliases are resolved to the anchored node, so a node may be
// reached more than once (or from inside itself): walkers guard against it.
struct Node {
  NodeKind kind = NodeKind::null;
  std::string text;  // a scalar's value
  // The tag: the resolved explicit tag ("tag:yaml.org,2002:str" for !!str),
  // else "!" for a quoted or block scalar and "?" for a plain one (YAML's
  // non-specific tags).
  std::string tag;
  std::uint32_t at = 0;            // document offset of the node's first character
  std::vector<const Node*> items;  // a list's items
  std::vector<MapEntry> entries;   // a mapping's entries, in order

  bool is_null() const { return kind == NodeKind::null; }
  bool is_scalar() const { return kind == NodeKind::scalar; }
  bool is_list() const { return kind == NodeKind::list; }
  bool is_map() const { return kind == NodeKind::map; }
  // Items or entries.
  std::size_t size() const { return is_list() ? items.size() : entries.size(); }
};

struct StateYaml {
  const doc::Document* document = nullptr;
  const doc::Section* section = nullptr;  // 1.20
  const doc::Fence* fence = nullptr;      // nullptr when status is no_fence
  Status status = Status::no_fence;
  std::optional<ParseError> error;  // set when status is parse_error
  // Set when the block holds a second (non-null) YAML document: the start of it.
  std::optional<TextRange> extra_document;
  const Node* root = nullptr;  // parsed: the first document
  // Owns every node; shared so that a StateYaml can be copied or moved freely.
  std::shared_ptr<const std::deque<Node>> nodes;

  bool parsed() const { return status == Status::parsed; }
};

// Lists and mappings nested deeper than this are a parse error: the state
// needs four levels, and the rules walk the tree recursively.
inline constexpr std::size_t max_yaml_depth = 256;

// Finds the first ```yaml / ```yml fence in 1.20's body and parses it. Never
// throws. nullopt when the document has no 1.20 (section-missing reports it).
std::optional<StateYaml> load(const doc::Document& document);
// The same, parsed once per lint and shared by the state rules.
const std::optional<StateYaml>& load(engine::RuleContext& context);

// From a document offset inside the fence content: `length` bytes, cut at the
// end of its line; length 0 means up to the end of the line. An offset at or
// past the end of the content maps to the end of its last line.
TextRange mark_range(const StateYaml& state, std::uint32_t at, std::uint32_t length = 0);

// A node's range: a scalar on one line is covered exactly (its quotes
// included); a list or mapping from its first character to the end of that
// line. An explicit null (~, null) is covered; an empty value maps to the
// token before it (the "-" of its item or the ":" of its key), since an
// empty value has no character of its own. A null pointer maps to the opening
// fence line.
TextRange node_range(const StateYaml& state, const Node* node);

// The opening fence line (```yaml).
TextRange opening_range(const StateYaml& state);

// The first entry whose key is the scalar `key`; nullopt for anything but a
// mapping (or a null pointer).
std::optional<MapEntry> find_key(const Node* map, std::string_view key);

// The text of a scalar node; nullopt for null, lists and mappings.
std::optional<std::string> scalar_text(const Node* node);

// True for a null pointer or node, or an empty list/mapping.
bool is_empty_collection(const Node* node);

// The 1.20 schema a state follows, from its format_version: "3.0" (the
// current layout) or "2.0" (spellbook's January 2026 layout). A state that
// declares no version (absent, null, blank or a template slot) is read as the
// newest; any other value, or one that is not a single value, is unknown.
enum class SchemaVersion { v3_0, v2_0, unknown };

struct DeclaredVersion {
  SchemaVersion version = SchemaVersion::v3_0;
  const Node* node = nullptr;  // the format_version value, when there is one
};

DeclaredVersion declared_version(const StateYaml& state);

// The versions baton knows, newest first, for messages: "3.0" and "2.0".
std::string_view known_versions();

// A YAML value quoted in a message, cut to a readable length.
std::string quoted(std::string_view text);

}  // namespace baton::rules::state
