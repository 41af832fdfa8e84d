#include "lsp/code_actions.hpp"

#include <algorithm>

#include "engine/suppression.hpp"
#include "lsp/diagnostics.hpp"
#include "rules/registry.hpp"

namespace baton::lsp {

namespace {

using engine::TextEdit;
using source::TextRange;

json workspace_edit(std::string_view uri, const std::vector<TextEdit>& edits,
                    const PositionMapper& mapper) {
  auto list = json::array();
  for (const auto& edit : edits)
    list.push_back(text_edit_json(edit, mapper));
  return {{"changes", {{std::string(uri), std::move(list)}}}};
}

// The fenced or indented code block holding `offset`, if any.
std::optional<TextRange> code_block_at(const doc::Document& document, std::uint32_t offset) {
  for (const auto& fence : document.fences()) {
    if (fence.range.contains(offset) || fence.range.end == offset)
      return fence.range;
  }
  for (const auto& block : document.blocks()) {
    if (block.kind == doc::BlockKind::indented_code &&
        (block.range.contains(offset) || block.range.end == offset))
      return block.range;
  }
  return std::nullopt;
}

std::string_view leading_blanks(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
    ++n;
  return line.substr(0, n);
}

bool overlaps(TextRange a, TextRange b) {
  if (a.empty() || b.empty())
    return a.begin == b.begin || (a.begin > b.begin && a.begin < b.end) ||
           (b.begin > a.begin && b.begin < a.end);
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

bool kind_requested(std::string_view kind, const std::vector<std::string>& only) {
  if (only.empty())
    return true;
  return std::any_of(only.begin(), only.end(), [kind](const std::string& wanted) {
    return kind == wanted ||
           (kind.size() > wanted.size() && kind.starts_with(wanted) && kind[wanted.size()] == '.');
  });
}

std::vector<TextEdit> disable_for_line_edits(const Analysis& analysis,
                                             const engine::Diagnostic& diagnostic) {
  if (!diagnostic.rule)
    return {};
  const auto& document = analysis.document;
  const auto& source = document.source();
  const auto offset = std::min(diagnostic.range.begin, source.size());
  if (const auto front = document.front_matter(); front && front->contains(offset))
    return {};
  const std::string code(diagnostic.rule->code);

  if (const auto block = code_block_at(document, offset)) {
    const auto first = source.line_of(block->begin);
    const auto last = source.line_of(block->end);
    const auto indent = std::string(leading_blanks(source.line_text(first)));
    return {{{source.line_start(first), source.line_start(first)},
             indent + "<!-- baton-disable " + code + " -->\n"},
            {{source.line_range(last).end, source.line_range(last).end},
             "\n" + indent + "<!-- baton-enable " + code + " -->"}};
  }

  const auto line = source.line_of(offset);
  for (const auto& directive : engine::parse_directives(document, rules::registry())) {
    if (directive.kind == engine::Directive::Kind::disable_line && directive.line == line &&
        !directive.rules.empty()) {
      // After the last rule: before a "-- reason" and the blanks ahead of "-->".
      const TextRange content{directive.range.begin + 4, directive.range.end - 3};
      auto text = document.text(content);
      text = text.substr(0, std::min(text.size(), text.find("--", 4)));
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                               text.back() == '\r'))
        text.remove_suffix(1);
      const auto at = content.begin + static_cast<std::uint32_t>(text.size());
      return {{{at, at}, " " + code}};
    }
  }
  const auto end = source.line_range(line).end;
  const auto text = source.line_text(line);
  const bool needs_space = !text.empty() && text.back() != ' ' && text.back() != '\t';
  return {{{end, end},
           std::string(needs_space ? " " : "") + "<!-- baton-disable-line " + code + " -->"}};
}

std::vector<TextEdit> fix_all_edits(const Analysis& analysis) {
  std::vector<const engine::Fix*> fixes;
  for (const auto& diagnostic : analysis.diagnostics) {
    if (diagnostic.fix && diagnostic.fix->safety == engine::FixSafety::safe &&
        !diagnostic.fix->edits.empty())
      fixes.push_back(&*diagnostic.fix);
  }
  auto first_begin = [](const engine::Fix* fix) {
    std::uint32_t begin = fix->edits.front().range.begin;
    for (const auto& edit : fix->edits)
      begin = std::min(begin, edit.range.begin);
    return begin;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const engine::Fix* a, const engine::Fix* b) {
    return first_begin(a) < first_begin(b);
  });
  std::vector<TextEdit> accepted;
  for (const auto* fix : fixes) {
    const bool clashes = std::any_of(fix->edits.begin(), fix->edits.end(), [&](const TextEdit& e) {
      return std::any_of(accepted.begin(), accepted.end(),
                         [&](const TextEdit& kept) { return overlaps(e.range, kept.range); });
    });
    if (clashes)
      continue;
    accepted.insert(accepted.end(), fix->edits.begin(), fix->edits.end());
  }
  std::stable_sort(accepted.begin(), accepted.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.begin < b.range.begin;
  });
  return accepted;
}

json code_actions(const Analysis& analysis, std::string_view uri, PositionEncoding encoding,
                  const Range& range, const std::vector<std::string>& only) {
  const PositionMapper mapper(analysis.document.source(), encoding);
  const auto begin = mapper.offset(range.start);
  const auto end = std::max(begin, mapper.offset(range.end));
  auto actions = json::array();

  for (const auto& diagnostic : analysis.diagnostics) {
    if (!diagnostic.rule)
      continue;
    if (diagnostic.range.begin > end || diagnostic.range.end < begin)
      continue;
    const auto lsp_diagnostic = diagnostic_json(diagnostic, mapper, uri, analysis.rule_docs_url);
    if (kind_requested("quickfix", only)) {
      if (diagnostic.fix && diagnostic.fix->safety != engine::FixSafety::none &&
          !diagnostic.fix->edits.empty()) {
        const bool safe = diagnostic.fix->safety == engine::FixSafety::safe;
        actions.push_back(
            {{"title", diagnostic.fix->title.empty() ? "Fix " + std::string(diagnostic.rule->code)
                                                     : diagnostic.fix->title},
             {"kind", "quickfix"},
             {"diagnostics", json::array({lsp_diagnostic})},
             {"isPreferred", safe},
             {"edit", workspace_edit(uri, diagnostic.fix->edits, mapper)}});
      }
      const auto disable = disable_for_line_edits(analysis, diagnostic);
      if (!disable.empty()) {
        actions.push_back({{"title", "Disable " + std::string(diagnostic.rule->code) + " (" +
                                         std::string(diagnostic.rule->name) + ") for this line"},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({lsp_diagnostic})},
                           {"edit", workspace_edit(uri, disable, mapper)}});
      }
    }
  }

  if (kind_requested(fix_all_kind, only)) {
    const auto edits = fix_all_edits(analysis);
    if (!edits.empty()) {
      actions.push_back({{"title", "baton: fix all safe problems"},
                         {"kind", fix_all_kind},
                         {"edit", workspace_edit(uri, edits, mapper)}});
    }
  }
  return actions;
}

}  // namespace baton::lsp
