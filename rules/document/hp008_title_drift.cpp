#include <fmt/format.h>

#include "rules/layout.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

// Lower-case words: HTML comments dropped, every other non-alphanumeric
// character a separator. "Decisions — DO NOT REVISIT" -> "decisions do not revisit".
std::string normalise(std::string_view text) {
  std::string out;
  bool space = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && text.substr(i, 4) == "<!--") {
      const auto close = text.find("-->", i);
      if (close == std::string_view::npos) break;
      i = close + 2;
      continue;
    }
    const char c = doc::to_lower(text[i]);
    if (doc::is_alpha(c) || doc::is_digit(c)) {
      out.push_back(c);
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The title matches when it starts with the canonical words (suffixes such as
// "(EXECUTE FIRST)" or "(MANDATORY)" are fine).
bool matches(const std::string& title, std::string_view expected) {
  const auto words = normalise(expected);
  return title.starts_with(words) && (title.size() == words.size() || title[words.size()] == ' ');
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  for (const auto& section : document.sections()) {
    const auto* entry = layout::find(section.kind, section.number);
    if (!entry || document.find_section(section.kind, section.number) != &section) continue;
    const auto title = normalise(document.text(section.title));
    if (matches(title, entry->title)) continue;
    bool variant = false;
    for (auto v : entry->variants) variant = variant || (!v.empty() && matches(title, v));
    if (variant) continue;
    auto range = section.title;
    if (range.empty()) range = support::heading_range(document, section);
    auto& diagnostic = context.report(
        range, fmt::format("{} is titled \"{}\"; the canonical title is \"{}\"",
                           layout::display_number(section.kind, section.number),
                           support::excerpt(doc::trim(document.text(section.title))), entry->title));
    // Replace the title up to a trailing HTML comment, which stays.
    auto title_end = section.title.end;
    if (const auto comment = document.text(section.title).find("<!--"); comment != std::string_view::npos) {
      title_end = section.title.begin + static_cast<std::uint32_t>(comment);
      while (title_end > section.title.begin && doc::is_blank(document.source().text()[title_end - 1])) {
        --title_end;
      }
    }
    if (!section.title.empty()) {
      diagnostic.fix = engine::Fix{fmt::format("Rename to \"{}\"", entry->title), engine::FixSafety::safe,
                                   {{{section.title.begin, title_end}, std::string(entry->title)}}};
    }
  }
}

}  // namespace

extern const engine::RuleMeta title_drift{
    .code = "HP008",
    .name = "title-drift",
    .family = "Document",
    .profile = "spellbook-handoff",
    .summary = "A numbered section's title differs from the canonical one",
    .what_it_checks = R"md(
baton recognises sections by number, so a changed title breaks nothing — but it may mean the
section now holds something else. Each numbered section's title is compared with the canonical
title of that number, case-insensitively and ignoring punctuation; a suffix is fine
(`0.1 Workflow Restoration (EXECUTE FIRST)`), and the historical variants spellbook used are
accepted silently (`0.3 Todo Restoration`, `0.4 Checkpoint`, `1.2 Goals`,
`1.9 Planning Documents`, `1.20 Machine State`, `Step 8: Resume YOUR Exact Position`, …).

This is an info finding: it never fails a run. The safe fix renames the section to its canonical
title (a trailing HTML comment on the heading stays).
)md",
    .why_it_matters = R"md(
Tools and people find sections by their titles as well as their numbers. A title that drifted
("0.2 Background") usually means the content drifted too, and the next session may skip what it
should have executed.
)md",
    .bad_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Background Reading

NO DOCUMENTS TO READ
)md",
    .good_example = R"md(## SECTION 0: MANDATORY FIRST ACTIONS

### 0.2 Required Document Reads (EXECUTE SECOND)

NO DOCUMENTS TO READ
)md",
    .default_severity = engine::Severity::info,
    .fix = engine::FixSafety::safe,
    .check = &check,
};

}  // namespace baton::rules
