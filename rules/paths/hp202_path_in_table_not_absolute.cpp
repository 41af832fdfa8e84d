#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// The sections whose tables list files by path.
constexpr std::string_view path_table_sections[] = {"1.9", "1.10", "1.12"};

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (auto number : path_table_sections) {
    const auto* section = support::sub(document, number);
    if (!section) continue;
    for (const auto& cell : support::table_paths(document, section->body)) {
      const auto path = doc::trim(cell.path);
      // Placeholders and markers are other rules' business; "None", "-" say there is no file.
      if (path.front() == '/' || path.front() == '[' || path.starts_with("NO ") ||
          doc::iequals(path, "none") || path == "-" || path == "\xE2\x80\x94") {
        continue;
      }
      const auto offset = cell.range.begin + static_cast<std::uint32_t>(path.data() - cell.path.data());
      context.report(cell.range, fmt::format("{} (in the Path column of {})",
                                             support::path_problem(path), number))
          .fix = support::home_fix(context, offset);
    }
  }
}

}  // namespace

extern const engine::RuleMeta path_in_table_not_absolute{
    .code = "HP202",
    .name = "path-in-table-not-absolute",
    .family = "Paths",
    .profile = "spellbook-handoff",
    .summary = "A path in the Path column of 1.9, 1.10 or 1.12 is not absolute",
    .what_it_checks = R"md(
The tables of 1.9 Planning & Implementation Documents, 1.10 Documents to Re-Read and 1.12
Artifact State at Distillation list files by path. Every cell of a column whose header contains
"Path" must hold an absolute path (in backticks or not). Empty cells, `None` and `-` are left
alone; template placeholders are reported by `template-placeholder`. `~/` paths have the unsafe
`--home` fix of `path-not-absolute`.
)md",
    .why_it_matters = R"md(
These tables are where the next session finds the plan, the documents to re-read and the files
whose state was verified. A relative path there resolves against whatever directory the next
session starts in — spellbook's gate is "Docs in 1.9 with ABSOLUTE paths".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.9 Planning & Implementation Documents

| Path | Purpose | Status | Re-Read Priority |
|---|---|---|---|
| `docs/plans/parser-design.md` | grammar | APPROVED | HIGH |
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.9 Planning & Implementation Documents

| Path | Purpose | Status | Re-Read Priority |
|---|---|---|---|
| `/home/dev/parser/docs/plans/parser-design.md` | grammar | APPROVED | HIGH |
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
