// Document build + every rule + the text renderer + fixes: the whole
// `baton check --fix` pipeline on one arbitrary input.
#include <array>

#include "document/document.hpp"
#include "engine/fix.hpp"
#include "engine/lint.hpp"
#include "format/report.hpp"
#include "fuzz_support.hpp"
#include "rules/registry.hpp"

namespace baton::fuzz {

int document(const std::uint8_t* data, std::size_t size) {
  const std::string text(as_text(data, size));
  const auto built = doc::build_document(source::SourceFile("fuzz.md", text));
  engine::LintOptions options;
  options.home = "/home/fuzz";  // offers the ~/ fixes too
  auto result = engine::lint(built, rules::registry(), options);

  const std::array<format::FileReport, 1> reports{
      format::FileReport{&built.source(), std::move(result.diagnostics)}};
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
