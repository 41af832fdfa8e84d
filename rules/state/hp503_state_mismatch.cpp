#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "rules/rules.hpp"
#include "rules/state/state_yaml.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using source::TextRange;
using state::quoted;
using state::StateYaml;

bool is_active(std::string_view status) {
  return status == "pending" || status == "in_progress";
}

// The non-blank text of a scalar, trimmed.
std::optional<std::string> text_of(const state::Node* node) {
  auto text = state::scalar_text(node);
  if (!text)
    return std::nullopt;
  auto trimmed = std::string(doc::trim(*text));
  // Blank values and unfilled template slots are other rules' findings.
  if (trimmed.empty() || support::is_template_placeholder(trimmed))
    return std::nullopt;
  return trimmed;
}

// The skill 0.1 restores and the state's non-empty list of skills under
// `key` (skill_stack in 3.0, active_skills in 2.0), when both are there to
// compare; an empty list against a restored skill is reported here.
struct SkillsToCompare {
  support::DeclaredSkill declared;
  state::MapEntry skills;
};
std::optional<SkillsToCompare> skills_to_compare(engine::RuleContext& context, const StateYaml& state,
                                                 std::string_view key) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "0.1");
  if (!section)
    return std::nullopt;
  auto declared = support::declared_skill(document, section->body);
  if (!declared)
    return std::nullopt;  // skill-call-missing reports it
  const auto skills = state::find_key(state.root, key);
  if (!skills)
    return std::nullopt;  // state-schema reports the missing key
  if (state::is_empty_collection(skills->value)) {
    if (!declared->marker) {
      auto& diagnostic = context.report(
          state::node_range(state, skills->key),
          fmt::format("{} is empty, but 0.1 restores the skill {}", key, quoted(declared->name)));
      diagnostic.related.push_back({declared->range, "0.1 restores the skill here"});
    }
    return std::nullopt;
  }
  if (!skills->value->is_list())
    return std::nullopt;
  return SkillsToCompare{std::move(*declared), *skills};
}

// skill_stack[0] <-> the Skill() of 0.1.
void check_skill(engine::RuleContext& context, const StateYaml& state) {
  const auto compared = skills_to_compare(context, state, "skill_stack");
  if (!compared)
    return;
  const auto* declared = &compared->declared;
  const auto* stack = &compared->skills;
  const auto* top = stack->value->items.front();
  const auto name = state::find_key(top, "name");
  const auto name_text = name ? text_of(name->value) : std::nullopt;
  if (declared->marker) {
    const auto site =
        name_text ? state::node_range(state, name->value) : state::node_range(state, top);
    auto& diagnostic = context.report(
        site, name_text ? fmt::format("skill_stack[0].name is {}, but 0.1 says NO ACTIVE SKILL",
                                      quoted(*name_text))
                        : std::string("skill_stack is not empty, but 0.1 says NO ACTIVE SKILL"));
    diagnostic.related.push_back({declared->range, "0.1 says there is no active skill"});
    return;
  }
  if (!name_text)
    return;  // state-schema reports it
  const auto expected = doc::trim(declared->name);
  if (*name_text == expected)
    return;
  auto& diagnostic =
      context.report(state::node_range(state, name->value),
                     fmt::format("skill_stack[0].name is {}, but 0.1 restores the skill {}",
                                 quoted(*name_text), quoted(expected)));
  diagnostic.related.push_back({declared->range, "0.1 restores the skill here"});
}

// active_skills <-> the Skill() of 0.1, for a 2.0 state: the 2.0 template does
// not say which entry is on top, so 0.1's skill must be one of them.
void check_active_skills(engine::RuleContext& context, const StateYaml& state) {
  const auto compared = skills_to_compare(context, state, "active_skills");
  if (!compared)
    return;
  const auto* declared = &compared->declared;
  const auto* skills = &compared->skills;
  std::vector<std::string> names;
  for (const auto* item : skills->value->items) {
    const auto name = state::find_key(item, "name");
    auto text = name ? text_of(name->value) : std::nullopt;
    if (!text)
      return;  // state-schema or template-placeholder reports it
    names.push_back(std::move(*text));
  }
  if (declared->marker) {
    auto& diagnostic = context.report(
        state::node_range(state, skills->key),
        fmt::format("active_skills names {}, but 0.1 says NO ACTIVE SKILL", quoted(names.front())));
    diagnostic.related.push_back({declared->range, "0.1 says there is no active skill"});
    return;
  }
  const auto expected = doc::trim(declared->name);
  if (std::find(names.begin(), names.end(), expected) != names.end())
    return;
  std::string listed;
  for (const auto& name : names)
    listed += (listed.empty() ? "" : ", ") + quoted(name);
  auto& diagnostic =
      context.report(state::node_range(state, skills->key),
                     fmt::format("active_skills names {}, but 0.1 restores the skill {}", listed,
                                 quoted(expected)));
  diagnostic.related.push_back({declared->range, "0.1 restores the skill here"});
}

// Where the state keeps the todos 0.3 restores.
struct TodoList {
  std::string_view name;         // in messages: "todos.explicit", "pending_tasks"
  std::string_view content_key;  // the key of a todo's text
  // 3.0 todos carry 0.3's statuses; every 2.0 pending task is open work.
  bool statuses = true;
};

constexpr TodoList explicit_todos{"todos.explicit", "content"};
constexpr TodoList pending_tasks{"pending_tasks", "name", false};

struct YamlTodo {
  std::string content;
  std::string status;
  const state::Node* item = nullptr;
  const state::Node* status_node = nullptr;
  bool paired = false;
};

struct SectionTodo {
  std::string content;
  std::string status;
  TextRange content_range;
  bool paired = false;
};

// The listed todos, or nullopt when one of them is not well-typed (state-schema reports it)
// or, in a 2.0 state, has no name to compare.
std::optional<std::vector<YamlTodo>> yaml_todos(const state::Node* list, const TodoList& kind) {
  std::vector<YamlTodo> todos;
  if (state::is_empty_collection(list))
    return todos;
  if (!list->is_list())
    return std::nullopt;
  static constexpr std::string_view statuses[] = {"pending", "in_progress", "completed", "blocked"};
  for (const auto* item : list->items) {
    const auto content = state::find_key(item, kind.content_key);
    if (!content)
      return std::nullopt;
    auto content_text = text_of(content->value);
    if (!content_text)
      return std::nullopt;
    if (!kind.statuses) {
      todos.push_back({std::move(*content_text), "pending", item, nullptr});
      continue;
    }
    const auto status = state::find_key(item, "status");
    if (!status)
      return std::nullopt;
    auto status_text = text_of(status->value);
    if (!status_text)
      return std::nullopt;
    if (std::find(std::begin(statuses), std::end(statuses), *status_text) == std::end(statuses)) {
      return std::nullopt;
    }
    todos.push_back({std::move(*content_text), std::move(*status_text), item, status->value});
  }
  return todos;
}

// The todos of 0.3, or nullopt when 0.3 restores none by marker (then `no_todos` is set) or
// cannot be read (other rules report it).
struct RestoredTodos {
  std::vector<SectionTodo> todos;
  std::optional<TextRange> no_todos;  // the NO TODOS TO RESTORE marker
  const doc::Section* section = nullptr;
};

std::optional<RestoredTodos> restored_todos(const doc::Document& document) {
  RestoredTodos restored;
  restored.section = support::sub(document, "0.3");
  if (!restored.section)
    return std::nullopt;
  if (auto todos = support::restored_todos(document)) {
    for (auto& todo : *todos) {
      const auto content = doc::trim(todo.content);
      if (content.empty() || todo.status.empty())
        continue;  // todowrite-invalid reports it
      restored.todos.push_back({std::string(content), todo.status, todo.content_range});
    }
    return restored;
  }
  restored.no_todos =
      support::find_any_marker(document, restored.section->body, support::todo_restoration());
  if (!restored.no_todos)
    return std::nullopt;  // todowrite-missing or call-syntax reports it
  return restored;
}

// The listed todos against those 0.3 restores: the pending and in-progress ones must agree.
void compare_todos(engine::RuleContext& context, const StateYaml& state,
                   std::vector<SectionTodo>& restored, std::optional<TextRange> no_todos,
                   const doc::Section& section, std::vector<YamlTodo>& listed, const TodoList& kind,
                   TextRange list_site) {
  auto index_of = [&](const YamlTodo& todo) {
    return static_cast<std::size_t>(&todo - listed.data());
  };
  // "is in_progress", or for a 2.0 task (which has no todo status) "is a pending task".
  auto state_of = [&](const YamlTodo& todo) {
    return kind.statuses ? todo.status : std::string("a pending task");
  };
  auto status_mismatch = [&](const SectionTodo& section_todo, YamlTodo& yaml_todo) {
    const auto site = yaml_todo.status_node ? state::node_range(state, yaml_todo.status_node)
                                            : state::node_range(state, yaml_todo.item);
    auto& diagnostic = context.report(
        site, kind.statuses ? fmt::format("{}[{}].status is {}, but 0.3 restores {} as {}",
                                          kind.name, index_of(yaml_todo), yaml_todo.status,
                                          quoted(section_todo.content), section_todo.status)
                            : fmt::format("{}[{}] {} is a pending task, but 0.3 restores it as {}",
                                          kind.name, index_of(yaml_todo), quoted(yaml_todo.content),
                                          section_todo.status));
    diagnostic.related.push_back({section_todo.content_range, "the todo in 0.3"});
  };
  auto agree = [&](const SectionTodo& mine, const YamlTodo& theirs) {
    if (theirs.content != mine.content)
      return false;
    return kind.statuses ? theirs.status == mine.status : is_active(mine.status);
  };

  // Same content and status: in agreement.
  for (auto& mine : restored) {
    for (auto& theirs : listed) {
      if (theirs.paired || !agree(mine, theirs))
        continue;
      mine.paired = theirs.paired = true;
      break;
    }
  }
  // Same content, different status, one side pending or in progress.
  for (auto& mine : restored) {
    if (mine.paired)
      continue;
    for (auto& theirs : listed) {
      if (theirs.paired || theirs.content != mine.content)
        continue;
      if (!is_active(mine.status) && !is_active(theirs.status))
        continue;
      status_mismatch(mine, theirs);
      mine.paired = theirs.paired = true;
      break;
    }
  }
  // Left over on one side only.
  for (const auto& mine : restored) {
    if (mine.paired || !is_active(mine.status))
      continue;
    auto& diagnostic = context.report(
        list_site, fmt::format("0.3 restores the {} todo {}, but {} does not list it", mine.status,
                               quoted(mine.content), kind.name));
    diagnostic.related.push_back({mine.content_range, "the todo in 0.3"});
  }
  for (const auto& theirs : listed) {
    if (theirs.paired || !is_active(theirs.status))
      continue;
    const auto site = state::node_range(state, theirs.item);
    if (no_todos) {
      auto& diagnostic = context.report(
          site, fmt::format("{}[{}] {} is {}, but 0.3 says NO TODOS TO RESTORE", kind.name,
                            index_of(theirs), quoted(theirs.content), state_of(theirs)));
      diagnostic.related.push_back({*no_todos, "0.3 says there are no todos to restore"});
    } else {
      auto& diagnostic = context.report(
          site, fmt::format("{}[{}] {} is {}, but 0.3 does not restore it", kind.name,
                            index_of(theirs), quoted(theirs.content), state_of(theirs)));
      diagnostic.related.push_back(
          {support::heading_range(context.document(), section), "the todos of 0.3"});
    }
  }
}

// todos.explicit <-> the TodoWrite() of 0.3: the same pending and in-progress todos.
void check_todos(engine::RuleContext& context, const StateYaml& state) {
  auto restored = restored_todos(context.document());
  if (!restored)
    return;
  const auto todos_key = state::find_key(state.root, "todos");
  if (!todos_key)
    return;
  const auto& todos_value = todos_key->value;
  if (!state::is_empty_collection(todos_value) && !todos_value->is_map())
    return;
  const auto explicit_key = state::find_key(todos_value, "explicit");
  auto listed = yaml_todos(explicit_key ? explicit_key->value : nullptr, explicit_todos);
  if (!listed)
    return;
  compare_todos(context, state, restored->todos, restored->no_todos, *restored->section, *listed,
                explicit_todos,
                state::node_range(state, explicit_key ? explicit_key->key : todos_key->key));
}

// pending_tasks <-> the TodoWrite() of 0.3, for a 2.0 state: every task is open work, so they
// are the pending and in-progress todos of 0.3, by name.
void check_pending_tasks(engine::RuleContext& context, const StateYaml& state) {
  auto restored = restored_todos(context.document());
  if (!restored)
    return;
  const auto tasks = state::find_key(state.root, "pending_tasks");
  if (!tasks)
    return;
  auto listed = yaml_todos(tasks->value, pending_tasks);
  if (!listed)
    return;
  compare_todos(context, state, restored->todos, restored->no_todos, *restored->section, *listed,
                pending_tasks, state::node_range(state, tasks->key));
}

// documents.must_read[].path <-> the Read() calls of 1.10: the same paths.
void check_reads(engine::RuleContext& context, const StateYaml& state) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.10");
  if (!section)
    return;
  if (support::has_call_error(document, section->body, "Read"))
    return;  // call-syntax reports it
  const auto reads = support::read_paths(document, section->body);

  const auto documents_key = state::find_key(state.root, "documents");
  if (!documents_key)
    return;
  const auto& documents = documents_key->value;
  if (!state::is_empty_collection(documents) && !documents->is_map())
    return;
  const auto must_read = state::find_key(documents, "must_read");
  struct Listed {
    std::string path;
    const state::Node* item;
  };
  std::vector<Listed> listed;
  if (must_read && !state::is_empty_collection(must_read->value)) {
    if (!must_read->value->is_list())
      return;
    for (const auto* item : must_read->value->items) {
      const auto path = state::find_key(item, "path");
      auto text = path ? text_of(path->value) : std::nullopt;
      if (!text)
        return;  // state-schema reports it
      listed.push_back({std::move(*text), item});
    }
  }

  auto read_in_section = [&](std::string_view path) {
    return std::any_of(reads.begin(), reads.end(),
                       [&](const support::ReadPath& read) { return doc::trim(read.path) == path; });
  };
  const auto heading = support::heading_range(document, *section);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (read_in_section(listed[i].path))
      continue;
    const auto site = state::node_range(state, listed[i].item);
    if (reads.empty()) {
      auto& diagnostic = context.report(
          site, fmt::format("documents.must_read[{}] lists {}, but 1.10 has no Read() calls", i,
                            quoted(listed[i].path)));
      const auto marker = support::find_marker(document, section->body, "NO DOCUMENTS TO RE-READ");
      diagnostic.related.push_back({marker ? *marker : heading, "1.10 reads no documents"});
    } else {
      auto& diagnostic = context.report(
          site, fmt::format("documents.must_read[{}] lists {}, which 1.10 does not read", i,
                            quoted(listed[i].path)));
      diagnostic.related.push_back({heading, "the documents 1.10 reads"});
    }
  }

  const auto site = state::node_range(state, must_read ? must_read->key : documents_key->key);
  std::vector<std::string_view> reported;
  for (const auto& read : reads) {
    const auto path = doc::trim(read.path);
    const bool listed_too = std::any_of(listed.begin(), listed.end(),
                                        [&](const Listed& entry) { return entry.path == path; });
    if (listed_too || std::find(reported.begin(), reported.end(), path) != reported.end() ||
        support::is_template_placeholder(path)) {
      continue;
    }
    reported.push_back(path);
    auto& diagnostic = context.report(
        site, fmt::format("1.10 reads {}, but documents.must_read does not list it", quoted(path)));
    diagnostic.related.push_back({read.range, "read in 1.10 here"});
  }
}

void check(engine::RuleContext& context) {
  const auto& state = state::load(context);
  if (!state || !state->parsed() || !state->root->is_map())
    return;
  switch (state::declared_version(*state).version) {
    case state::SchemaVersion::v3_0:
      check_skill(context, *state);
      check_todos(context, *state);
      check_reads(context, *state);
      return;
    case state::SchemaVersion::v2_0:
      // A 2.0 state lists no documents: 1.10 has nothing to agree with.
      check_active_skills(context, *state);
      check_pending_tasks(context, *state);
      return;
    case state::SchemaVersion::unknown:
      return;  // state-schema reports the version; nothing is known to map
  }
}

}  // namespace

extern const engine::RuleMeta state_mismatch{
    .code = "HP503",
    .name = "state-mismatch",
    .family = "Machine state",
    .profile = "spellbook-handoff",
    .summary = "The 1.20 machine-readable state disagrees with the sections it summarises",
    .what_it_checks = R"md(
When the 1.20 YAML parses and the keys involved are well-formed, it must say what the sections
say:

- `skill_stack[0].name` is the skill 0.1 restores with `Skill()`; when 0.1 says
  `NO ACTIVE SKILL`, `skill_stack` is empty (`[]`), and when 0.1 restores a skill it is not;
- `todos.explicit` holds the same pending and in-progress todos as the `TodoWrite()` of 0.3,
  with the same content (compared after trimming) and the same status; completed and blocked
  todos are not compared. When 0.3 says `NO TODOS TO RESTORE`, the YAML has no pending or
  in-progress todo;
- `documents.must_read` lists exactly the paths of the fenced `Read()` calls of 1.10; when 1.10
  has none (`NO DOCUMENTS TO RE-READ`), `must_read` is empty or absent.

A "2.0" state (spellbook's January 2026 layout) is compared where its keys map: 0.1's skill is
one of `active_skills[].name` (the 2.0 template does not say which entry is on top), with
`NO ACTIVE SKILL` matching an empty list; `pending_tasks[].name` are the pending and in-progress
todos of 0.3, by content (every pending task is open work, so a task 0.3 restores as completed
is reported); a task without a name is not compared. A 2.0 state lists no documents, so 1.10 is
not compared; a state of a version baton does not know is not compared at all.

Each difference is reported at the YAML node, with a related location at the section's
element: a todo or path missing from the YAML at its `explicit` or `must_read` key, one missing
from the section at the YAML item, a different status at the YAML status. A comparison is
skipped when its section (0.1, 0.3 or 1.10) is absent.
)md",
    .why_it_matters = R"md(
The 1.20 block is a second copy of the state, written for tools. When it drifts from the
sections — a todo finished after the YAML was written, a document added to 1.10 only — a tool
and a human resuming from the same handoff restore different sessions, and neither notices.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task4")
```

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([
  {"content": "Port the string scanner", "status": "in_progress", "activeForm": "Porting the string scanner"}
])
```

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

NO DOCUMENTS TO RE-READ

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
mode: manual
project_path: /home/dev/tinyparse
skill_stack:
  - name: debug
todos:
  explicit:
    - content: Port the string scanner
      status: pending
documents:
  must_read:
    - path: /home/dev/tinyparse/docs/plans/tokenizer-impl.md
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task4")
```

### 0.3 Todo State Restoration (EXECUTE THIRD)

```
TodoWrite([
  {"content": "Port the string scanner", "status": "in_progress", "activeForm": "Porting the string scanner"}
])
```

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

NO DOCUMENTS TO RE-READ

### 1.20 Machine-Readable State

```yaml
format_version: "3.0"
mode: manual
project_path: /home/dev/tinyparse
skill_stack:
  - name: develop
todos:
  explicit:
    - content: Port the string scanner
      status: in_progress
documents:
  must_read: []
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
