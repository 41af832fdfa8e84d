#include "cli/init_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "cli/cli.hpp"
#include "cli/fix_output.hpp"
#include "engine/config.hpp"
#include "engine/config_resolver.hpp"
#include "rules/registry.hpp"

namespace baton::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view header =
    R"(// baton configuration, written by `baton init --profile {profile}`.
// JSON with comments. Every key: docs/configuration.md; profiles: docs/profiles.md;
// JSON Schema: `baton config --schema`. The nearest .baton.json above a file applies.
{{
)";

constexpr std::string_view common_keys = R"(
  // Severity per rule, by code or name: "error", "warning", "info" or "off".
  // `baton rules` lists every rule; `baton explain NAME` explains one.
  "rules": {{
    // "title-drift": "off"
  }},

  // Settings for the files matching globs (relative to this file); later entries win.
  "overrides": [
    // {{"files": ["drafts/**"], "rules": {{"HP102": "warning"}}}}
  ],

  // Files a directory scan skips (a file named on the command line is still linted).
  "ignore": [
    // "archive/**"
  ]
}}
)";

constexpr std::string_view builtin_profiles =
    R"(  // Files linted as {profile} whatever their content; `baton check .` picks
  // them up too. Other files are still recognised by their content.
  "profiles": {{
    "{profile}": [{globs}]
  }},
)";

constexpr std::string_view custom_profile =
    R"(  // A handoff format of your own, as data (docs/profiles.md). Rename it, and
  // list the sections your handoffs must have, in order.
  "profile_definitions": {{
    "team-handoff": {{
      "description": "Our handoff between pairing sessions",
      // Detection: files matching these globs (relative to this file) ...
      "files": ["handoffs/**/*.md"],
      // ... or a first heading matching this regular expression (case-insensitive).
      "title": "^Team handoff:",
      // Report sections that are out of this order (section-order-mismatch).
      "ordered": true,
      "sections": [
        // A heading whose title is the name (any case); "level" pins it to ##.
        {{"name": "Goal", "level": 2}},
        // "empty_markers": what may stand in for content when there is none.
        {{"name": "State", "level": 2, "empty_markers": ["Nothing changed"]}},
        // "required": false: may be left out, but is checked when present.
        {{"name": "Risks", "level": 2, "required": false, "empty_markers": ["None"]}},
        // "absolute_paths": every entry names an absolute path.
        {{"name": "Files", "level": 2, "absolute_paths": true, "empty_markers": ["None"]}},
        // "heading": a regular expression instead of the name; "calls": the
        // section must hold one of these calls (Skill(...), Task(...)).
        {{"name": "Next Step", "heading": "^Next (step|action)$", "level": 2, "calls": ["Skill", "Task"]}}
      ]
    }}
  }},
)";

struct BuiltinScaffold {
  std::string_view profile;
  std::string_view globs;
};

constexpr BuiltinScaffold builtin_scaffolds[] = {
    {"spellbook-handoff", R"("**/distilled/**/*.md")"},
    {"spellbook-develop", R"("**/HANDOFF.md", "**/handoffs/*.md")"},
    {"implementation-prompt", R"("**/*implementation-prompt*.md", "**/IMPLEMENTATION_PROMPT.md")"},
};

constexpr std::string_view custom_scaffold = "custom";

// Creates `path` with `text` unless it exists: a temporary file in the same
// directory, flushed, then linked to its name (link() never replaces a file).
std::optional<std::string> create_atomically(const fs::path& path, std::string_view text) {
  auto temp = path.string() + ".baton-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0)
    return std::string("cannot create a temporary file: ") + std::strerror(errno);
  auto fail = [&](const std::string& what) {
    const std::string message = what + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(name.data());
    return message;
  };
  // mkstemp creates 0600; a configuration file is as readable as any other.
  const auto mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0)
    return fail("cannot set permissions");
  std::size_t written = 0;
  while (written < text.size()) {
    const auto count = ::write(fd, text.data() + written, text.size() - written);
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0)
      return fail("cannot write");
    written += static_cast<std::size_t>(count);
  }
  if (::fsync(fd) != 0)
    return fail("cannot flush");
  if (::close(fd) != 0) {
    const std::string message = std::string("cannot close: ") + std::strerror(errno);
    ::unlink(name.data());
    return message;
  }
  const int linked = ::link(name.data(), path.c_str());
  const int link_errno = errno;
  ::unlink(name.data());
  if (linked != 0) {
    return link_errno == EEXIST
               ? std::string("the file exists; use --force to replace it")
               : std::string("cannot create the file: ") + std::strerror(link_errno);
  }
  return std::nullopt;
}

}  // namespace

std::string init_profile_names() {
  std::string names;
  for (const auto& scaffold : builtin_scaffolds)
    names += std::string(scaffold.profile) + ", ";
  return names + std::string(custom_scaffold);
}

std::optional<std::string> init_config_text(std::string_view profile) {
  if (profile == custom_scaffold) {
    return fmt::format(fmt::runtime(header), fmt::arg("profile", profile)) +
           fmt::format(fmt::runtime(custom_profile)) + fmt::format(fmt::runtime(common_keys));
  }
  for (const auto& scaffold : builtin_scaffolds) {
    if (scaffold.profile != profile)
      continue;
    return fmt::format(fmt::runtime(header), fmt::arg("profile", profile)) +
           fmt::format(fmt::runtime(builtin_profiles), fmt::arg("profile", profile),
                       fmt::arg("globs", scaffold.globs)) +
           fmt::format(fmt::runtime(common_keys));
  }
  return std::nullopt;
}

InitCommand::InitCommand(CLI::App& app) {
  init_ = app.add_subcommand("init", "Write a commented .baton.json for a profile");
  init_
      ->add_option(
          "--profile", profile_,
          "The profile to configure (" + init_profile_names() + "; default: spellbook-handoff)")
      ->type_name("NAME");
  init_
      ->add_option("--dir", directory_,
                   "Write the file into this directory (default: the current one)")
      ->type_name("DIR");
  init_->add_flag("--force", force_, "Replace an existing .baton.json");
  init_->footer(
      "Exit status: 0 written, 2 usage or I/O error (an existing file is left untouched).");
}

bool InitCommand::parsed() const {
  return init_->parsed();
}

int InitCommand::run(std::ostream& out, std::ostream& err) const {
  const auto text = init_config_text(profile_);
  if (!text) {
    err << "baton: error: init: unknown profile '" << profile_
        << "' (profiles: " << init_profile_names() << ")\n";
    return exit_usage_or_io;
  }
  // What init writes must be a configuration baton accepts.
  const auto path = fs::path(directory_) / engine::config_file_name;
  const auto parsed = engine::parse_config(*text, path.string(), rules::registry());
  if (const auto* failure = std::get_if<engine::ConfigError>(&parsed)) {
    err << "baton: error: internal error: the scaffold does not parse: " << failure->message
        << '\n';
    return exit_usage_or_io;
  }
  std::error_code ec;
  if (!fs::is_directory(directory_, ec)) {
    err << "baton: error: init: not a directory: " << directory_ << '\n';
    return exit_usage_or_io;
  }
  const bool exists = fs::exists(fs::symlink_status(path, ec));
  if (exists && !force_) {
    err << "baton: error: " << path.string() << " exists; use --force to replace it\n";
    return exit_usage_or_io;
  }
  auto failure = exists ? write_atomically(path, *text) : create_atomically(path, *text);
  if (failure) {
    err << "baton: error: cannot write " << path.string() << ": " << *failure << '\n';
    return exit_usage_or_io;
  }
  out << "Wrote " << path.string() << " for the " << profile_ << " profile\n";
  return exit_ok;
}

}  // namespace baton::cli
