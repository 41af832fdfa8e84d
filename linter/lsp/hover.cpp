#include "lsp/hover.hpp"

#include <algorithm>
#include <vector>

#include "engine/suppression.hpp"
#include "format/rule_docs.hpp"
#include "rules/registry.hpp"

namespace baton::lsp {

namespace {

bool touches(source::TextRange range, std::uint32_t offset) {
  return range.contains(offset) || range.end == offset;
}

void add_rule(std::vector<const engine::RuleMeta*>& rules, const engine::RuleMeta* rule) {
  if (rule && std::find(rules.begin(), rules.end(), rule) == rules.end())
    rules.push_back(rule);
}

}  // namespace

std::optional<json> hover(const Analysis& analysis, PositionEncoding encoding, Position position,
                          bool markdown) {
  const auto& document = analysis.document;
  const PositionMapper mapper(document.source(), encoding);
  const auto offset = mapper.offset(position);

  std::vector<const engine::RuleMeta*> rules;
  std::optional<source::TextRange> range;
  std::string lead;

  for (const auto& directive : engine::parse_directives(document, rules::registry())) {
    if (!touches(directive.range, offset))
      continue;
    for (const auto& rule : directive.rules) {
      if (touches(rule.range, offset) && rule.rule) {
        add_rule(rules, rule.rule);
        range = rule.range;
      }
    }
    if (rules.empty()) {
      for (const auto& rule : directive.rules)
        add_rule(rules, rule.rule);
      range = directive.range;
    }
    break;
  }

  if (rules.empty()) {
    for (const auto& diagnostic : analysis.diagnostics) {
      if (!diagnostic.rule || !touches(diagnostic.range, offset))
        continue;
      add_rule(rules, diagnostic.rule);
      if (!range)
        range = diagnostic.range;
      lead += "**" + std::string(diagnostic.rule->code) + "** " + diagnostic.message + "\n\n";
    }
  }
  // The title line (line 1 without headings) says which profile checked the
  // file and why, as `baton check` does on the command line.
  const auto& source = document.source();
  const auto headings = document.headings();
  const auto title_line = headings.empty() ? 1u : source.line_of(headings.front().range.begin);
  const bool on_title = !analysis.profile.empty() && source.line_of(offset) == title_line;
  if (on_title) {
    lead = "Checked as **" + analysis.profile + "** (" + analysis.profile_reason + ")\n\n" + lead;
    if (!range) range = source.line_range(title_line);
  }
  if (rules.empty() && !on_title)
    return std::nullopt;

  std::string text = lead.empty() ? "" : lead + (rules.empty() ? "" : "---\n\n");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i > 0)
      text += "\n---\n\n";
    text += format::rule_page_markdown(*rules[i]);
  }
  json result = {{"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", text}}}};
  if (range)
    result["range"] = mapper.range(*range);
  return result;
}

}  // namespace baton::lsp
