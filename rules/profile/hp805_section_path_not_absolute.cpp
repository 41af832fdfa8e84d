#include <fmt/format.h>

#include "rules/profile/spec_sections.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Punctuation that may wrap a path in prose: "(see ./x.md)," or **/x**.
constexpr std::string_view wrapping = "()[]{}<>,;:\"'*_`";

bool is_absolute_word(std::string_view word) {
  return word.size() > 1 && word[0] == '/' && word[1] != '/' && !doc::is_space(word[1]);
}

// The words of `range` outside code and comments, with their offsets.
template <typename Visit>
void for_each_word(const doc::Document& document, source::TextRange range, Visit visit) {
  const auto text = document.source().text();
  auto at = range.begin;
  while (at < range.end) {
    while (at < range.end && doc::is_space(text[at]))
      ++at;
    auto end = at;
    while (end < range.end && !doc::is_space(text[end]))
      ++end;
    if (end > at && !document.in_code(at) && !document.in_comment(at)) {
      auto word = text.substr(at, end - at);
      auto begin = at;
      while (!word.empty() && wrapping.find(word.front()) != std::string_view::npos) {
        word.remove_prefix(1);
        ++begin;
      }
      while (!word.empty() &&
             (wrapping.find(word.back()) != std::string_view::npos || word.back() == '.')) {
        word.remove_suffix(1);
      }
      if (!word.empty())
        visit(word, source::TextRange{begin, static_cast<std::uint32_t>(begin + word.size())});
    }
    at = end;
  }
}

// True when `range` names an absolute path, in prose or in inline code.
bool names_absolute_path(const doc::Document& document, source::TextRange range) {
  for (const auto* code : doc::Document::within(document.inline_code(), range)) {
    if (is_absolute_word(doc::trim(document.text(code->content))))
      return true;
  }
  bool found = false;
  for_each_word(document, range, [&](std::string_view word, source::TextRange) {
    if (is_absolute_word(word))
      found = true;
  });
  return found;
}

void check_section(engine::RuleContext& context, const spec::FoundSection& found) {
  const auto& document = context.document();
  const auto& name = found.spec->name;
  // An entry with a relative path reported already is not reported again for lacking an absolute
  // one.
  std::vector<std::uint32_t> reported;
  // Paths in inline code: `docs/plan.md`, `~/notes.md`.
  for (const auto* code : doc::Document::within(document.inline_code(), found.body)) {
    const auto word = doc::trim(document.text(code->content));
    if (word.empty() || word.front() == '/' || !support::looks_like_path(word))
      continue;
    context.report(code->content,
                   fmt::format("{} (in \"{}\" of the {} profile)", support::path_problem(word),
                               name, context.profile_spec()->name));
    reported.push_back(code->content.begin);
  }
  // Paths in prose that can only be relative: ./x, ../x, ~/x.
  for_each_word(document, found.body, [&](std::string_view word, source::TextRange range) {
    if (word.starts_with("./") || word.starts_with("../") || word.starts_with("~/")) {
      context.report(
          range, fmt::format("{} (in \"{}\" of the {} profile)", support::path_problem(word), name,
                             context.profile_spec()->name));
      reported.push_back(range.begin);
    }
  });
  const auto already_reported = [&](source::TextRange range) {
    return std::any_of(reported.begin(), reported.end(),
                       [&](std::uint32_t at) { return range.contains(at); });
  };
  // Every entry names where its file is: each outermost list item, each table row.
  const auto items = doc::Document::within(document.list_items(), found.body);
  for (const auto* item : items) {
    const bool nested = std::any_of(items.begin(), items.end(), [&](const doc::ListItem* other) {
      return other != item && other->range.contains(item->range);
    });
    if (nested || already_reported(item->range) || names_absolute_path(document, item->range))
      continue;
    context.report(item->range,
                   fmt::format("this entry of \"{}\" names no absolute path; the {} profile needs "
                               "where the file is, starting with /",
                               name, context.profile_spec()->name));
  }
  for (const auto* table : doc::Document::within(document.tables(), found.body)) {
    for (const auto& row : table->rows) {
      if (already_reported(row.range) || names_absolute_path(document, row.range))
        continue;
      context.report(row.range,
                     fmt::format("this row of \"{}\" names no absolute path; the {} profile needs "
                                 "where the file is, starting with /",
                                 name, context.profile_spec()->name));
    }
  }
}

void check(engine::RuleContext& context) {
  for (const auto& found : spec::found_sections(context.document(), *context.profile_spec())) {
    if (found.spec->absolute_paths && found.content == spec::Content::text)
      check_section(context, found);
  }
}

}  // namespace

extern const engine::RuleMeta section_path_not_absolute{
    .code = "HP805",
    .name = "section-path-not-absolute",
    .family = "Profile",
    .profile = engine::spec_rule_profile,
    .summary = "A section that lists files names a relative path, or an entry without a path",
    .what_it_checks = R"md(
In a section of a profile defined as data with `"absolute_paths": true` — the Artifacts section of
`spellbook-develop` — every path must be absolute:

- a path in inline code (`docs/plan.md`, `~/notes.md`) must start with `/`; what counts as a path
  is the same as for `code-path-not-absolute`;
- a word in prose that starts with `./`, `../` or `~/` is reported;
- every list item (outermost items; nested items count for their parent) and every table row must
  name at least one absolute path, in prose or in inline code.

A section that holds one of its `empty_markers` is not checked. Paths in calls are checked by
`path-not-absolute` under every profile.
)md",
    .why_it_matters = R"md(
The next session may start in another directory, worktree or machine account. An artifact list
is only useful when every entry can be opened as written: "design.md" alone makes the next
session search for it.
)md",
    .bad_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Artifacts

- design.md: `docs/design.md`
- plan.md (24 tasks)
)md",
    .good_example = R"md(<!-- baton-profile spellbook-develop -->
# Handoff: parser-rewrite

## Resume At

- Phase: 4.5 (per-task code review)

## Artifacts

- design.md: `/home/dev/parser/docs/design.md`
- plan.md: /home/dev/parser/docs/plan.md (24 tasks)
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
