#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Statements that no file changed, matched case-insensitively as phrases.
constexpr std::string_view no_change_statements[] = {
    "no files changed", "no files were changed", "no files were modified", "no files modified",
    "no artifacts"};

bool has_rows(const doc::Document& document, source::TextRange range) {
  for (const auto* table : doc::Document::within(document.tables(), range)) {
    for (const auto& row : table->rows) {
      for (const auto& cell : row.cells) {
        if (!doc::trim(document.text(cell.content)).empty()) return true;
      }
    }
  }
  return false;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section = support::sub(document, "1.12");
  if (!section) return;
  if (has_rows(document, section->body)) return;
  const auto body = document.text(section->body);
  for (auto statement : no_change_statements) {
    if (support::find_phrase(body, statement) != std::string_view::npos) return;
  }
  context.report(support::heading_range(document, *section),
                 "1.12 records no artifact state: add a | Path | Expected | Actual | Status | row "
                 "per file touched, or state \"No files changed\"");
}

}  // namespace

extern const engine::RuleMeta artifact_state_blank{
    .code = "HP404",
    .name = "artifact-state-blank",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "1.12 has no artifact table rows and no statement that no files changed",
    .what_it_checks = R"md(
1.12 Artifact State at Distillation must hold a table with at least one non-empty row (the
template's `| Path | Expected (per plan) | Actual | Status |`), or an explicit statement that no
files changed: "No files changed", "No files were changed", "No files were modified" or
"No artifacts".
)md",
    .why_it_matters = R"md(
1.12 records the *verified* state of the files — "not conversation claims". Without it, the
next session trusts whatever the narrative says was done, which is how half-written files get
built upon.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.12 Artifact State at Distillation

The scanner files are mostly done.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.12 Artifact State at Distillation

| Path | Expected (per plan) | Actual | Status |
|---|---|---|---|
| `/home/dev/parser/src/lexer/strings.rs` | ported | plain strings only | Partial |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
