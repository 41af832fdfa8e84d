// Document build + every rule + the text renderer + fixes: the whole
// `baton check --fix` pipeline on one arbitrary input.
#include <array>

#include "document/document.hpp"
#include "engine/fix.hpp"
#include "engine/lint.hpp"
#include "format/report.hpp"
#include "fuzz_support.hpp"
#include "rules/registry.hpp"
#include "rules/safety/hidden.hpp"
#include "rules/safety/injection.hpp"
#include "rules/safety/invisible.hpp"

namespace baton::fuzz {

namespace {

// The security scanners' own promises, beyond not crashing: ranges inside
// the text, in order, not overlapping.
void check_security_scanners(const doc::Document& built) {
  const auto text = built.source().text();
  std::size_t end = 0;
  for (const auto& run : rules::safety::find_invisible_runs(text)) {
    if (run.offset < end || run.offset + run.length > text.size() || run.code_points.empty()) __builtin_trap();
    end = run.offset + run.length;
  }
  end = 0;
  for (const auto& match : rules::safety::find_injections(text)) {
    if (match.offset < end || match.offset + match.length > text.size() || match.length == 0) __builtin_trap();
    end = match.offset + match.length;
  }
  for (const auto& hidden : rules::safety::find_hidden_texts(built).items) {
    if (hidden.content.begin > hidden.content.end || hidden.content.end > text.size()) __builtin_trap();
    const auto content = built.text(hidden.content);
    for (const auto& found : {rules::safety::find_agent_address(content), rules::safety::find_command(content)}) {
      if (found.found && found.offset + found.length > content.size()) __builtin_trap();
    }
  }
}

}  // namespace

int document(const std::uint8_t* data, std::size_t size) {
  const std::string text(as_text(data, size));
  const auto built = doc::build_document(source::SourceFile("fuzz.md", text));
  engine::LintOptions options;
  options.home = "/home/fuzz";  // offers the ~/ fixes too
  auto result = engine::lint(built, rules::registry(), options);
  check_security_scanners(built);

  const std::array<format::FileReport, 1> reports{
      format::FileReport{&built.source(), std::move(result.diagnostics), {}}};
  format::RenderOptions render_options;
  render_options.rules = rules::registry();
  NullStream out;
  format::render(format::OutputFormat::text, reports, render_options, out);

  // Fixes must apply cleanly and keep the text a valid input.
  const auto fixed = engine::fix_until_stable("fuzz.md", text, rules::registry(), options,
                                              /*unsafe=*/true, /*max_passes=*/3);
  (void)doc::build_document(source::SourceFile("fuzz.md", fixed.text));
  return 0;
}

}  // namespace baton::fuzz

BATON_FUZZ_ENTRY(document)
