// The LSP transport (Content-Length framing) and the dispatcher: the bytes
// are what a client writes to `baton lsp`.
#include <sstream>

#include "fuzz_support.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace baton::fuzz {

int lsp(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(as_text(data, size)));
  NullStream out;
  // A small frame limit so that the fuzzer reaches the oversized-frame path.
  lsp::Transport transport(in, out, lsp::Framing::content_length, 1 << 16);
  (void)lsp::serve(transport, nullptr);
  return 0;
}

}  // namespace baton::fuzz

BATON_FUZZ_ENTRY(lsp)
