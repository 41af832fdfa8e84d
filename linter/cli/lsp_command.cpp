#include "cli/lsp_command.hpp"

#include <iostream>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace baton::cli {

LspCommand::LspCommand(CLI::App& app) {
  lsp_ = app.add_subcommand("lsp", "Run the language server on stdin/stdout (LSP 3.17)");
  lsp_->add_flag("--stdio", stdio_, "Talk over stdin/stdout (the default and only transport)");
  lsp_->footer("Exit status: 0 after shutdown and exit, 1 when the client exits without shutdown.");
}

bool LspCommand::parsed() const {
  return lsp_->parsed();
}

int LspCommand::run(std::istream& in, std::ostream& out, std::ostream& err) const {
  // Nothing has been read or written yet: large frames go through the
  // stream buffers, not through stdio one character at a time.
  if (&in == &std::cin)
    std::ios::sync_with_stdio(false);
  lsp::Transport transport(in, out, lsp::Framing::content_length);
  return lsp::serve(transport, &err);
}

}  // namespace baton::cli
