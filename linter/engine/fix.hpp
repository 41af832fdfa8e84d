#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lint.hpp"

namespace baton::engine {

struct AppliedFixes {
  std::string text;
  std::size_t applied = 0;
  std::vector<const RuleMeta*> rules;  // the rule of each applied fix (--show-fixes)
};

// Whether apply_fixes would take `diagnostic`'s fix, overlaps aside.
bool fix_applies(const Diagnostic& diagnostic, bool unsafe);

// Applies the fixes of `diagnostics` (safe ones; unsafe ones too when
// `unsafe`), skipping any fix whose edits overlap one already taken.
AppliedFixes apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics, bool unsafe);

struct FixOutcome {
  std::string text;
  std::size_t applied = 0;
  std::vector<const RuleMeta*> rules;  // the rule of each applied fix, over every pass
  bool converged = true;  // false when fixes kept changing the text
};

// Lints, fixes and re-lints until no fix applies (fixes may enable others,
// and must never undo each other). Gives up after `max_passes`.
FixOutcome fix_until_stable(const std::string& path, std::string text, Registry registry,
                            const LintOptions& options, bool unsafe, int max_passes = 10);

}  // namespace baton::engine
