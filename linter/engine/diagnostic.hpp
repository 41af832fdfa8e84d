#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/text_range.hpp"

namespace baton::engine {

using source::TextRange;

enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

// Whether a rule offers a fix, and whether applying it can change meaning.
enum class FixSafety { none, safe, unsafe };

std::string_view to_string(FixSafety safety);

struct TextEdit {
  TextRange range;
  std::string replacement;
};

struct Fix {
  std::string title;
  FixSafety safety = FixSafety::safe;
  std::vector<TextEdit> edits;
};

// A second location that explains a diagnostic (the 0.1 call a 1.14 call disagrees with, ...).
struct RelatedLocation {
  TextRange range;
  std::string message;
};

struct RuleMeta;

// Why a finding that would have been dropped is still reported, marked:
// an inline directive silenced it (in_source) or a baseline knows it
// (external). Only with LintOptions::keep_suppressed / --include-suppressed.
struct Suppression {
  enum class Kind { in_source, external };
  Kind kind = Kind::in_source;
  std::string justification;  // the directive as written, or the baseline file
};

// How a finding compares with the baseline of the run, when there is one.
enum class BaselineState { not_compared, new_finding, unchanged };

struct Diagnostic {
  const RuleMeta* rule = nullptr;
  Severity severity = Severity::error;
  TextRange range;
  std::string message;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  std::optional<Suppression> suppression;
  BaselineState baseline_state = BaselineState::not_compared;
};

}  // namespace baton::engine
