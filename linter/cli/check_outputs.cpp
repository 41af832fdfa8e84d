#include "cli/check_outputs.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/fix.hpp"

namespace baton::cli {

namespace {

std::string format_names() {
  std::string names;
  for (auto format : format::output_formats()) {
    if (!names.empty())
      names += ", ";
    names += format::to_string(format);
  }
  return names;
}

struct ParsedFormat {
  std::optional<format::OutputFormat> format;
  std::optional<std::string> path;
};

ParsedFormat parse_format_value(std::string_view value) {
  const auto colon = value.find(':');
  ParsedFormat parsed;
  parsed.format = format::parse_output_format(value.substr(0, colon));
  if (colon != std::string_view::npos) {
    const auto path = value.substr(colon + 1);
    if (path != "-")
      parsed.path = std::string(path);
  }
  return parsed;
}

}  // namespace

std::string check_format_value(const std::string& value) {
  const auto colon = value.find(':');
  if (!format::parse_output_format(std::string_view(value).substr(0, colon)))
    return "unknown format '" + value.substr(0, colon) + "' (formats: " + format_names() +
           "; FORMAT:PATH writes one to a file)";
  if (colon != std::string::npos && colon + 1 == value.size())
    return "'" + value +
           "' names no file after the ':' (FORMAT:PATH, or FORMAT:- for standard output)";
  return {};
}

std::variant<std::vector<OutputTarget>, std::string> output_targets(
    std::span<const std::string> formats, const std::optional<std::string>& output_file) {
  std::vector<OutputTarget> targets;
  for (const auto& value : formats) {
    if (auto error = check_format_value(value); !error.empty())
      return "--format: " + error;
    const auto parsed = parse_format_value(value);
    targets.push_back({*parsed.format, parsed.path});
  }
  if (targets.empty())
    targets.push_back({});
  const auto to_stdout = std::count_if(targets.begin(), targets.end(),
                                       [](const OutputTarget& target) { return !target.path; });
  if (to_stdout > 1)
    return std::string(
        "at most one --format can go to standard output; give the others a file "
        "(--format FORMAT:PATH)");
  if (output_file) {
    if (output_file->empty())
      return std::string("--output-file needs a file name");
    const auto it = std::find_if(targets.begin(), targets.end(),
                                 [](const OutputTarget& target) { return !target.path; });
    if (it == targets.end())
      return std::string(
          "--output-file takes the output that has no file, and every --format "
          "names its own");
    it->path = *output_file;
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    for (std::size_t j = i + 1; j < targets.size(); ++j) {
      if (targets[i].path && targets[i].path == targets[j].path)
        return "two outputs write to " + *targets[i].path + "; give each its own file";
    }
  }
  return targets;
}

std::vector<format::FileReport> unsuppressed(std::span<const format::FileReport> reports) {
  std::vector<format::FileReport> kept;
  kept.reserve(reports.size());
  for (const auto& report : reports) {
    auto& copy = kept.emplace_back(format::FileReport{report.source, {}, report.profile});
    for (const auto& diagnostic : report.diagnostics) {
      if (!diagnostic.suppression)
        copy.diagnostics.push_back(diagnostic);
    }
  }
  return kept;
}

void print_statistics(std::span<const format::FileReport> reports, bool unsafe_fixes, bool json,
                      std::ostream& out) {
  struct Row {
    const engine::RuleMeta* rule = nullptr;
    std::size_t count = 0;
    std::size_t fixable = 0;
  };
  std::map<std::string_view, Row> by_code;
  for (const auto& report : reports) {
    for (const auto& diagnostic : report.diagnostics) {
      if (!diagnostic.rule || diagnostic.suppression)
        continue;
      auto& row = by_code[diagnostic.rule->code];
      row.rule = diagnostic.rule;
      ++row.count;
      if (engine::fix_applies(diagnostic, unsafe_fixes))
        ++row.fixable;
    }
  }
  std::vector<Row> rows;
  for (const auto& [code, row] : by_code)
    rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.count > b.count; });

  if (json) {
    auto array = nlohmann::ordered_json::array();
    for (const auto& row : rows) {
      array.push_back({{"code", row.rule->code},
                       {"name", row.rule->name},
                       {"count", row.count},
                       {"fixable", row.fixable > 0},
                       {"fixable_count", row.fixable}});
    }
    out << array.dump(2) << '\n';
    return;
  }
  std::size_t count_width = 1;
  std::size_t code_width = 1;
  for (const auto& row : rows) {
    count_width = std::max(count_width, std::to_string(row.count).size());
    code_width = std::max(code_width, row.rule->code.size());
  }
  std::size_t fixable = 0;
  for (const auto& row : rows) {
    const auto count = std::to_string(row.count);
    out << std::string(count_width - count.size(), ' ') << count << '\t' << row.rule->code
        << std::string(code_width - row.rule->code.size(), ' ') << '\t'
        << (row.fixable > 0 ? "[*] " : "    ") << row.rule->name << '\n';
    fixable += row.fixable;
  }
  if (fixable > 0)
    out << "[*] " << fixable << (fixable == 1 ? " finding is" : " findings are")
        << " fixable with --fix" << (unsafe_fixes ? " --unsafe-fixes" : "") << '\n';
}

void print_fixes(std::span<const FileFixes> fixes, std::string_view heading, std::ostream& out) {
  std::size_t total = 0;
  for (const auto& file : fixes)
    total += file.rules.size();
  if (total == 0) {
    out << "baton: no fixes" << (heading.starts_with("Would") ? " available" : " applied") << '\n';
    return;
  }
  out << heading << ' ' << total << (total == 1 ? " finding" : " findings") << ":\n";
  for (const auto& file : fixes) {
    if (file.rules.empty())
      continue;
    out << "- " << file.path << ":\n";
    std::map<std::string_view, std::pair<const engine::RuleMeta*, std::size_t>> by_code;
    for (const auto* rule : file.rules) {
      auto& entry = by_code[rule->code];
      entry.first = rule;
      ++entry.second;
    }
    for (const auto& [code, entry] : by_code) {
      out << "    " << entry.second << " \u00d7 " << code << " (" << entry.first->name << ")\n";
    }
  }
}

std::vector<FileFixes> available_fixes(std::span<const format::FileReport> reports,
                                       bool unsafe_fixes) {
  std::vector<FileFixes> fixes;
  for (const auto& report : reports) {
    FileFixes file{report.source->path(), {}};
    for (const auto& diagnostic : report.diagnostics) {
      if (diagnostic.rule && engine::fix_applies(diagnostic, unsafe_fixes))
        file.rules.push_back(diagnostic.rule);
    }
    if (!file.rules.empty())
      fixes.push_back(std::move(file));
  }
  return fixes;
}

}  // namespace baton::cli
