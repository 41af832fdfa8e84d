#include "engine/fix.hpp"

#include <algorithm>

#include "document/document.hpp"

namespace baton::engine {

namespace {

// Edits conflict when they overlap, when an insertion falls inside a
// replaced range, or when two insertions share a point (their order would be
// arbitrary).
bool conflict(source::TextRange a, source::TextRange b) {
  if (a.empty() && b.empty()) return a.begin == b.begin;
  if (a.empty()) return b.begin < a.begin && a.begin < b.end;
  if (b.empty()) return a.begin < b.begin && b.begin < a.end;
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

bool fix_applies(const Diagnostic& diagnostic, bool unsafe) {
  if (!diagnostic.fix || diagnostic.suppression) return false;
  const auto safety = diagnostic.fix->safety;
  return safety == FixSafety::safe || (safety == FixSafety::unsafe && unsafe);
}

AppliedFixes apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics, bool unsafe) {
  std::vector<const TextEdit*> edits;
  std::vector<source::TextRange> taken;
  AppliedFixes result;
  for (const auto& diagnostic : diagnostics) {
    if (!fix_applies(diagnostic, unsafe)) continue;
    const auto& fix = *diagnostic.fix;
    const bool overlaps = std::any_of(fix.edits.begin(), fix.edits.end(), [&](const TextEdit& edit) {
      return edit.range.end > text.size() ||
             std::any_of(taken.begin(), taken.end(),
                         [&](source::TextRange other) { return conflict(edit.range, other); });
    });
    if (overlaps) continue;
    for (const auto& edit : fix.edits) {
      edits.push_back(&edit);
      taken.push_back(edit.range);
    }
    ++result.applied;
    result.rules.push_back(diagnostic.rule);
  }
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit* a, const TextEdit* b) { return a->range.begin < b->range.begin; });
  result.text.reserve(text.size());
  std::size_t cursor = 0;
  for (const auto* edit : edits) {
    result.text.append(text.substr(cursor, edit->range.begin - cursor));
    result.text.append(edit->replacement);
    cursor = edit->range.end;
  }
  result.text.append(text.substr(cursor));
  return result;
}

FixOutcome fix_until_stable(const std::string& path, std::string text, Registry registry,
                            const LintOptions& options, bool unsafe, int max_passes) {
  FixOutcome outcome;
  for (int pass = 0; pass < max_passes; ++pass) {
    const auto document = doc::build_document(source::SourceFile(path, text));
    const auto result = lint(document, registry, options);
    auto fixed = apply_fixes(text, result.diagnostics, unsafe);
    if (fixed.applied == 0 || fixed.text == text) {
      outcome.text = std::move(text);
      return outcome;
    }
    outcome.applied += fixed.applied;
    outcome.rules.insert(outcome.rules.end(), fixed.rules.begin(), fixed.rules.end());
    text = std::move(fixed.text);
  }
  outcome.text = std::move(text);
  outcome.converged = false;
  return outcome;
}

}  // namespace baton::engine
