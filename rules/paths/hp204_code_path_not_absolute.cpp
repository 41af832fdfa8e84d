#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto& source = document.source();
  // Cells of the path tables are path-in-table-not-absolute's.
  std::vector<source::TextRange> table_cells;
  for (auto number : {"1.9", "1.10", "1.12"}) {
    if (const auto* section = support::sub(document, number)) {
      for (const auto& cell : support::table_paths(document, section->body)) table_cells.push_back(cell.range);
    }
  }
  for (const auto& code : document.inline_code()) {
    const auto word = doc::trim(document.text(code.content));
    if (word.empty() || word.front() == '/' || !support::looks_like_path(word)) continue;
    const bool in_table = std::any_of(table_cells.begin(), table_cells.end(),
                                      [&](source::TextRange cell) { return cell.contains(code.content); });
    if (in_table) continue;
    // spellbook's own marker names the plans directory with ~ and a placeholder.
    const auto line = source.line_text(source.line_of(code.range.begin));
    if (line.find("NO PLANNING DOCUMENTS") != std::string_view::npos) continue;
    const auto offset = code.content.begin +
                        static_cast<std::uint32_t>(word.data() - document.text(code.content).data());
    context.report(code.content, support::path_problem(word)).fix = support::home_fix(context, offset);
  }
}

}  // namespace

extern const engine::RuleMeta code_path_not_absolute{
    .code = "HP204",
    .name = "code-path-not-absolute",
    .family = "Paths",
    .profile = "spellbook-handoff",
    .summary = "A path in backticks is relative or starts with ~",
    .what_it_checks = R"md(
Inline code that holds a single path — `src/lexer/strings.rs`, `src/lexer/strings.rs:88` (a
file:line position), `~/notes.md`, `./run.sh` — must hold an absolute path. A word counts as a
path when it starts with `/`, `~`, `./` or `../`, contains a `/`, or ends in a common file
extension. Commands (anything with a blank), URLs, globs (`plans/*.md`), flags, variables and
`<placeholders>` are not paths. Calls are checked by `path-not-absolute` and the path tables of
1.9, 1.10 and 1.12 by `path-in-table-not-absolute`; the `NO PLANNING DOCUMENTS` marker's own
`~/.local/spellbook/docs/<project-encoded>/plans/` is left alone. `~/` paths have the unsafe
`--home` fix of `path-not-absolute`.
)md",
    .why_it_matters = R"md(
"Exact Position: `src/lexer/strings.rs:88`" only helps a session that starts in the project
root. Spellbook's rule is blunt: "All paths are ABSOLUTE (start with /)".
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.5 Behavioral Constraints

- Never edit `src/generated/tokens.rs` by hand
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.5 Behavioral Constraints

- Never edit `/home/dev/parser/src/generated/tokens.rs` by hand
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::unsafe,
    .check = &check,
};

}  // namespace baton::rules
