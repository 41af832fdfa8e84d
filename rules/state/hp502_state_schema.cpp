#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "rules/rules.hpp"
#include "rules/state/state_yaml.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using source::TextRange;
using state::quoted;

// The 1.20 schema as data, one table per format_version: one row per path that
// has an expectation. "[]" stands for every item of a list; "" is the top level.
enum class Kind { any, scalar, list, map };
enum class Need {
  optional,  // may be absent or null
  present,   // the key must be there; null or empty means "none"
  filled,    // the key must be there with a non-empty value
};
enum class Check { none, one_of, absolute_path, positive_integer, boolean, format_version };

struct Field {
  std::string_view path;
  Kind kind = Kind::any;
  Need need = Need::optional;
  Check check = Check::none;
  std::span<const std::string_view> values{};
  bool closed = false;  // a mapping whose unknown keys are reported
};

constexpr Field any(std::string_view path) {
  return {.path = path};
}
constexpr Field map(std::string_view path, Need need = Need::optional, bool closed = false) {
  return {.path = path, .kind = Kind::map, .need = need, .closed = closed};
}
constexpr Field list(std::string_view path, Need need = Need::optional) {
  return {.path = path, .kind = Kind::list, .need = need};
}
constexpr Field scalar(std::string_view path, Need need = Need::optional,
                       Check check = Check::none) {
  return {.path = path, .kind = Kind::scalar, .need = need, .check = check};
}
constexpr Field one_of(std::string_view path, std::span<const std::string_view> values,
                       Need need = Need::optional) {
  return {
      .path = path, .kind = Kind::scalar, .need = need, .check = Check::one_of, .values = values};
}

constexpr bool closed = true;
constexpr auto filled = Need::filled;

constexpr std::string_view modes[] = {"manual", "auto", "checkpoint"};
constexpr std::string_view identity_modes[] = {"fun", "tarot", "none"};
constexpr std::string_view roles[] = {"orchestrator", "executor", "hybrid"};
constexpr std::string_view subagent_statuses[] = {"pending", "running", "completed", "blocked",
                                                  "failed"};
constexpr std::string_view patterns[] = {"single-threaded", "sequential-delegation",
                                         "parallel-swarm", "hierarchical", "iterative-review"};
constexpr std::string_view todo_statuses[] = {"pending", "in_progress", "completed", "blocked"};
constexpr std::string_view priorities[] = {"high", "medium", "low"};
constexpr std::string_view document_statuses[] = {"DRAFT", "APPROVED", "IN_PROGRESS"};
constexpr std::string_view bindings[] = {"ABSOLUTE", "SESSION"};
constexpr std::string_view message_types[] = {"request", "clarification", "correction", "feedback",
                                              "approval"};
constexpr std::string_view file_statuses[] = {"match", "partial", "missing"};
constexpr std::string_view gate_statuses[] = {"PASSED", "FAILED", "PENDING", "RECHECK"};

constexpr Field schema_3_0[] = {
    map("", filled, closed),
    scalar("format_version", filled, Check::format_version),
    one_of("mode", modes, filled),
    scalar("project_path", filled, Check::absolute_path),
    any("project_encoded"),
    any("session_id"),
    any("timestamp"),
    any("compaction_count"),
    map("identity"),
    one_of("identity.mode", identity_modes),
    map("identity.mode_context"),
    one_of("identity.role", roles),
    list("skill_stack", Need::present),
    map("skill_stack[]", filled),
    scalar("skill_stack[].name", filled),
    map("skill_stack[].constraints"),
    list("skill_stack[].constraints.forbidden"),
    list("skill_stack[].constraints.required"),
    list("subagents"),
    map("subagents[]", filled),
    one_of("subagents[].status", subagent_statuses),
    list("subagents[].blockers"),
    list("subagents[].skill_stack"),
    map("subagents[].skill_stack[]", filled),
    scalar("subagents[].skill_stack[].name", filled),
    map("subagents[].skill_stack[].constraints"),
    list("subagents[].skill_stack[].constraints.forbidden"),
    list("subagents[].skill_stack[].constraints.required"),
    map("workflow"),
    one_of("workflow.pattern", patterns),
    list("workflow.waiting_for"),
    map("goals"),
    map("todos", Need::present, closed),
    list("todos.explicit"),
    map("todos.explicit[]", filled),
    scalar("todos.explicit[].content", filled),
    one_of("todos.explicit[].status", todo_statuses, filled),
    one_of("todos.explicit[].priority", priorities),
    list("todos.implicit"),
    list("todos.blockers"),
    map("documents", Need::present, closed),
    list("documents.design"),
    map("documents.design[]", filled),
    scalar("documents.design[].path", filled, Check::absolute_path),
    one_of("documents.design[].status", document_statuses),
    list("documents.design[].focus_sections"),
    list("documents.impl"),
    map("documents.impl[]", filled),
    scalar("documents.impl[].path", filled, Check::absolute_path),
    one_of("documents.impl[].status", document_statuses),
    list("documents.impl[].focus_sections"),
    list("documents.must_read"),
    map("documents.must_read[]", filled),
    scalar("documents.must_read[].path", filled, Check::absolute_path),
    scalar("documents.must_read[].priority", Need::optional, Check::positive_integer),
    map("decisions"),
    list("decisions.binding"),
    map("decisions.binding[]", filled),
    one_of("decisions.binding[].binding", bindings),
    list("decisions.technical"),
    map("decisions.technical[]", filled),
    map("conversation"),
    list("conversation.user_messages"),
    map("conversation.user_messages[]", filled),
    one_of("conversation.user_messages[].type", message_types),
    list("conversation.corrections"),
    map("conversation.corrections[]", filled),
    list("conversation.errors"),
    map("conversation.errors[]", filled),
    map("artifacts"),
    list("artifacts.files"),
    map("artifacts.files[]", filled),
    one_of("artifacts.files[].status", file_statuses),
    list("artifacts.verification_results"),
    map("artifacts.verification_results[]", filled),
    list("quality_gates"),
    map("quality_gates[]", filled),
    one_of("quality_gates[].status", gate_statuses),
    map("environment"),
    list("environment.worktrees"),
    map("environment.worktrees[]", filled),
    map("recovery"),
    list("recovery.checkpoints"),
    map("recovery.checkpoints[]", filled),
};

// spellbook's January 2026 layout (format_version "2.0"): a flat state whose
// item keys vary between copies of the template, so only names are required.
constexpr std::string_view task_statuses_2_0[] = {
    "incomplete", "not_started",         // the 2.0 template's own
    "pending", "in_progress", "blocked"  // the todo words of 0.3
};

constexpr Field schema_2_0[] = {
    map("", filled, closed),
    scalar("format_version", filled, Check::format_version),
    any("session_id"),
    scalar("project"),
    any("timestamp"),
    list("active_skills", Need::present),
    map("active_skills[]", filled),
    scalar("active_skills[].name", filled),
    list("pending_tasks", Need::present),
    map("pending_tasks[]", filled),
    one_of("pending_tasks[].status", task_statuses_2_0),
    map("quality_gates"),
    list("quality_gates.passed"),
    list("quality_gates.pending"),
    list("files_modified"),
    map("files_modified[]", filled),
    scalar("files_modified[].path", filled),
    scalar("files_modified[].verified", Need::optional, Check::boolean),
};

// "todos.explicit[].status" -> "todos.explicit[]"; "todos" -> "".
std::string_view parent_of(std::string_view path) {
  if (path.ends_with("[]"))
    return path.substr(0, path.size() - 2);
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string_view key_of(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// One version of the schema as a tree, computed once from its rows: the rows
// of each mapping's keys and the row of each list's items.
class Schema {
 public:
  Schema(std::string_view version, std::span<const Field> fields)
      : version_(version), fields_(fields), keys_(fields.size()), items_(fields.size(), nullptr) {
    for (const auto& field : fields_) {
      if (field.path.empty())
        continue;
      const auto* parent = find(parent_of(field.path));
      if (!parent)
        continue;
      if (field.path.ends_with("[]")) {
        items_[row(*parent)] = &field;
      } else {
        keys_[row(*parent)].push_back(&field);
      }
    }
  }

  std::string_view version() const { return version_; }
  const Field& root() const { return fields_.front(); }
  const std::vector<const Field*>& keys(const Field& map) const { return keys_[row(map)]; }
  // nullptr when the list's items have no row.
  const Field* item(const Field& list) const { return items_[row(list)]; }

  const Field* find(std::string_view path) const {
    for (const auto& field : fields_) {
      if (field.path == path)
        return &field;
    }
    return nullptr;
  }

 private:
  std::size_t row(const Field& field) const {
    return static_cast<std::size_t>(&field - fields_.data());
  }

  std::string_view version_;
  std::span<const Field> fields_;
  std::vector<std::vector<const Field*>> keys_;
  std::vector<const Field*> items_;
};

const Schema& schema_for(state::SchemaVersion version) {
  static const Schema current("3.0", schema_3_0);
  static const Schema january_2026("2.0", schema_2_0);
  return version == state::SchemaVersion::v2_0 ? january_2026 : current;
}

std::string join(std::string_view parent, std::string_view key) {
  return parent.empty() ? std::string(key) : fmt::format("{}.{}", parent, key);
}

std::string label(std::string_view name) {
  return name.empty() ? std::string("the 1.20 state") : std::string(name);
}

std::string describe(const state::Node& node) {
  if (node.is_list())
    return "a list";
  if (node.is_map())
    return "a mapping";
  return quoted(node.text);
}

std::string_view expected(Kind kind) {
  switch (kind) {
    case Kind::list:
      return "a list";
    case Kind::map:
      return "a mapping";
    case Kind::scalar:
      return "a single value";
    case Kind::any:
      break;
  }
  return "any value";
}

bool kind_matches(const state::Node& node, Kind kind) {
  switch (kind) {
    case Kind::any:
      return true;
    case Kind::scalar:
      return node.is_scalar();
    case Kind::list:
      return node.is_list();
    case Kind::map:
      return node.is_map();
  }
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const auto above = row[j];
      const bool same = doc::to_lower(a[i - 1]) == doc::to_lower(b[j - 1]);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known key of this mapping that `key` is most likely a typo of.
std::optional<std::string_view> suggestion(const Schema& schema, const Field& map,
                                           std::string_view key) {
  if (key.size() > 40)
    return std::nullopt;
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (const auto* field : schema.keys(map)) {
    const auto candidate = key_of(field->path);
    const auto distance = edit_distance(key, candidate);
    if (distance < best_distance && distance < candidate.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string join_values(std::span<const std::string_view> values) {
  std::string out;
  for (const auto value : values) {
    if (!out.empty())
      out += ", ";
    out += value;
  }
  return out;
}

bool is_string_tag(const std::string& tag) {
  return tag == "!" || tag == "tag:yaml.org,2002:str";
}

class Walker {
 public:
  Walker(engine::RuleContext& context, const state::StateYaml& state, const Schema& schema)
      : context_(context), state_(state), schema_(schema) {}

  // `fallback` is where a null node is reported: its key, or for a list item the item itself.
  void visit(const state::Node* node, TextRange fallback, const Field& field,
             const std::string& name) {
    if (!node || node->is_null()) {
      if (field.need == Need::filled)
        context_.report(fallback, fmt::format("{} is empty", label(name)));
      return;
    }
    const auto site = state::node_range(state_, node);
    // An unfilled slot such as `phase: [N]` reads as a list; it is
    // template-placeholder's finding, not a wrong type.
    if (node->is_list() && is_flow_slot(*node))
      return;
    if (!kind_matches(*node, field.kind)) {
      context_.report(site, fmt::format("{} is {}; expected {}", label(name), describe(*node),
                                        expected(field.kind)));
      return;
    }
    if (node->is_scalar()) {
      check_scalar(*node, site, field, name);
    } else if (node->is_map()) {
      visit_map(*node, field, name);
    } else if (node->is_list()) {
      visit_list(*node, field, name);
    }
  }

 private:
  // Aliases can make a node appear many times (or inside itself): each source
  // node is checked once per schema row.
  bool first_visit(const state::Node& node, const Field& field) {
    return visited_.insert({&node, &field}).second;
  }

  void check_scalar(const state::Node& node, TextRange site, const Field& field,
                    const std::string& name) {
    const auto& text = node.text;
    if (field.need == Need::filled && doc::trim(text).empty()) {
      context_.report(site, fmt::format("{} is empty", label(name)));
      return;
    }
    // An unfilled template slot is template-placeholder's finding.
    if (support::is_template_placeholder(text))
      return;
    switch (field.check) {
      case Check::none:
        return;
      case Check::one_of:
        if (std::find(field.values.begin(), field.values.end(), text) == field.values.end()) {
          context_.report(site, fmt::format("{} is {}; expected one of {}", name, quoted(text),
                                            join_values(field.values)));
        }
        return;
      case Check::absolute_path:
        if (text.starts_with("~")) {
          context_.report(site,
                          fmt::format("{} is {}, which starts with ~ (only a shell expands it); "
                                      "write the absolute path",
                                      name, quoted(text)));
        } else if (!text.starts_with("/")) {
          context_.report(site, fmt::format("{} is {}, a relative path; it must be absolute (start "
                                            "with /) because the next session may start elsewhere",
                                            name, quoted(text)));
        }
        return;
      case Check::positive_integer: {
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), doc::is_digit);
        const bool positive = digits && text.find_first_not_of('0') != std::string::npos;
        if (positive && !is_string_tag(node.tag))
          return;
        if (positive) {
          context_.report(site, fmt::format("{} is the string {}; write the number without quotes",
                                            name, quoted(text)));
        } else {
          context_.report(
              site, fmt::format("{} is {}; expected a positive integer (1 is read first)", name,
                                quoted(text)));
        }
        return;
      }
      case Check::boolean:
        if (text != "true" && text != "false") {
          context_.report(site,
                          fmt::format("{} is {}; expected true or false", name, quoted(text)));
        } else if (is_string_tag(node.tag)) {
          context_.report(site, fmt::format("{} is the string {}; write {} without quotes", name,
                                            quoted(text), text));
        }
        return;
      case Check::format_version:
        // check() has reported a version it does not know and stopped.
        if (!is_string_tag(node.tag)) {
          context_.report(
              site, fmt::format("{} is the number {}; write the string \"{}\" in quotes", name,
                                text, text));
        }
        return;
    }
  }

  void visit_map(const state::Node& node, const Field& field, const std::string& name) {
    if (!first_visit(node, field))
      return;
    std::vector<std::string_view> seen;
    std::vector<std::string_view> suggested;
    const auto& rows = schema_.keys(field);
    for (const auto& [key, value] : node.entries) {
      const auto key_site = state::node_range(state_, key);
      if (!key->is_scalar()) {  // a list or mapping as a key: nothing in the schema uses one
        if (field.closed)
          context_.report(key_site, fmt::format("{} has a key that is not text", label(name)));
        continue;
      }
      const std::string_view key_text = key->text;
      const auto child_name = join(name, key_text);
      if (std::find(seen.begin(), seen.end(), key_text) != seen.end()) {
        context_.report(
            key_site,
            fmt::format("{} appears twice; YAML readers keep only one of the two", child_name));
        continue;
      }
      seen.push_back(key_text);
      // No row's key holds a "." or "[", so such a key is never a path of its own.
      const auto row = std::find_if(rows.begin(), rows.end(), [&](const Field* candidate) {
        return key_of(candidate->path) == key_text;
      });
      const auto* child = row == rows.end() ? nullptr : *row;
      if (!child) {
        if (!field.closed)
          continue;
        const auto where = field.path.empty() ? std::string("at the top level of the 1.20 state")
                                              : fmt::format("in {}", name);
        const auto hint = suggestion(schema_, field, key_text);
        if (hint)
          suggested.push_back(*hint);
        if (hint) {
          context_.report(key_site, fmt::format("unknown key {} {}; did you mean \"{}\"?",
                                                quoted(key_text), where, *hint));
        } else if (const auto* other = other_version_with(field, key_text)) {
          context_.report(
              key_site, fmt::format("unknown key {} {}: it belongs to format_version \"{}\", but "
                                    "this state says \"{}\"",
                                    quoted(key_text), where, other->version(), schema_.version()));
        } else {
          context_.report(key_site, fmt::format("unknown key {} {}", quoted(key_text), where));
        }
        continue;
      }
      visit(value, key_site, *child, child_name);
    }
    const auto site =
        field.path.empty() ? state::opening_range(state_) : state::node_range(state_, &node);
    for (const auto* child : rows) {
      if (child->need == Need::optional)
        continue;
      const auto key = key_of(child->path);
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        continue;
      if (std::find(suggested.begin(), suggested.end(), key) != suggested.end())
        continue;
      context_.report(
          site, name.empty() ? fmt::format("the 1.20 state has no \"{}\" key; it is required", key)
                             : fmt::format("{} has no \"{}\"; it is required", name, key));
    }
  }

  void visit_list(const state::Node& node, const Field& field, const std::string& name) {
    if (!first_visit(node, field))
      return;
    const auto* item = schema_.item(field);
    if (!item)
      return;
    for (std::size_t index = 0; index < node.items.size(); ++index) {
      const auto* child = node.items[index];
      visit(child, state::node_range(state_, child), *item, fmt::format("{}[{}]", name, index));
    }
  }

  // `[N]`, `[M]`, `[1-N]` written as a flow sequence: the text between its
  // brackets is a template slot.
  bool is_flow_slot(const state::Node& node) const {
    const auto text = state_.document->source().text();
    if (node.at >= text.size() || text[node.at] != '[')
      return false;
    const auto close = text.find_first_of("]\n", node.at + 1);
    if (close == std::string_view::npos || text[close] != ']')
      return false;
    return support::is_code_template_slot(text.substr(node.at + 1, close - node.at - 1));
  }

  // The other schema, when it knows this key where this one does not.
  const Schema* other_version_with(const Field& map, std::string_view key) const {
    const auto& other = schema_for(schema_.version() == "2.0" ? state::SchemaVersion::v3_0
                                                              : state::SchemaVersion::v2_0);
    const auto* same_map = other.find(map.path);
    if (!same_map)
      return nullptr;
    const auto& rows = other.keys(*same_map);
    const bool known = std::any_of(rows.begin(), rows.end(), [&](const Field* candidate) {
      return key_of(candidate->path) == key;
    });
    return known ? &other : nullptr;
  }

  engine::RuleContext& context_;
  const state::StateYaml& state_;
  const Schema& schema_;
  std::set<std::pair<const state::Node*, const Field*>> visited_;
};

void check(engine::RuleContext& context) {
  const auto& state = state::load(context);
  if (!state || !state->parsed())
    return;
  const auto declared = state::declared_version(*state);
  if (declared.version == state::SchemaVersion::unknown) {
    // Keys of a layout baton does not know cannot be judged: one finding.
    const auto site = state::node_range(*state, declared.node);
    context.report(site, declared.node->is_scalar()
                             ? fmt::format("format_version is {}, a version baton does not know; "
                                           "it knows {}, so the rest of the state is not checked",
                                           quoted(declared.node->text), state::known_versions())
                             : fmt::format("format_version is {}; expected a version in quotes "
                                           "(baton knows {})",
                                           declared.node->is_list() ? "a list" : "a mapping",
                                           state::known_versions()));
    return;
  }
  const auto& schema = schema_for(declared.version);
  Walker(context, *state, schema)
      .visit(state->root, state::opening_range(*state), schema.root(), "");
}

}  // namespace

extern const engine::RuleMeta state_schema{
    .code = "HP502",
    .name = "state-schema",
    .family = "Machine state",
    .profile = "spellbook-handoff",
    .summary = "The 1.20 machine-readable state does not match the spellbook schema",
    .what_it_checks = R"md(
When the 1.20 YAML parses, it must match the spellbook schema of its `format_version`: "3.0",
the current layout (also assumed when the state names no version), or "2.0", the layout of
spellbook's January 2026 handoffs. Any other version gets one finding naming the versions baton
knows, and the rest of that state is not checked.

For "3.0":

- the top level is a mapping with `format_version`, `mode`, `project_path`, `skill_stack`,
  `todos` and `documents` (the last three may be empty: `skill_stack: []`);
- `format_version` is a string, in quotes;
- keys the schema does not know are reported at the top level and inside `todos` and
  `documents`, with the nearest known key (`todo:` → `todos`), or, for a key of the 2.0
  layout, with the version it belongs to; a key given twice is reported;
- lists and mappings are where the schema has them (`skill_stack` a list, `todos` a mapping,
  every list item a mapping);
- required item keys: `skill_stack[].name`, `todos.explicit[].content` and `.status`,
  `documents.design[].path`, `documents.impl[].path`, `documents.must_read[].path`;
- enumerations: `mode` (manual, auto, checkpoint), `identity.mode` (fun, tarot, none),
  `identity.role` (orchestrator, executor, hybrid), `subagents[].status` (pending, running,
  completed, blocked, failed), `workflow.pattern` (single-threaded, sequential-delegation,
  parallel-swarm, hierarchical, iterative-review), `todos.explicit[].status` (pending,
  in_progress, completed, blocked), `todos.explicit[].priority` (high, medium, low),
  `documents.design[].status` and `documents.impl[].status` (DRAFT, APPROVED, IN_PROGRESS),
  `decisions.binding[].binding` (ABSOLUTE, SESSION), `conversation.user_messages[].type`
  (request, clarification, correction, feedback, approval), `artifacts.files[].status` (match,
  partial, missing), `quality_gates[].status` (PASSED, FAILED, PENDING, RECHECK);
- `documents.must_read[].priority`, when given, is a positive integer (1 is read first);
- `project_path` and every `documents.*[].path` are absolute.

For "2.0":

- the top level is a mapping with `format_version`, `active_skills` and `pending_tasks`
  (either may be empty); `session_id`, `project`, `timestamp`, `quality_gates` and
  `files_modified` are optional, and unknown top-level keys are reported as for 3.0 (a 3.0 key
  such as `mode` is named as one);
- `active_skills` is a list of mappings with a `name` (`phase`, `step`, `resume_command` free);
- `pending_tasks` is a list of mappings (`id`, `name`, `verification` free); a `status` is one
  of incomplete, not_started (the template's) or pending, in_progress, blocked (0.3's words);
- `quality_gates` is a mapping whose `passed` and `pending` are lists;
- `files_modified` is a list of mappings with a `path`; `verified` is true or false, unquoted.

An optional key may be null (`~` or nothing after the colon). A value that is a template slot —
`"[skill-name]"`, or `[N]`, which YAML reads as a list — is
[template-placeholder](HP007.md)'s finding, not this rule's. Each problem is reported at the
offending key or value, named by its YAML path, for example
`todos.explicit[1].status is "done"; expected one of pending, in_progress, completed, blocked`.
)md",
    .why_it_matters = R"md(
Tools read the 1.20 block by key and by value: a misspelt key (`todo:`) or a status the
workflow does not know (`done`) silently drops that part of the state, and a relative path
resolves against whatever directory the next session starts in.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL

## SECTION 1: SESSION CONTEXT

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
mode: manual
project_path: /home/dev/tinyparse
skill_stack: []
todo:
  explicit:
    - content: Port the string scanner
      status: done
documents:
  must_read:
    - path: docs/plans/tokenizer-impl.md
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL

## SECTION 1: SESSION CONTEXT

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
mode: manual
project_path: /home/dev/tinyparse
skill_stack: []
todos:
  explicit:
    - content: Port the string scanner
      status: completed
documents:
  must_read:
    - path: /home/dev/tinyparse/docs/plans/tokenizer-impl.md
      priority: 1
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
