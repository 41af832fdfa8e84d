#include <string>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// The item's label: spellbook's templates wrote "Your Exact Position" until
// January 2026 (v0.5.0), "Exact Position" since.
constexpr std::string_view labels[] = {"exact position", "your exact position"};

// The length of the label `text` starts with, or 0.
std::size_t label_length(std::string_view text) {
  for (const auto label : labels) {
    if (doc::istarts_with(text, label))
      return label.size();
  }
  return 0;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.1");
  if (!section)
    return;
  for (const auto* item : doc::Document::within(document.list_items(), section->body)) {
    auto text = doc::trim(document.text(item->content));
    // "**Exact Position:** file:line", "Exact Position: ..." or "**Your Exact Position:** ..."
    while (!text.empty() && (text.front() == '*' || text.front() == '_'))
      text.remove_prefix(1);
    const auto length = label_length(text);
    if (length == 0)
      continue;
    auto value = text.substr(length);
    while (!value.empty() && (value.front() == '*' || value.front() == '_' ||
                              value.front() == ':' || doc::is_space(value.front()))) {
      value.remove_prefix(1);
    }
    // An HTML comment is not a value.
    std::string visible(value);
    for (auto open = visible.find("<!--"); open != std::string::npos; open = visible.find("<!--")) {
      const auto close = visible.find("-->", open);
      visible.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
    }
    if (doc::trim(visible).empty()) {
      context.report(item->range,
                     "\"Exact Position\" is empty; give the file:line and the decision "
                     "point where work stopped");
    }
    return;
  }
  context.report(
      support::heading_range(document, *section),
      "1.1 has no \"Exact Position\" item; add \"- **Exact Position:** /absolute/file:line, "
      "and the decision point\"");
}

}  // namespace

extern const engine::RuleMeta exact_position_missing{
    .code = "HP406",
    .name = "exact-position-missing",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "1.1 has no non-empty \"Exact Position\" item",
    .what_it_checks = R"md(
1.1 Organizational Structure must have a list item starting with "Exact Position" (bold or not)
followed by a value: the file and line, and the decision point, where work stopped. The older
label of spellbook's templates up to January 2026, "Your Exact Position", counts the same. The
item missing is reported on the 1.1 heading; an empty one on the item.
)md",
    .why_it_matters = R"md(
Step 8 of the continuation protocol is "Resume Exact Position". Without it the next session
restarts the current task from the top, or from wherever it guesses.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.1 Organizational Structure

- **Persona:** Orchestrator
- **Exact Position:**
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.1 Organizational Structure

- **Persona:** Orchestrator
- **Exact Position:** `/home/dev/parser/src/lexer/strings.rs:88`, choosing the escape error span
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
