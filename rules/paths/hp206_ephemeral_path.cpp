#include <fmt/format.h>

#include "rules/paths/reading_paths.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Directories the system empties: on reboot, on logout, or by a timer.
constexpr std::string_view ephemeral_prefixes[] = {"/tmp/",     "/var/tmp/", "/private/tmp/",
                                                   "/dev/shm/", "$TMPDIR/",  "${TMPDIR}/"};

bool ephemeral(std::string_view path) {
  for (auto prefix : ephemeral_prefixes) {
    if (path.starts_with(prefix))
      return true;
  }
  return false;
}

void report(engine::RuleContext& context, std::string_view path, source::TextRange range) {
  context.report(range,
                 fmt::format("`{}` is in a temporary directory that may be emptied before the "
                             "next session reads it; keep the file in the repository or a "
                             "durable directory",
                             support::excerpt(path, 60)));
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto* call : support::calls_named(
           document, {0, static_cast<std::uint32_t>(document.source().size())}, "Read")) {
    const auto* argument = support::argument(call->call, 0, "file_path");
    if (!argument)
      continue;
    if (argument->value.kind == grammar::Value::Kind::string && ephemeral(argument->value.text))
      report(context, argument->value.text, argument->value.range);
  }
  for (const auto& named : support::reading_section_paths(context)) {
    if (ephemeral(named.path))
      report(context, named.path, named.range);
  }
}

}  // namespace

extern const engine::RuleMeta ephemeral_path{
    .code = "HP206",
    .name = "ephemeral-path",
    .family = "Paths",
    .profile = "*",
    .summary = "A file the next session must read is in a temporary directory",
    .what_it_checks = R"md(
A `Read()` call, or a backticked path in a section that lists files to read or edit (`Key
files`, `Files to read`, ...), names a file under `/tmp/`, `/var/tmp/`, `/private/tmp/`,
`/dev/shm/` or `$TMPDIR`.
)md",
    .why_it_matters = R"md(
Temporary directories are emptied on reboot, by a timer, or when a sandbox ends. A handoff may be
resumed days later on another machine: the plan saved to `/tmp/plan.md` is then gone, and the
next session starts without it.
)md",
    .bad_example = R"md(# Handoff

## Key files

- `/tmp/plan.md`: the plan for the port

## Next steps

- Make the escape tests pass: `ctest -R escapes`
)md",
    .good_example = R"md(# Handoff

## Key files

- `/home/dev/lexer/docs/plan.md`: the plan for the port

## Next steps

- Make the escape tests pass: `ctest -R escapes`
)md",
    .default_severity = engine::Severity::warning,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
