#include <fmt/format.h>

#include "engine/lint.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& options = context.options();
  if (!options.check_filesystem || !options.file_exists) return;
  const auto& document = context.document();
  auto check_path = [&](std::string_view path, source::TextRange range, std::string_view what) {
    if (path.empty() || path.front() != '/') return;  // relative paths are reported elsewhere
    if (options.file_exists(path)) return;
    context.report(range, fmt::format("{} `{}` does not exist on this machine", what,
                                      support::excerpt(path)));
  };
  for (auto number : {"0.2", "1.10"}) {
    if (const auto* section = support::sub(document, number)) {
      for (const auto& read : support::read_paths(document, section->body)) {
        check_path(read.path, read.range, "Read() target");
      }
    }
  }
  if (const auto* section = support::sub(document, "1.9")) {
    for (const auto& cell : support::table_paths(document, section->body)) {
      check_path(doc::trim(cell.path), cell.range, "planning document");
    }
  }
}

}  // namespace

extern const engine::RuleMeta path_missing_on_disk{
    .code = "HP203",
    .name = "path-missing-on-disk",
    .family = "Paths",
    .profile = "spellbook-handoff",
    .summary = "A document the prompt tells the next session to read does not exist (--check-fs)",
    .what_it_checks = R"md(
Only with `baton check --check-fs`: every absolute path of a fenced `Read()` call in 0.2 and
1.10, and every absolute path in the Path columns of 1.9, must exist on the machine running baton.
Without `--check-fs` the rule does nothing, so results never depend on the machine by default.
)md",
    .why_it_matters = R"md(
A handoff is usually checked on the machine that will resume it. A plan that was renamed, or a
design doc that lives in another worktree, makes the first `Read()` of the next session fail —
and a session that cannot read its plan improvises.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("/nonexistent/baton-example/plans/parser-impl.md")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

NO DOCUMENTS TO READ
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
