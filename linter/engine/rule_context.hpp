#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/profile_spec.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

struct LintOptions;

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

  Diagnostic& report(TextRange range, std::string message) {
    sink_.push_back(Diagnostic{&rule_, severity_, range, std::move(message), {}, {}});
    return sink_.back();
  }

 private:
  const doc::Document& document_;
  const RuleMeta& rule_;
  Severity severity_;
  const LintOptions& options_;
  std::vector<Diagnostic>& sink_;
  const ProfileSpec* profile_spec_;
};

}  // namespace baton::engine
