#include "cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <exception>
#include <iostream>
#include <optional>

#include "baton/version.hpp"
#include "cli/inputs.hpp"
#include "cli/sessions_command.hpp"
#include "document/document.hpp"
#include "engine/lint.hpp"
#include "format/report.hpp"
#include "format/rule_docs.hpp"
#include "rules/registry.hpp"

namespace baton::cli {

namespace {


std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty())
      joined += separator;
    joined += item;
  }
  return joined;
}

std::vector<std::string> check_format_names() {
  std::vector<std::string> names;
  for (auto format : format::output_formats())
    names.emplace_back(format::to_string(format));
  return names;
}

std::string profile_names() {
  std::vector<std::string> names;
  for (auto profile : engine::selectable_profiles())
    names.emplace_back(engine::to_string(profile));
  return join(names, ", ");
}

struct CheckArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  std::optional<std::string> profile;
  std::optional<std::string> stdin_filename;
  bool no_color = false;
  bool quiet = false;
  bool check_filesystem = false;
};

struct ExplainArguments {
  std::string rule;
  std::string format = "text";
};

struct RulesArguments {
  std::string format = "text";
};

int run_check(const CheckArguments& arguments, std::istream& in, std::ostream& out,
              std::ostream& err, const Environment& env) {
  engine::LintOptions lint_options;
  if (arguments.check_filesystem) {
    lint_options.check_filesystem = true;
    lint_options.file_exists = [](std::string_view path) {
      std::error_code error;
      return std::filesystem::exists(std::filesystem::path(path), error);
    };
  }
  if (arguments.profile) {
    lint_options.profile = engine::parse_profile(*arguments.profile);
    if (!lint_options.profile || *lint_options.profile == engine::Profile::unknown) {
      err << "baton: error: unknown profile '" << *arguments.profile
          << "' (valid profiles: " << profile_names() << ")\n";
      return exit_usage_or_io;
    }
  }
  const auto paths = arguments.paths.empty() ? std::vector<std::string>{"."} : arguments.paths;
  if (arguments.stdin_filename && std::find(paths.begin(), paths.end(), "-") == paths.end()) {
    err << "baton: error: --stdin-filename names the input read from '-', and no '-' was given\n";
    return exit_usage_or_io;
  }
  // The format names come from a validator, so this always succeeds.
  const auto output_format =
      format::parse_output_format(arguments.format).value_or(format::OutputFormat::text);

  auto collected = collect_inputs(paths, arguments.stdin_filename.value_or("<stdin>"), err);
  if (collected.failed && collected.inputs.empty())
    return exit_usage_or_io;
  if (collected.inputs.empty()) {
    err << "baton: error: no files to lint (" << join(paths, " ")
        << ": no file matches the default globs *handoff*.md, *implementation-prompt*.md, "
           "IMPLEMENTATION_PROMPT.md, HANDOFF.md, distilled/**/*.md, or carries a "
           "<!-- baton-profile NAME --> marker; name a file to lint it anyway)\n";
    return exit_usage_or_io;
  }

  bool io_failed = collected.failed;
  // Reports point into the documents, so they live until rendering is done.
  std::deque<doc::Document> documents;
  std::vector<format::FileReport> reports;
  for (const auto& input : collected.inputs) {
    std::string error;
    auto text = input.from_stdin ? read_stream(in, error) : read_file(input.path, error);
    if (!text) {
      err << "baton: error: cannot read " << input.display_path << ": " << error << '\n';
      io_failed = true;
      continue;
    }
    try {
      const auto& document = documents.emplace_back(
          doc::build_document(source::SourceFile(input.display_path, std::move(*text))));
      auto result = engine::lint(document, rules::registry(), lint_options);
      reports.push_back({&document.source(), std::move(result.diagnostics)});
    } catch (const std::exception& exception) {
      err << "baton: error: internal error while linting " << input.display_path << ": "
          << exception.what() << '\n';
      io_failed = true;
    }
  }

  if (arguments.quiet) {
    for (auto& report : reports) {
      std::erase_if(report.diagnostics, [](const engine::Diagnostic& diagnostic) {
        return diagnostic.severity != engine::Severity::error;
      });
    }
  }

  format::RenderOptions render_options;
  render_options.color = output_format == format::OutputFormat::text && !arguments.no_color &&
                         !env.no_color && (env.force_color || env.stdout_is_terminal);
  render_options.summary = !arguments.quiet;
  if (!reports.empty() || !io_failed) {
    format::render(output_format, reports, render_options, out);
  }
  out.flush();

  if (io_failed)
    return exit_usage_or_io;
  return format::count_severities(reports).errors > 0 ? exit_errors_found : exit_ok;
}

const engine::RuleMeta* find_rule_or_report(std::string_view code_or_name, std::ostream& err) {
  const auto* rule = engine::find_rule(rules::registry(), code_or_name);
  if (!rule) {
    err << "baton: error: unknown rule '" << code_or_name
        << "' (`baton rules` lists every rule by code and name)\n";
  }
  return rule;
}

int run_explain(const ExplainArguments& arguments, std::ostream& out, std::ostream& err) {
  const auto* rule = find_rule_or_report(arguments.rule, err);
  if (!rule)
    return exit_usage_or_io;
  if (arguments.format == "json") {
    out << format::rule_json(*rule).dump(2, ' ', false,
                                         nlohmann::ordered_json::error_handler_t::replace)
        << '\n';
  } else if (arguments.format == "markdown") {
    out << format::rule_page_markdown(*rule);
  } else {
    format::print_rule_text(*rule, out);
  }
  return exit_ok;
}

int run_rules(const RulesArguments& arguments, std::ostream& out) {
  if (arguments.format == "json") {
    auto rules = nlohmann::ordered_json::array();
    for (const auto* rule : rules::registry())
      rules.push_back(format::rule_json(*rule));
    out << rules.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else {
    format::print_rules_table(rules::registry(), out);
  }
  return exit_ok;
}

constexpr std::string_view exit_status_help =
    "Exit status: 0 no errors, 1 at least one error, 2 usage or I/O error.";

}  // namespace

Environment environment_from_process() {
  Environment env;
  env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && *no_color != '\0';
  const char* force_color = std::getenv("FORCE_COLOR");
  env.force_color =
      force_color != nullptr && *force_color != '\0' && std::string_view(force_color) != "0";
  return env;
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, const Environment& env) {
  CLI::App app("Linter for agent handoff prompts (markdown boot prompts).", "baton");
  app.set_version_flag("--version", std::string("baton ") + baton::version,
                       "Print the version and exit");
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.require_subcommand(1);
  app.footer(std::string(exit_status_help));

  CheckArguments check_arguments;
  auto* check = app.add_subcommand("check", "Lint handoff prompts");
  check
      ->add_option("PATH", check_arguments.paths,
                   "Files, directories (searched recursively for handoff prompts) or - for "
                   "stdin; default: .")
      ->type_name("");
  check->add_option("--format", check_arguments.format, "Output format (default: text)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember(check_format_names()));
  check
      ->add_option(
          "--profile", check_arguments.profile,
          "Lint every file under this profile instead of detecting it (" + profile_names() + ")")
      ->type_name("NAME");
  check
      ->add_option("--stdin-filename", check_arguments.stdin_filename,
                   "Name to report for the input read from - (default: <stdin>)")
      ->type_name("NAME");
  check->add_flag("--check-fs", check_arguments.check_filesystem,
                  "Also report Read() targets and planning documents missing on disk");
  check->add_flag("--no-color", check_arguments.no_color,
                  "Never colour the output (also: NO_COLOR set; FORCE_COLOR forces colour)");
  check->add_flag("-q,--quiet", check_arguments.quiet,
                  "Report only errors (no warnings or infos) and leave out the summary line");
  check->footer(std::string(exit_status_help));

  ExplainArguments explain_arguments;
  auto* explain = app.add_subcommand("explain", "Show the documentation of a rule");
  explain
      ->add_option("RULE", explain_arguments.rule, "Rule code (HP102) or name (skill-call-missing)")
      ->type_name("")
      ->required();
  explain->add_option("--format", explain_arguments.format, "Output format (default: text)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "markdown"}));

  RulesArguments rules_arguments;
  auto* rules_command = app.add_subcommand("rules", "List every rule");
  rules_command->add_option("--format", rules_arguments.format, "Output format (default: text)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}));

  SessionsCommand sessions_command(app);

  if (args.empty()) {
    err << app.help();
    return exit_usage_or_io;
  }
  // CLI11 would only say "A subcommand is required" for a mistyped command.
  const auto& first = args.front();
  if (!first.empty() && first.front() != '-' &&
      app.get_subcommands([&first](CLI::App* command) { return command->get_name() == first; })
          .empty()) {
    std::vector<std::string> commands;
    for (const auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
      commands.push_back(command->get_name());
    }
    err << "baton: error: unknown command '" << first << "' (commands: " << join(commands, ", ")
        << ")\nRun 'baton --help' for usage.\n";
    return exit_usage_or_io;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::Success& success) {
    // --help and --version.
    return app.exit(success, out, err);
  } catch (const CLI::ParseError& error) {
    err << "baton: error: " << error.what() << "\nRun 'baton --help' for usage.\n";
    return exit_usage_or_io;
  }

  try {
    if (check->parsed())
      return run_check(check_arguments, in, out, err, env);
    if (explain->parsed())
      return run_explain(explain_arguments, out, err);
    if (rules_command->parsed())
      return run_rules(rules_arguments, out);
    if (sessions_command.parsed())
      return sessions_command.run(out, err);
  } catch (const std::exception& exception) {
    err << "baton: error: internal error: " << exception.what() << '\n';
    return exit_usage_or_io;
  }
  err << app.help();
  return exit_usage_or_io;
}

int main(int argc, char** argv) {
  doc::initialize_markdown();
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i)
    args.emplace_back(argv[i]);
  const int code = run(args, std::cin, std::cout, std::cerr, environment_from_process());
  std::cout.flush();
  return code;
}

}  // namespace baton::cli
