#include <fmt/format.h>

#include <algorithm>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Instructions that name no call, path or position. Longer phrases first, so
// that "continue the workflow" is not also reported as "continue the work".
constexpr std::string_view vague_phrases[] = {
    "continue where you left off",
    "pick up where you left off",
    "resume where you left off",
    "continue from where you left off",
    "carry on where you left off",
    "continue with the workflow",
    "continue the workflow",
    "resume the workflow",
    "continue the work",
    "see the design doc",
    "see design doc",
    "see the plan",
    "see the docs",
    "refer to the design doc",
    "check the design doc",
    "read the relevant docs",
    "read the relevant documents",
    "read the relevant files",
    "as discussed",
};

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* section0 = support::part(document, "0");
  if (!section0) return;
  // Search a lower-cased copy with plain find: one pass per phrase at memchr
  // speed, even over a huge Section 0.
  const auto body = document.text(section0->body);
  std::string lowered(body.size(), '\0');
  std::transform(body.begin(), body.end(), lowered.begin(), doc::to_lower);
  std::vector<source::TextRange> found;
  for (auto phrase : vague_phrases) {
    for (auto at = lowered.find(phrase); at != std::string::npos; at = lowered.find(phrase, at + 1)) {
      const auto end = at + phrase.size();
      const bool bounded = (at == 0 || !doc::is_alpha(lowered[at - 1])) &&
                           (end >= lowered.size() || !doc::is_alpha(lowered[end]));
      const source::TextRange range{section0->body.begin + static_cast<std::uint32_t>(at),
                                    section0->body.begin + static_cast<std::uint32_t>(end)};
      if (!bounded || document.in_comment(range.begin)) continue;
      const bool overlaps = std::any_of(found.begin(), found.end(), [&](source::TextRange other) {
        return range.begin < other.end && other.begin < range.end;
      });
      if (overlaps) continue;
      found.push_back(range);
      context.report(range, fmt::format("vague instruction \"{}\": Section 0 must say exactly what to "
                                        "execute — a Skill() call with resume arguments, Read() "
                                        "calls with absolute paths",
                                        document.text(range)));
    }
  }
}

}  // namespace

extern const engine::RuleMeta vague_instruction{
    .code = "HP103",
    .name = "vague-instruction",
    .family = "Section 0",
    .profile = "spellbook-handoff",
    .summary = "Section 0 gives a vague instruction instead of an executable one",
    .what_it_checks = R"md(
Section 0 must not contain instructions that name no call, path or position: "continue the
workflow", "pick up where you left off", "see the design doc", "read the relevant files", "as
discussed" and similar phrases (matched case-insensitively, as whole words, outside HTML
comments). Each occurrence is reported.
)md",
    .why_it_matters = R"md(
The next session has nothing in its context but this prompt: it does not know which workflow,
where it left off, or which design doc. Spellbook forbids exactly these: `"Continue the workflow"
-> Write executable Skill('name', '--resume Phase3.Task7') in Section 0.1` and `Vague re-read
("see design doc")`.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

Continue the workflow; see the design doc for details.
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task7")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
