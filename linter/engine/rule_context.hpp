#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "engine/profile.hpp"
#include "engine/profile_spec.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

struct LintOptions;

// How many findings one rule reports in one file. Past it, findings are
// counted, not kept: a hostile file with millions of placeholders would
// otherwise cost gigabytes and minutes to report. lint() adds one finding
// that says how many were left out.
inline constexpr std::size_t max_findings_per_rule = 1000;

// Values derived from the document once per lint and shared by every rule
// that needs them (the parsed 1.20 YAML state, say), so that three rules do
// not parse the same block three times. One cache per engine::lint() call.
class LintCache {
 public:
  // The value of type T, computed by `compute()` on first use. One slot per
  // type: give each cached value a type of its own.
  template <typename T, typename Compute>
  const T& get(Compute&& compute) {
    for (const auto& [key, value] : slots_) {
      if (key == &key_of<T>) return *static_cast<const T*>(value.get());
    }
    auto value = std::make_shared<T>(std::forward<Compute>(compute)());
    const T& stored = *value;
    slots_.emplace_back(&key_of<T>, std::move(value));
    return stored;
  }

 private:
  template <typename T>
  static constexpr char key_of = 0;
  std::vector<std::pair<const void*, std::shared_ptr<const void>>> slots_;
};

// What a check sees: the document, its options, and a sink that stamps the
// rule and its severity on every report.
class RuleContext {
 public:
  RuleContext(const doc::Document& document, const RuleMeta& rule, Severity severity,
              const LintOptions& options, std::vector<Diagnostic>& sink, LintCache& cache,
              const ProfileSpec* profile_spec = nullptr, DetectedBy detected_by = DetectedBy::none,
              Profile profile = Profile::unknown)
      : document_(document), rule_(rule), severity_(severity), options_(options), sink_(sink),
        cache_(cache), profile_spec_(profile_spec), detected_by_(detected_by), profile_(profile) {}

  const doc::Document& document() const { return document_; }
  const LintOptions& options() const { return options_; }
  const RuleMeta& rule() const { return rule_; }
  // Shared with the other rules of this lint.
  LintCache& cache() const { return cache_; }
  // The spec of the document's profile when it is defined as data, else nullptr.
  const ProfileSpec* profile_spec() const { return profile_spec_; }
  // How the document's profile was chosen: a rule may trust a profile the
  // user chose (flag, config, marker) more than one guessed from a name.
  DetectedBy detected_by() const { return detected_by_; }
  // The document's profile: a rule shared by several reads a mark by the
  // conventions of the file it is in (a free-form note is no template).
  Profile profile() const { return profile_; }

  // The finding, for the caller to add a fix or related locations to; past
  // max_findings_per_rule a scratch finding that is dropped.
  Diagnostic& report(TextRange range, std::string message) {
    if (reported_ >= max_findings_per_rule) {
      ++left_out_;
      dropped_ = Diagnostic{};
      return dropped_;
    }
    ++reported_;
    sink_.push_back(Diagnostic{&rule_, severity_, range, std::move(message), {}, {}, {}, {}});
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
  LintCache& cache_;
  const ProfileSpec* profile_spec_;
  DetectedBy detected_by_;
  Profile profile_;
  std::size_t reported_ = 0;
  std::size_t left_out_ = 0;
  Diagnostic dropped_;
};

}  // namespace baton::engine
