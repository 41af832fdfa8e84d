#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/diagnostic.hpp"
#include "engine/rule.hpp"

namespace baton::engine {

struct LintOptions;

// An inline directive in an HTML comment:
//   <!-- baton-disable RULE... -->            from here until baton-enable
//   <!-- baton-enable [RULE...] -->
//   <!-- baton-disable-next-line RULE... -->  the next line
//   <!-- baton-disable-line RULE... -->       this line
//   <!-- baton-disable-file RULE... -->       the whole file
// Rules by code or name, separated by blanks or commas; none means every
// rule; text after "--" is a reason and ignored.
struct Directive {
  enum class Kind { disable, enable, disable_next_line, disable_line, disable_file };
  struct Rule {
    std::string written;         // as in the comment
    source::TextRange range;     // of the written name
    const RuleMeta* rule = nullptr;  // nullptr when unknown
  };
  Kind kind = Kind::disable;
  source::TextRange range;  // the whole comment
  std::uint32_t line = 0;   // 1-based line of the comment
  std::vector<Rule> rules;  // empty: every rule
};

std::vector<Directive> parse_directives(const doc::Document& document, Registry registry);

// Drops the diagnostics the directives suppress, then reports directive
// problems with the registry's directive rules (unknown rule, unused
// directive, disable never closed) when they are in the registry.
void apply_directives(const doc::Document& document, Registry registry, const LintOptions& options,
                      std::vector<Diagnostic>& diagnostics);

}  // namespace baton::engine
