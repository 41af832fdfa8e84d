#include <string>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

constexpr std::string_view label = "exact position";

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.1");
  if (!section) return;
  for (const auto* item : doc::Document::within(document.list_items(), section->body)) {
    auto text = doc::trim(document.text(item->content));
    // "**Exact Position:** file:line" or "Exact Position: ..."
    while (!text.empty() && (text.front() == '*' || text.front() == '_')) text.remove_prefix(1);
    if (!doc::istarts_with(text, label)) continue;
    auto value = text.substr(label.size());
    while (!value.empty() && (value.front() == '*' || value.front() == '_' || value.front() == ':' ||
                              doc::is_space(value.front()))) {
      value.remove_prefix(1);
    }
    // An HTML comment is not a value.
    std::string visible(value);
    for (auto open = visible.find("<!--"); open != std::string::npos; open = visible.find("<!--")) {
      const auto close = visible.find("-->", open);
      visible.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
    }
    if (doc::trim(visible).empty()) {
      context.report(item->range, "\"Exact Position\" is empty; give the file:line and the decision "
                                  "point where work stopped");
    }
    return;
  }
  context.report(support::heading_range(document, *section),
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
followed by a value: the file and line, and the decision point, where work stopped. The item
missing is reported on the 1.1 heading; an empty one on the item.
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
