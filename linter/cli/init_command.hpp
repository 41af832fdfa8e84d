#pragma once

// `baton init`: writes a commented `.baton.json` for a profile (docs/profiles.md).

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace baton::cli {

// The profiles `baton init --profile` offers: the built-ins, and "custom"
// for a scaffold with an example profile definition.
std::string init_profile_names();

// The commented configuration `baton init` writes for `profile`; nullopt for
// a name it does not offer.
std::optional<std::string> init_config_text(std::string_view profile);

class InitCommand {
 public:
  // Registers the `init` subcommand on `app`; must outlive parsing.
  explicit InitCommand(CLI::App& app);
  InitCommand(const InitCommand&) = delete;
  InitCommand& operator=(const InitCommand&) = delete;

  bool parsed() const;

  // Writes `.baton.json` into the directory (default: the current one),
  // atomically and never over an existing file without --force.
  int run(std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* init_ = nullptr;
  std::string profile_ = "spellbook-handoff";
  std::string directory_ = ".";
  bool force_ = false;
};

}  // namespace baton::cli
