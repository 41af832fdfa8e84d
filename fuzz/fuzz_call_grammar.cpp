// The PEGTL call grammar on arbitrary fenced-block content.
#include "fuzz_support.hpp"
#include "grammar/call_ast.hpp"

namespace baton::fuzz {

int call_grammar(const std::uint8_t* data, std::size_t size) {
  const auto text = as_text(data, size);
  const auto scan = grammar::scan_calls(text, 7);
  // Every range the scan reports lies inside the scanned text.
  for (const auto& call : scan.calls) {
    if (call.range.begin < 7 || call.range.end > 7 + size || call.range.begin > call.range.end)
      __builtin_trap();
  }
  for (const auto& error : scan.errors) {
    if (error.range.begin < 7 || error.range.end > 7 + size || error.range.begin > error.range.end)
      __builtin_trap();
  }
  return 0;
}

}  // namespace baton::fuzz

BATON_FUZZ_ENTRY(call_grammar)
