#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/rule.hpp"

namespace baton::format {

// Rule metadata rendered for people: the single source of docs/rules/*.md and
// of `baton explain` / `baton rules`.

// The page docs/rules/<CODE>.md.
std::string rule_page_markdown(const engine::RuleMeta& rule);
// The page docs/rules/index.md: one table row per rule.
std::string rules_index_markdown(engine::Registry registry);
// {"index.md", ...} then {"<CODE>.md", ...} for every rule, in registry order.
std::vector<std::pair<std::string, std::string>> rule_doc_pages(engine::Registry registry);

// `baton explain RULE` in a terminal.
void print_rule_text(const engine::RuleMeta& rule, std::ostream& out);
// {code, name, family, profile, summary, severity, fix, what_it_checks,
// why_it_matters, bad_example, good_example}, keys in that order.
nlohmann::ordered_json rule_json(const engine::RuleMeta& rule);
// `baton rules`: aligned columns code, name, severity, fix, summary.
void print_rules_table(engine::Registry registry, std::ostream& out);

// The shortest backtick fence (at least three) longer than every backtick run
// in `content`, so the content cannot close it.
std::string code_fence_for(std::string_view content);

// The keyword tables of engine/handoff_keywords.hpp as markdown, for
// docs/generic-handoffs.md (between its keyword-tables markers).
std::string keyword_tables_markdown();

}  // namespace baton::format
