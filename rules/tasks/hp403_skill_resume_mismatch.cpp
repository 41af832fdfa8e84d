#include <fmt/format.h>

#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  const auto* restoration = support::sub(document, "0.1");
  const auto* resume = support::sub(document, "1.14");
  if (!restoration || !resume) return;
  const auto first = support::declared_skill(document, restoration->body);
  if (!first) return;  // skill-call-missing reports 0.1
  const auto backup = support::declared_skill(document, resume->body);
  // An unfilled "[skill-name]" is template-placeholder's finding.
  if (support::is_template_placeholder(first->name) ||
      (backup && support::is_template_placeholder(backup->name))) {
    return;
  }
  const auto resume_heading = support::heading_range(document, *resume);
  if (first->marker) {
    if (backup && !backup->marker) {
      context
          .report(backup->range,
                  fmt::format("1.14 resumes skill \"{}\" but 0.1 says NO ACTIVE SKILL; the Skill() "
                              "call belongs in 0.1 — 1.14 is only the backup",
                              support::excerpt(backup->name)))
          .related.push_back({first->range, "0.1 says there is no active skill"});
    } else if (!backup) {
      context.report(resume_heading, "1.14 has no Skill() call and does not say NO ACTIVE SKILL, "
                                     "as 0.1 does");
    }
    return;
  }
  if (!backup || backup->marker) {
    context
        .report(backup ? backup->range : resume_heading,
                fmt::format("1.14 has no Skill() call resuming \"{}\", the skill 0.1 restores",
                            support::excerpt(first->name)))
        .related.push_back({first->range, "the 0.1 call"});
    return;
  }
  if (backup->name != first->name) {
    context
        .report(backup->range, fmt::format("1.14 resumes skill \"{}\" but 0.1 restores \"{}\"",
                                           support::excerpt(backup->name),
                                           support::excerpt(first->name)))
        .related.push_back({first->range, "the 0.1 call"});
  }
}

}  // namespace

extern const engine::RuleMeta skill_resume_mismatch{
    .code = "HP403",
    .name = "skill-resume-mismatch",
    .family = "Tasks",
    .profile = "spellbook-handoff",
    .summary = "1.14's skill resume command disagrees with 0.1",
    .what_it_checks = R"md(
1.14 Skill Resume Commands is the backup of 0.1. When 0.1 has a fenced `Skill("name", …)` call,
1.14 must have a fenced `Skill()` call naming the same skill. When 0.1 says `NO ACTIVE SKILL`,
1.14 must say so too; a `Skill()` call in 1.14 is then an error — the skill belongs in 0.1. Each
finding points at 1.14, with the 0.1 call or marker as a related location.
)md",
    .why_it_matters = R"md(
"Skill in Section 1, not 0" is one of spellbook's named anti-patterns: 0.1 is executed first,
1.14 only read later. A skill that appears only in 1.14 is never invoked in time, and two
different skills leave the next session to guess which workflow it is in.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

NO ACTIVE SKILL - proceed to 0.2

## SECTION 1: SESSION CONTEXT

### 1.14 Skill Resume Commands

```
Skill("develop", "--resume Phase3.Task4")
```
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.1 Workflow Restoration (EXECUTE FIRST)

```
Skill("develop", "--resume Phase3.Task4")
```

## SECTION 1: SESSION CONTEXT

### 1.14 Skill Resume Commands

```
Skill("develop", "--resume Phase3.Task4")
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
