#include "format/rule_docs.hpp"

#include "engine/handoff_keywords.hpp"

#include <algorithm>
#include <array>

namespace baton::format {

namespace {

std::string_view profile_label(std::string_view profile) {
  if (profile == "*") return "all";
  if (profile == engine::any_profile) return "every file, even past a limit";
  if (profile == engine::every_file_profile) return "every file";
  if (profile == engine::spec_rule_profile) return "spellbook-develop and user-defined";
  return profile;
}

// A table cell: pipes would end the cell, newlines the row.
std::string table_cell(std::string_view text) {
  std::string cell;
  for (char c : text) {
    if (c == '|') {
      cell += "\\|";
    } else if (c == '\n' || c == '\r') {
      cell += ' ';
    } else {
      cell += c;
    }
  }
  return cell;
}

// Text as a block without leading blank lines (rule texts are raw strings
// that start on a new line) that ends with exactly one newline.
std::string block(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  std::string result(text);
  if (!result.empty())
    result += '\n';
  return result;
}

std::string fenced_markdown(std::string_view example) {
  const auto fence = code_fence_for(example);
  return fence + "markdown\n" + block(example) + fence + "\n";
}

void print_indented(std::string_view text, std::string_view indent, std::ostream& out) {
  const auto body = block(text);
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find('\n', start);
    const auto line = std::string_view(body).substr(start, end - start);
    if (!line.empty())
      out << indent << line;
    out << '\n';
    start = end + 1;
  }
}

}  // namespace

std::string code_fence_for(std::string_view content) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : content) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

namespace {

// "warning", or "warning (opt-in)" for a rule that is off unless enabled.
std::string severity_label(const engine::RuleMeta& rule) {
  std::string label(engine::to_string(rule.default_severity));
  if (rule.opt_in) label += " (opt-in)";
  return label;
}

std::string opt_in_note(const engine::RuleMeta& rule) {
  return "Off by default (opt-in): enable it with `--enable " + std::string(rule.code) +
         "`, by naming it in `--select`, or with a severity in the `rules` of `.baton.json`.";
}

}  // namespace

std::string rule_page_markdown(const engine::RuleMeta& rule) {
  std::string page;
  page.append("# ").append(rule.code).append(" ").append(rule.name).append("\n\n");
  if (!rule.summary.empty())
    page.append(block(rule.summary)).append("\n");
  page.append("| Family | Profile | Default severity | Fix |\n");
  page.append("|---|---|---|---|\n");
  page.append("| ")
      .append(table_cell(rule.family))
      .append(" | ")
      .append(table_cell(profile_label(rule.profile)))
      .append(" | ")
      .append(engine::to_string(rule.default_severity))
      .append(" | ")
      .append(engine::to_string(rule.fix))
      .append(" |\n\n");
  if (rule.opt_in)
    page.append(opt_in_note(rule)).append("\n\n");
  page.append("## What it checks\n\n").append(block(rule.what_it_checks)).append("\n");
  page.append("## Why it matters\n\n").append(block(rule.why_it_matters));
  if (!rule.bad_example.empty() || !rule.good_example.empty()) {
    page.append("\n## Example\n\n");
    if (!rule.bad_example.empty())
      page.append(fenced_markdown(rule.bad_example));
    if (!rule.good_example.empty()) {
      if (!rule.bad_example.empty())
        page.append("\n");
      page.append("Use instead:\n\n").append(fenced_markdown(rule.good_example));
    }
  }
  return page;
}

std::string rules_index_markdown(engine::Registry registry) {
  std::string page =
      "# Rules\n\n"
      "Every rule baton ships. `baton explain CODE` prints the same page in a terminal;\n"
      "rules are named by code or by name everywhere.\n\n"
      "| Code | Name | Summary | Severity | Fix |\n"
      "|---|---|---|---|---|\n";
  for (const auto* rule : registry) {
    page.append("| [")
        .append(rule->code)
        .append("](")
        .append(rule->code)
        .append(".md) | ")
        .append(table_cell(rule->name))
        .append(" | ")
        .append(table_cell(rule->summary))
        .append(" | ")
        .append(severity_label(*rule))
        .append(" | ")
        .append(engine::to_string(rule->fix))
        .append(" |\n");
  }
  return page;
}

std::vector<std::pair<std::string, std::string>> rule_doc_pages(engine::Registry registry) {
  std::vector<std::pair<std::string, std::string>> pages;
  pages.reserve(registry.size() + 1);
  pages.emplace_back("index.md", rules_index_markdown(registry));
  for (const auto* rule : registry) {
    pages.emplace_back(std::string(rule->code) + ".md", rule_page_markdown(*rule));
  }
  return pages;
}

void print_rule_text(const engine::RuleMeta& rule, std::ostream& out) {
  out << rule.code << ' ' << rule.name << "\n\n";
  if (!rule.summary.empty())
    print_indented(rule.summary, "  ", out);
  out << '\n'
      << "  Family:           " << rule.family << '\n'
      << "  Profile:          " << profile_label(rule.profile) << '\n'
      << "  Default severity: " << severity_label(rule) << '\n'
      << "  Fix:              " << engine::to_string(rule.fix) << "\n\n";
  if (rule.opt_in) {
    print_indented(opt_in_note(rule), "  ", out);
    out << '\n';
  }
  out << "What it checks\n\n";
  print_indented(rule.what_it_checks, "  ", out);
  out << "\nWhy it matters\n\n";
  print_indented(rule.why_it_matters, "  ", out);
  if (!rule.bad_example.empty()) {
    out << "\nExample\n\n";
    print_indented(rule.bad_example, "    ", out);
  }
  if (!rule.good_example.empty()) {
    out << "\nUse instead\n\n";
    print_indented(rule.good_example, "    ", out);
  }
}

nlohmann::ordered_json rule_json(const engine::RuleMeta& rule) {
  return nlohmann::ordered_json{
      {"code", rule.code},
      {"name", rule.name},
      {"family", rule.family},
      {"profile", rule.profile},
      {"summary", rule.summary},
      {"severity", engine::to_string(rule.default_severity)},
      {"fix", engine::to_string(rule.fix)},
      {"opt_in", rule.opt_in},
      {"what_it_checks", rule.what_it_checks},
      {"why_it_matters", rule.why_it_matters},
      {"bad_example", rule.bad_example},
      {"good_example", rule.good_example},
  };
}

void print_rules_table(engine::Registry registry, std::ostream& out) {
  constexpr std::array<std::string_view, 5> headers{"CODE", "NAME", "SEVERITY", "FIX", "SUMMARY"};
  std::array<std::size_t, 4> widths{};
  for (std::size_t i = 0; i < widths.size(); ++i)
    widths[i] = headers[i].size();
  for (const auto* rule : registry) {
    widths[0] = std::max(widths[0], rule->code.size());
    widths[1] = std::max(widths[1], rule->name.size());
    widths[2] = std::max(widths[2], severity_label(*rule).size());
    widths[3] = std::max(widths[3], engine::to_string(rule->fix).size());
  }
  auto write_row = [&](const std::array<std::string_view, 5>& cells) {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      out << cells[i] << std::string(widths[i] - cells[i].size() + 2, ' ');
    }
    out << cells[4] << '\n';
  };
  write_row(headers);
  for (const auto* rule : registry) {
    const auto severity = severity_label(*rule);
    write_row({rule->code, rule->name, severity,
               engine::to_string(rule->fix), rule->summary});
  }
}

std::string keyword_tables_markdown() {
  std::string out;
  for (const auto& table : engine::keywords::tables()) {
    out += "### " + std::string(table.name) + "\n\n";
    out += "Matched: " + std::string(table.matched) + ".\n\n";
    std::string line;
    for (std::size_t i = 0; i < table.entries.size(); ++i) {
      line += (i == 0 ? "`" : ", `") + std::string(table.entries[i]) + "`";
    }
    out += line + "\n\n";
  }
  return out;
}

}  // namespace baton::format
