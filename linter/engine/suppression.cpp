#include "engine/suppression.hpp"

#include <fmt/format.h>

#include "document/text_scan.hpp"
#include "engine/lint.hpp"

namespace baton::engine {

namespace {

using Kind = Directive::Kind;

struct Keyword {
  std::string_view text;
  Kind kind;
};
// Longest first, so "baton-disable-line" is not read as "baton-disable".
constexpr Keyword keywords[] = {{"baton-disable-next-line", Kind::disable_next_line},
                                {"baton-disable-line", Kind::disable_line},
                                {"baton-disable-file", Kind::disable_file},
                                {"baton-disable", Kind::disable},
                                {"baton-enable", Kind::enable}};

bool names(const Directive& directive, const RuleMeta* rule) {
  if (directive.rules.empty()) return true;
  return std::any_of(directive.rules.begin(), directive.rules.end(),
                     [&](const Directive::Rule& r) { return r.rule == rule; });
}

// Which directive rule entries (or the bare directive) did some work.
struct Usage {
  std::vector<std::vector<char>> rules;  // per directive, per rule entry (no vector<bool>: GCC 12 warns)
  std::vector<char> bare;                // per directive without rules
  void mark(std::size_t directive, const Directive& d, const RuleMeta* rule) {
    if (d.rules.empty()) {
      bare[directive] = 1;
      return;
    }
    for (std::size_t i = 0; i < d.rules.size(); ++i) {
      if (d.rules[i].rule == rule) rules[directive][i] = 1;
    }
  }
};

// The directive that suppresses `rule` on `line`, if any.
std::optional<std::size_t> suppressor(const std::vector<Directive>& directives, const RuleMeta* rule,
                                      std::uint32_t line) {
  std::optional<std::size_t> block;  // the open disable covering the line
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const auto& d = directives[i];
    switch (d.kind) {
      case Kind::disable_file:
        if (names(d, rule)) return i;
        break;
      case Kind::disable_line:
        if (d.line == line && names(d, rule)) return i;
        break;
      case Kind::disable_next_line:
        if (d.line + 1 == line && names(d, rule)) return i;
        break;
      case Kind::disable:
        if (d.line <= line && names(d, rule)) block = i;
        break;
      case Kind::enable:
        if (d.line <= line && block && names(d, rule)) block.reset();
        break;
    }
  }
  return block;
}

}  // namespace

std::vector<Directive> parse_directives(const doc::Document& document, Registry registry) {
  std::vector<Directive> directives;
  const auto& source = document.source();
  for (const auto& comment : document.html_comments()) {
    const auto content = document.text(comment.content);
    std::size_t leading = 0;  // only the blanks before the keyword shift offsets
    while (leading < content.size() && doc::is_space(content[leading])) ++leading;
    auto text = doc::trim(content);
    const Keyword* keyword = nullptr;
    for (const auto& k : keywords) {
      if (text.starts_with(k.text) &&
          (text.size() == k.text.size() || doc::is_space(text[k.text.size()]))) {
        keyword = &k;
        break;
      }
    }
    if (!keyword) continue;
    Directive directive;
    directive.kind = keyword->kind;
    directive.range = comment.range;
    directive.line = source.line_of(comment.range.begin);
    // Offsets of the rule list inside the document.
    auto offset = comment.content.begin + static_cast<std::uint32_t>(leading + keyword->text.size());
    auto rest = text.substr(keyword->text.size());
    if (const auto reason = rest.find("--"); reason != std::string_view::npos) rest = rest.substr(0, reason);
    std::size_t at = 0;
    while (at < rest.size()) {
      while (at < rest.size() && (doc::is_space(rest[at]) || rest[at] == ',')) ++at;
      auto end = at;
      while (end < rest.size() && !doc::is_space(rest[end]) && rest[end] != ',') ++end;
      if (end > at) {
        const auto written = rest.substr(at, end - at);
        const source::TextRange range{offset + static_cast<std::uint32_t>(at),
                                      offset + static_cast<std::uint32_t>(end)};
        directive.rules.push_back({std::string(written), range, find_rule(registry, written)});
      }
      at = end;
    }
    directives.push_back(std::move(directive));
  }
  return directives;
}

void apply_directives(const doc::Document& document, Registry registry, const LintOptions& options,
                      std::vector<Diagnostic>& diagnostics) {
  const auto directives = parse_directives(document, registry);
  if (directives.empty()) return;
  Usage usage;
  usage.bare.assign(directives.size(), 0);
  for (const auto& d : directives) usage.rules.emplace_back(d.rules.size(), 0);

  const auto& source = document.source();
  std::erase_if(diagnostics, [&](Diagnostic& diagnostic) {
    const auto line = source.line_of(diagnostic.range.begin);
    const auto by = suppressor(directives, diagnostic.rule, line);
    if (!by) return false;
    usage.mark(*by, directives[*by], diagnostic.rule);
    if (!options.keep_suppressed) return true;
    diagnostic.suppression =
        Suppression{Suppression::Kind::in_source, std::string(doc::trim(document.text(directives[*by].range)))};
    return false;
  });

  // Directive problems, reported by the registry's directive rules.
  auto report = [&](std::string_view code, source::TextRange range, std::string message) {
    const auto* rule = find_rule(registry, code);
    if (!rule) return;
    auto severity = rule->default_severity;
    if (const auto configured = options.rule_severities.find(rule->code);
        configured != options.rule_severities.end()) {
      if (!configured->second) return;
      severity = *configured->second;
    }
    // A file-wide disable of a directive rule silences it too.
    for (const auto& d : directives) {
      if (d.kind == Kind::disable_file && names(d, rule)) return;
    }
    diagnostics.push_back(Diagnostic{rule, severity, range, std::move(message), {}, {}, {}, {}});
  };
  // Block disables still open, by directive index; an enable closes the ones
  // it names (a bare enable closes all, and closes any disable).
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const auto& d = directives[i];
    for (std::size_t r = 0; r < d.rules.size(); ++r) {
      if (!d.rules[r].rule) {
        report("HP901", d.rules[r].range,
               fmt::format("\"{}\" is not a baton rule; name rules by code (HP102) or name "
                           "(skill-call-missing)",
                           d.rules[r].written));
      }
    }
    if (d.kind == Kind::enable) {
      const auto closes = [&](std::size_t disable) {
        const auto& earlier = directives[disable];
        if (d.rules.empty() || earlier.rules.empty()) return true;
        return std::any_of(d.rules.begin(), d.rules.end(),
                           [&](const Directive::Rule& r) { return names(earlier, r.rule); });
      };
      const auto before = open.size();
      std::erase_if(open, closes);
      if (open.size() == before) {
        report("HP902", d.range, "this baton-enable re-enables nothing: no open baton-disable precedes it");
      }
      continue;
    }
    if (d.kind == Kind::disable) open.push_back(i);
    if (d.rules.empty()) {
      if (!usage.bare[i]) report("HP902", d.range, "this directive suppresses nothing; remove it");
      continue;
    }
    for (std::size_t r = 0; r < d.rules.size(); ++r) {
      if (d.rules[r].rule && !usage.rules[i][r]) {
        report("HP902", d.rules[r].range,
               fmt::format("{} is not reported here, so this directive suppresses nothing for it; "
                           "remove it",
                           d.rules[r].rule->code));
      }
    }
  }
  for (auto i : open) {
    report("HP903", directives[i].range,
           "this baton-disable is never closed, so it lasts to the end of the file; add "
           "<!-- baton-enable --> or use baton-disable-file");
  }
}

}  // namespace baton::engine
