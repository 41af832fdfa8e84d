#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/profile_spec.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

struct LintOptions;

// How many findings one rule reports in one file. Past it, findings are
// counted, not kept: a hostile file with millions of placeholders would
// otherwise cost gigabytes and minutes to report. lint() adds one finding
// that says how many were left out.
inline constexpr std::size_t max_findings_per_rule = 1000;

// What a check sees: the document, its options, and a sink that stamps the
// rule and its severity on every report.
class RuleContext {
 public:
  RuleContext(const doc::Document& document, const RuleMeta& rule, Severity severity,
              const LintOptions& options, std::vector<Diagnostic>& sink,
              const ProfileSpec* profile_spec = nullptr)
      : document_(document), rule_(rule), severity_(severity), options_(options), sink_(sink),
        profile_spec_(profile_spec) {}

  const doc::Document& document() const { return document_; }
  const LintOptions& options() const { return options_; }
  const RuleMeta& rule() const { return rule_; }
  // The spec of the document's profile when it is defined as data, else nullptr.
  const ProfileSpec* profile_spec() const { return profile_spec_; }

  // The finding, for the caller to add a fix or related locations to; past
  // max_findings_per_rule a scratch finding that is dropped.
  Diagnostic& report(TextRange range, std::string message) {
    if (reported_ >= max_findings_per_rule) {
      ++left_out_;
      dropped_ = Diagnostic{};
      return dropped_;
    }
    ++reported_;
    sink_.push_back(Diagnostic{&rule_, severity_, range, std::move(message), {}, {}});
    return sink_.back();
  }

  // Findings past max_findings_per_rule, counted but not kept.
  std::size_t left_out() const { return left_out_; }
  Severity severity() const { return severity_; }

 private:
  const doc::Document& document_;
  const RuleMeta& rule_;
  Severity severity_;
  const LintOptions& options_;
  std::vector<Diagnostic>& sink_;
  const ProfileSpec* profile_spec_;
  std::size_t reported_ = 0;
  std::size_t left_out_ = 0;
  Diagnostic dropped_;
};

}  // namespace baton::engine
