#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

bool contains(const std::vector<support::ReadPath>& paths, std::string_view path) {
  return std::any_of(paths.begin(), paths.end(), [&](const auto& p) { return p.path == path; });
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* first = support::sub(document, "0.2");
  const auto* reread = support::sub(document, "1.10");
  if (!first || !reread) return;
  const auto first_paths = support::read_paths(document, first->body);
  const auto reread_paths = support::read_paths(document, reread->body);
  for (const auto& read : first_paths) {
    if (contains(reread_paths, read.path) || support::is_template_placeholder(read.path)) continue;
    context
        .report(read.range, fmt::format("`{}` is read in 0.2 but is not among the 1.10 re-reads",
                                        support::excerpt(read.path)))
        .related.push_back({support::heading_range(document, *reread), "1.10 is here"});
  }
  for (const auto& read : reread_paths) {
    if (contains(first_paths, read.path) || support::is_template_placeholder(read.path)) continue;
    context
        .report(read.range, fmt::format("`{}` is re-read in 1.10 but 0.2 does not read it first",
                                        support::excerpt(read.path)))
        .related.push_back({support::heading_range(document, *first), "0.2 is here"});
  }
}

}  // namespace

extern const engine::RuleMeta reread_mismatch{
    .code = "HP303",
    .name = "reread-mismatch",
    .family = "Planning docs",
    .profile = "spellbook-handoff",
    .summary = "0.2 and 1.10 read different documents",
    .what_it_checks = R"md(
The documents read in 0.2 Required Document Reads and those re-read in 1.10 Documents to Re-Read
should be the same set of paths: every path read in 0.2 appears in 1.10's `Read()` calls and vice
versa. Each path on one side only is reported where it is, with the other section as a related
location. (A `NO DOCUMENTS …` marker on one side and reads on the other are reported the same
way.)
)md",
    .why_it_matters = R"md(
0.2 is executed first; 1.10 is what Step 7 re-reads before implementation. When they disagree,
one of them is stale — a document added late to one list and forgotten in the other — and the
next session reads a different plan depending on which section it trusts.

This is a warning: a deliberate difference is possible, but it should be rare.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("/home/dev/parser/docs/plans/parser-impl.md")
```

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

```
Read("/home/dev/parser/docs/plans/parser-design.md")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

```
Read("/home/dev/parser/docs/plans/parser-impl.md")
```

## SECTION 1: SESSION CONTEXT

### 1.10 Documents to Re-Read (MANDATORY)

```
Read("/home/dev/parser/docs/plans/parser-impl.md")
```
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
