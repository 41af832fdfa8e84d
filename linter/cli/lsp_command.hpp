#pragma once

// `baton lsp`: the language server over stdio (see docs/editors.md).

#include <CLI/CLI.hpp>
#include <istream>
#include <ostream>

namespace baton::cli {

class LspCommand {
 public:
  // Registers the `lsp` subcommand on `app`; must outlive parsing.
  explicit LspCommand(CLI::App& app);
  LspCommand(const LspCommand&) = delete;
  LspCommand& operator=(const LspCommand&) = delete;

  bool parsed() const;

  // Serves one client on `in`/`out` until `exit`; 0 when `shutdown` came
  // first, 1 otherwise. `err` gets the server's log lines.
  int run(std::istream& in, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* lsp_ = nullptr;
  bool stdio_ = false;
};

}  // namespace baton::cli
