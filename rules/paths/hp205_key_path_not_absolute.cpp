#include <fmt/format.h>

#include <map>

#include "engine/lint.hpp"
#include "rules/paths/reading_paths.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// The handoff itself names where the repository is: an absolute directory in
// backticks on a line about the repository ("repo at `/Users/me/app/`",
// "Project root: `/srv/app`"). Relative paths then have a base.
bool states_repository_root(const doc::Document& document) {
  const auto& source = document.source();
  for (const auto& code : document.inline_code()) {
    const auto path = doc::trim(document.text(code.content));
    if (!(path.starts_with('/') || path.starts_with("~/")) || path.size() < 3 ||
        path.find(' ') != std::string_view::npos)
      continue;
    const auto name = path.substr(path.find_last_of('/', path.size() - 2) + 1);
    if (!path.ends_with('/') && name.find('.') != std::string_view::npos) continue;  // a file
    const auto line = source.line_text(source.line_of(code.range.begin));
    for (auto word : {"repo", "repository", "root", "project", "checkout", "worktree", "working directory"}) {
      if (support::find_phrase(line, word) != std::string_view::npos) return true;
    }
  }
  return false;
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const bool project_root = context.options().project_root.has_value() || states_repository_root(document);
  // One finding per section: the first relative path, the others related.
  std::map<const doc::Heading*, std::vector<support::NamedPath>> by_section;
  std::vector<const doc::Heading*> order;
  for (const auto& named : support::reading_section_paths(context)) {
    if (named.path.front() == '/')
      continue;
    // With a project root, repository-relative paths resolve; ~ still needs a shell.
    if (project_root && named.path.front() != '~')
      continue;
    auto& paths = by_section[named.section];
    if (paths.empty())
      order.push_back(named.section);
    paths.push_back(named);
  }
  for (const auto* heading : order) {
    const auto& paths = by_section[heading];
    std::string listed;
    for (std::size_t i = 0; i < paths.size() && i < 3; ++i) {
      listed += fmt::format("{}`{}`", i == 0 ? "" : ", ", support::excerpt(paths[i].path, 60));
    }
    if (paths.size() > 3)
      listed += ", …";
    auto& finding = context.report(
        paths.front().range,
        fmt::format("`{}` names {} relative path{} ({}) for the next session to read or edit; "
                    "it may start in another directory: write them absolute, or declare the "
                    "repository root as `project_root` in .baton.json",
                    support::excerpt(document.text(heading->text), 60), paths.size(),
                    paths.size() == 1 ? "" : "s", listed));
    for (std::size_t i = 1; i < paths.size(); ++i)
      finding.related.push_back({paths[i].range, "also relative"});
  }
}

}  // namespace

extern const engine::RuleMeta key_path_not_absolute{
    .code = "HP205",
    .name = "key-path-not-absolute",
    .family = "Paths",
    .profile = "generic-handoff,implementation-prompt",
    .summary = "A file the next session is told to read or edit has a relative path",
    .what_it_checks = R"md(
In free-form handoffs and implementation prompts, the sections that list files to read or edit —
headed `Key files`, `Files to read`, `Read first`, `Reading list`, `Relevant files` and the other
*reading headings* of [Free-form handoffs](../generic-handoffs.md) — must name them by absolute
path. A backticked path with a directory in it (`src/parser.ts`, `~/notes/plan.md`) that does not
start with `/` is relative. Bare file names (`parser.ts`) may be names rather than paths and are
left alone.

When there is a project root — declared in the configuration (`"project_root": "."` in
`.baton.json`), or else the git work tree the file is in (the nearest directory above it holding
`.git`, found by `baton check` and the language server) — repository-relative paths are accepted; `~` paths are still reported, since only a shell expands
them. `Read()` calls are `path-not-absolute`'s business.

A handoff that names its repository by absolute path on a line about it (``repo at
`/Users/me/app/` ``, ``Project root: `/srv/app` ``) gives its relative paths a base: they are
then accepted as with `project_root`.

One finding per section, on its first relative path, with the others as related locations.
)md",
    .why_it_matters = R"md(
"All paths start with `/`; relative paths break on resume." The next session may start in a
worktree, a subdirectory or another checkout; `src/parser.ts` then names a file that is not
there, or a different one.
)md",
    .bad_example = R"md(# Handoff

## Key files

- `src/parser.ts`: the scanner being ported

## Next steps

- Make the escape tests pass: `ctest -R escapes`
)md",
    .good_example = R"md(# Handoff

## Key files

- `/home/dev/lexer/src/parser.ts`: the scanner being ported

## Next steps

- Make the escape tests pass: `ctest -R escapes`
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
