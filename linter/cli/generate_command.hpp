#pragma once

// `baton generate SESSION.jsonl`: a spellbook-handoff skeleton from a Claude
// Code session (see docs/generator.md).

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "generate/render.hpp"
#include "generate/world.hpp"

namespace baton::cli {

// The real world: the file system, git through posix_spawn, the clock, $HOME.
class SystemWorld : public generate::World {
 public:
  generate::FileState file_state(const std::string& path) const override;
  std::optional<generate::GitState> git_state(const std::string& directory) const override;
  std::string now_utc() const override;
  std::optional<std::string> home() const override;
  std::string working_directory() const override;
};

class GenerateCommand {
 public:
  // Registers the `generate` subcommand on `app`; must outlive parsing.
  explicit GenerateCommand(CLI::App& app);
  GenerateCommand(const GenerateCommand&) = delete;
  GenerateCommand& operator=(const GenerateCommand&) = delete;

  bool parsed() const;

  // 0 when the handoff was written, 2 on a usage or I/O error (missing or
  // unreadable session, existing output without --force, unwritable output).
  int run(std::ostream& out, std::ostream& err, const generate::World& world) const;

 private:
  CLI::App* generate_ = nullptr;
  std::string session_;
  std::optional<std::string> out_;
  std::optional<std::string> project_dir_;
  bool force_ = false;
  bool section0_only_ = false;
  std::size_t max_lines_ = generate::read_call_lines;
  std::size_t max_bytes_ = generate::read_call_bytes;
};

}  // namespace baton::cli
