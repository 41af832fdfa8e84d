#include "cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <system_error>
#include <variant>

#include "baton/version.hpp"
#include "cli/baseline.hpp"
#include "cli/check_outputs.hpp"
#include "cli/config_command.hpp"
#include "engine/config_resolver.hpp"
#include "cli/fix_output.hpp"
#include "cli/generate_command.hpp"
#include "cli/hook_command.hpp"
#include "cli/init_command.hpp"
#include "cli/inputs.hpp"
#include "cli/lsp_command.hpp"
#include "cli/mcp_command.hpp"
#include "cli/parallel.hpp"
#include "cli/sessions_command.hpp"
#include "document/document.hpp"
#include "engine/fix.hpp"
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

std::string check_format_names() {
  std::vector<std::string> names;
  for (auto format : format::output_formats())
    names.emplace_back(format::to_string(format));
  return join(names, ", ");
}

std::string profile_names() {
  std::vector<std::string> names;
  for (auto profile : engine::selectable_profiles())
    names.emplace_back(engine::to_string(profile));
  return join(names, ", ");
}

struct CheckArguments {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // FORMAT or FORMAT:PATH; none is text to stdout
  std::optional<std::string> output_file;
  std::optional<std::string> profile;
  std::optional<std::string> stdin_filename;
  bool no_color = false;
  bool quiet = false;
  bool verbose = false;
  bool check_filesystem = false;
  std::optional<std::string> config;
  std::vector<std::string> select;
  std::vector<std::string> enable;
  std::vector<std::string> ignore;
  bool strict = false;
  bool exit_zero = false;
  bool statistics = false;
  bool show_fixes = false;
  bool include_suppressed = false;
  std::optional<std::string> rule_docs_url;
  std::optional<std::size_t> max_warnings;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  std::optional<std::string> home;
  std::optional<std::string> baseline;
  std::optional<std::string> baseline_write;
  std::optional<std::uint64_t> max_file_size;
  std::optional<unsigned> jobs;  // default: every available core
};

// --select, --enable and --ignore on top of the configuration. Returns an
// error message.
std::optional<std::string> apply_rule_selection(const CheckArguments& arguments,
                                                engine::RuleSeverities& severities) {
  return engine::apply_rule_selection(rules::registry(),
                                      {arguments.select, arguments.enable, arguments.ignore}, severities);
}

struct ExplainArguments {
  std::string rule;
  std::string format = "text";
};

struct RulesArguments {
  std::string format = "text";
};

// --format github: appends the markdown summary of the run to the file named
// by $GITHUB_STEP_SUMMARY. A failure is a warning; it leaves the exit code.
void append_github_step_summary(const std::string& path,
                                std::span<const format::FileReport> reports, std::ostream& err) {
  errno = 0;
  std::ofstream summary(path, std::ios::binary | std::ios::app);
  if (summary)
    summary << format::render_github_summary(reports);
  if (summary)
    summary.close();
  if (!summary) {
    err << "baton: warning: cannot append the summary to GITHUB_STEP_SUMMARY file " << path << ": "
        << (errno != 0 ? std::generic_category().message(errno) : "write failed") << '\n';
  }
}

format::CheckedProfile checked_profile(const engine::LintResult& result) {
  return {std::string(result.profile_name()), std::string(engine::to_string(result.detected_by)),
          result.profile_reason};
}

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
  // A --profile that is no built-in may name a profile_definitions entry,
  // looked up in each file's configuration.
  std::optional<std::string> defined_profile;
  if (arguments.profile) {
    lint_options.profile = engine::parse_profile(*arguments.profile);
    if (!lint_options.profile && engine::valid_profile_definition_name(*arguments.profile)) {
      defined_profile = *arguments.profile;
    } else if (!lint_options.profile || *lint_options.profile == engine::Profile::unknown) {
      err << "baton: error: unknown profile '" << *arguments.profile
          << "' (valid profiles: " << profile_names() << ", or a name from profile_definitions)\n";
      return exit_usage_or_io;
    }
  }
  const auto paths = arguments.paths.empty() ? std::vector<std::string>{"."} : arguments.paths;
  if (arguments.stdin_filename && std::find(paths.begin(), paths.end(), "-") == paths.end()) {
    err << "baton: error: --stdin-filename names the input read from '-', and no '-' was given\n";
    return exit_usage_or_io;
  }
  auto parsed_targets = output_targets(arguments.formats, arguments.output_file);
  if (auto* bad = std::get_if<std::string>(&parsed_targets)) {
    err << "baton: error: " << *bad << '\n';
    return exit_usage_or_io;
  }
  const auto targets = std::get<std::vector<OutputTarget>>(std::move(parsed_targets));
  const auto stdout_target = std::find_if(targets.begin(), targets.end(),
                                          [](const OutputTarget& target) { return !target.path; });
  // The format people see on the terminal, if any: it decides the hints on stderr.
  const auto output_format =
      stdout_target != targets.end() ? stdout_target->format : targets.front().format;
  lint_options.keep_suppressed = arguments.include_suppressed;

  std::optional<engine::ConfigResolver> resolver;
  try {
    resolver.emplace(arguments.config ? std::optional<std::filesystem::path>(*arguments.config)
                                      : std::nullopt,
                     rules::registry());
  } catch (const engine::ConfigFailure& failure) {
    err << "baton: error: " << failure.what() << '\n';
    return exit_usage_or_io;
  }
  if (arguments.home) lint_options.home = *arguments.home;
  if (arguments.fix && std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    err << "baton: error: --fix cannot write to stdin; use --diff to see the fixes\n";
    return exit_usage_or_io;
  }
  std::optional<Baseline> baseline;
  if (arguments.baseline) {
    auto read = Baseline::read(*arguments.baseline);
    if (auto* failure = std::get_if<std::string>(&read)) {
      err << "baton: error: " << *failure << '\n';
      return exit_usage_or_io;
    }
    baseline = std::move(std::get<Baseline>(read));
  }
  // Check every option that can fail before linting anything.
  {
    engine::RuleSeverities probe;
    if (auto error = apply_rule_selection(arguments, probe)) {
      err << "baton: error: " << *error << '\n';
      return exit_usage_or_io;
    }
  }
  // A walk also picks the files that the configuration gives a profile.
  const auto configured_profile = [&](const std::filesystem::path& file) {
    try {
      const auto* resolved = resolver->for_file(file);
      return resolved && engine::ConfigResolver::settings(*resolved, file).profile.has_value();
    } catch (const engine::ConfigFailure&) {
      return false;  // reported when the file's settings are read
    }
  };

  auto collected =
      collect_inputs(paths, arguments.stdin_filename.value_or("<stdin>"), err, configured_profile);
  if (collected.failed && collected.inputs.empty())
    return exit_usage_or_io;
  if (collected.inputs.empty()) {
    err << "baton: error: no files to lint (" << join(paths, " ")
        << ": no file matches the default globs *handoff*.md, NEXT_SESSION*.md, "
           "*implementation-prompt*.md, IMPLEMENTATION_PROMPT.md, distilled/**/*.md, carries a "
           "<!-- baton-profile NAME --> marker or starts like a handoff";
    if (!collected.skipped_markdown.empty())
      err << "; " << collected.skipped_markdown.size() << " markdown files were skipped";
    err << "; name a file to lint it anyway)\n";
    if (arguments.verbose) {
      for (const auto& skipped : collected.skipped_markdown) err << "baton: skipped " << skipped << '\n';
    }
    return exit_usage_or_io;
  }
  // Say what a directory scan left out, so that a handoff under an unusual
  // name is not silently unchecked.
  if (!collected.skipped_markdown.empty() && !arguments.quiet &&
      (output_format == format::OutputFormat::text || arguments.verbose)) {
    const auto count = collected.skipped_markdown.size();
    err << "baton: skipped " << count << (count == 1 ? " markdown file" : " markdown files")
        << " with no handoff content"
        << (arguments.verbose ? ":" : " (--verbose lists them)") << '\n';
    if (arguments.verbose) {
      for (const auto& skipped : collected.skipped_markdown) err << "baton: skipped " << skipped << '\n';
    }
  }

  // Settings come first, in order, on this thread: the resolver caches and
  // reports. A configuration error ends the run after the files before it.
  struct Task {
    const Input* input = nullptr;
    engine::LintOptions options;
    doc::Limits limits;
  };
  std::vector<Task> tasks;
  std::optional<std::string> config_failure;
  for (const auto& input : collected.inputs) {
    // Settings from the nearest configuration, then the command line.
    engine::LintOptions file_options = lint_options;
    doc::Limits limits;
    if (arguments.max_file_size) limits.max_file_size = *arguments.max_file_size;
    try {
      const auto location = input.from_stdin
                                ? std::filesystem::path(arguments.stdin_filename.value_or("stdin.md"))
                                : input.path;
      if (const auto* resolved = resolver->for_file(location)) {
        const auto settings = engine::ConfigResolver::settings(*resolved, location);
        if (settings.ignored && !input.named) continue;
        file_options.rule_severities = settings.rules;
        file_options.profile_definitions = settings.profile_definitions;
        if (!arguments.profile && settings.profile) {
          file_options.profile = settings.profile;
          file_options.forced_by = engine::DetectedBy::config;
          file_options.profile_spec = settings.profile_spec;
        }
        file_options.project_root = settings.project_root;
        if (!arguments.max_file_size && settings.max_file_size)
          limits.max_file_size = *settings.max_file_size;
      }
      if (!file_options.project_root && !input.from_stdin)
        file_options.project_root = engine::enclosing_work_tree(input.path);
      if (defined_profile) {
        file_options.profile = engine::Profile::custom;
        file_options.profile_spec = engine::find_definition(file_options.profile_definitions, *defined_profile);
        if (!file_options.profile_spec) {
          config_failure = "unknown profile '" + *defined_profile + "' for " + input.display_path +
                           " (valid profiles: " + profile_names() +
                           ", or a name from the profile_definitions of its .baton.json)";
          break;
        }
      }
    } catch (const engine::ConfigFailure& failure) {
      config_failure = failure.what();
      break;
    }
    apply_rule_selection(arguments, file_options.rule_severities);
    tasks.push_back({&input, std::move(file_options), limits});
  }

  // Each file is read, fixed, parsed and linted on its own, on up to --jobs
  // threads. What a file prints is kept with it and printed below in input
  // order, so the output does not depend on the number of jobs.
  struct FileResult {
    std::string errors;  // for stderr
    std::string diff;    // --diff output
    bool io_failed = false;
    bool has_diff = false;
    std::size_t fixes_applied = 0;
    std::vector<const engine::RuleMeta*> fixed_rules;  // --show-fixes
    std::vector<engine::Diagnostic> diagnostics;
    format::CheckedProfile profile;
  };
  std::vector<FileResult> results(tasks.size());
  // What rendering needs of each file: its path, and its text when there is
  // a finding to show. The document model is dropped as soon as the file is
  // linted, so memory follows the files with findings, not the whole run.
  std::vector<std::optional<source::SourceFile>> sources(tasks.size());
  const auto lint_file = [&](std::size_t index) {
    const auto& input = *tasks[index].input;
    const auto& file_options = tasks[index].options;
    auto& result = results[index];
    try {
      const auto& limits = tasks[index].limits;
      std::string error;
      auto read = input.from_stdin ? read_stream_bounded(in, limits.max_file_size, error)
                                   : read_file_bounded(input.path, limits.max_file_size, error);
      if (!read) {
        result.errors += "baton: error: cannot read " + input.display_path + ": " + error + '\n';
        result.io_failed = true;
        return;
      }
      if (read->over_limit) {
        // Reported by HP009; never fixed: baton does not hold the whole file.
        auto document = doc::oversized_document(input.display_path, read->size, limits.max_file_size);
        auto linted = engine::lint(document, rules::registry(), file_options);
        result.diagnostics = std::move(linted.diagnostics);
        result.profile = checked_profile(linted);
        sources[index].emplace(std::move(document).take_source());
        return;
      }
      std::optional<std::string> text = std::move(read->text);
      if (arguments.fix || arguments.diff) {
        const bool unsafe = arguments.unsafe_fixes;
        auto outcome = engine::fix_until_stable(input.display_path, *text, rules::registry(),
                                                file_options, unsafe);
        if (!outcome.converged) {
          result.errors += "baton: warning: fixes for " + input.display_path +
                           " did not converge; the file was left unchanged\n";
        } else if (outcome.applied > 0 && arguments.diff) {
          result.fixed_rules = std::move(outcome.rules);
          result.diff = unified_diff(input.display_path, *text, outcome.text);
          result.has_diff = true;
          return;
        } else if (outcome.applied > 0) {
          if (auto failure = write_atomically(input.path, outcome.text)) {
            result.errors += "baton: error: cannot write " + input.display_path + ": " + *failure + '\n';
            result.io_failed = true;
            return;
          }
          result.fixes_applied = outcome.applied;
          result.fixed_rules = std::move(outcome.rules);
          text = std::move(outcome.text);
        }
        if (arguments.diff) return;
      }
      auto document =
          doc::build_document(source::SourceFile(input.display_path, std::move(*text)), limits);
      auto linted = engine::lint(document, rules::registry(), file_options);
      result.diagnostics = std::move(linted.diagnostics);
      result.profile = checked_profile(linted);
      if (result.diagnostics.empty())
        sources[index].emplace(input.display_path, std::string());
      else
        sources[index].emplace(std::move(document).take_source());
    } catch (const std::exception& exception) {
      result.errors += "baton: error: internal error while linting " + input.display_path + ": " +
                       exception.what() + '\n';
      result.io_failed = true;
    }
  };
  for_each_index(tasks.size(), arguments.jobs.value_or(available_cores()), lint_file);

  bool io_failed = collected.failed;
  std::size_t fixes_applied = 0;
  std::size_t files_with_diffs = 0;
  std::vector<format::FileReport> reports;
  std::vector<FileFixes> fixes_made;  // by --fix, or that --diff shows
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    auto& result = results[i];
    if (!result.fixed_rules.empty())
      fixes_made.push_back({tasks[i].input->display_path, std::move(result.fixed_rules)});
    err << result.errors;
    if (result.has_diff) {
      out << result.diff;
      ++files_with_diffs;
    }
    io_failed = io_failed || result.io_failed;
    fixes_applied += result.fixes_applied;
    if (sources[i]) reports.push_back({&*sources[i], std::move(result.diagnostics), std::move(result.profile)});
  }
  if (config_failure) {
    err << "baton: error: " << *config_failure << '\n';
    return exit_usage_or_io;
  }

  // --diff prints the changes fixes would make, and nothing else.
  if (arguments.diff) {
    out.flush();
    if (arguments.show_fixes) print_fixes(fixes_made, "Would fix", err);
    if (io_failed) return exit_usage_or_io;
    return files_with_diffs > 0 && !arguments.exit_zero ? exit_errors_found : exit_ok;
  }
  if (fixes_applied > 0) {
    err << "baton: fixed " << fixes_applied << (fixes_applied == 1 ? " finding" : " findings") << '\n';
  }
  if (arguments.show_fixes && arguments.fix) print_fixes(fixes_made, "Fixed", err);
  if (arguments.baseline_write) {
    if (auto failure = Baseline::write(*arguments.baseline_write, reports)) {
      err << "baton: error: " << *failure << '\n';
      return exit_usage_or_io;
    }
  }
  if (baseline) {
    baseline->filter(reports, *arguments.baseline, arguments.include_suppressed);
    if (const auto stale = baseline->stale(); stale > 0) {
      err << "baton: " << stale << (stale == 1 ? " baseline entry matches" : " baseline entries match")
          << " no finding any more (fixed?); update the baseline with --baseline-write\n";
    }
  }
  // The exit policy counts every finding, including those --quiet hides.
  const auto counts = format::count_severities(reports);
  if (arguments.quiet) {
    for (auto& report : reports) {
      std::erase_if(report.diagnostics, [](const engine::Diagnostic& diagnostic) {
        return diagnostic.severity != engine::Severity::error;
      });
    }
  }

  if (arguments.show_fixes && !arguments.fix)
    print_fixes(available_fixes(reports, arguments.unsafe_fixes), "Would fix", err);

  format::RenderOptions render_options;
  render_options.summary = !arguments.quiet;
  render_options.verbose = arguments.verbose;
  render_options.rules = rules::registry();
  if (arguments.rule_docs_url) {
    render_options.rule_docs_url = *arguments.rule_docs_url;
    if (!render_options.rule_docs_url.ends_with('/')) render_options.rule_docs_url += '/';
  } else {
    // One report, one base: the configuration of the directory baton runs in
    // (or --config). A broken one was already reported for the files it covers.
    std::error_code ec;
    const auto here = std::filesystem::current_path(ec);
    const engine::ResolvedConfig* resolved = nullptr;
    try {
      if (!ec) resolved = resolver->for_directory(here);
    } catch (const engine::ConfigFailure&) {
    }
    if (resolved && resolved->config.rule_docs_url)
      render_options.rule_docs_url = *resolved->config.rule_docs_url;
  }
  // Only sarif can say that a finding is suppressed; the other formats show
  // what counts.
  const auto counted = unsuppressed(reports);
  if (!reports.empty() || !io_failed) {
    for (const auto& target : targets) {
      const auto& shown = target.format == format::OutputFormat::sarif ? reports : counted;
      if (!target.path) {
        if (arguments.statistics) {
          print_statistics(shown, arguments.unsafe_fixes, target.format == format::OutputFormat::json, out);
          continue;
        }
        render_options.color = target.format == format::OutputFormat::text && !arguments.no_color &&
                               !env.no_color && (env.force_color || env.stdout_is_terminal);
        format::render(target.format, shown, render_options, out);
      } else {
        // Rendered whole, then written atomically: a reader never sees half a report.
        std::ostringstream rendered;
        render_options.color = false;
        format::render(target.format, shown, render_options, rendered);
        if (auto failure = write_atomically(*target.path, rendered.str())) {
          err << "baton: error: cannot write " << *target.path << ": " << *failure << '\n';
          io_failed = true;
        }
      }
      if (target.format == format::OutputFormat::github && env.github_step_summary)
        append_github_step_summary(*env.github_step_summary, counted, err);
    }
    if (arguments.statistics && stdout_target == targets.end())
      print_statistics(counted, arguments.unsafe_fixes, false, out);
  }
  out.flush();

  if (io_failed)
    return exit_usage_or_io;
  // --exit-zero: findings never fail the run; usage and I/O errors still do.
  if (arguments.exit_zero) return exit_ok;
  if (counts.errors > 0) return exit_errors_found;
  if (arguments.strict && counts.warnings > 0) return exit_errors_found;
  if (arguments.max_warnings && counts.warnings > *arguments.max_warnings) {
    err << "baton: " << counts.warnings << (counts.warnings == 1 ? " warning" : " warnings")
        << ", more than --max-warnings " << *arguments.max_warnings << " allows\n";
    return exit_errors_found;
  }
  return exit_ok;
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
  const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
  if (step_summary != nullptr && *step_summary != '\0')
    env.github_step_summary = step_summary;
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
  check
      ->add_option("--format", check_arguments.formats,
                   "Output format: " + check_format_names() +
                       " (default: text); FORMAT:PATH writes it to a file, and --format may be "
                       "repeated (at most one without a file goes to standard output)")
      ->type_name("FORMAT[:PATH]")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(check_format_value);
  check
      ->add_option("--output-file,-o", check_arguments.output_file,
                   "Write the output that would go to standard output to FILE instead (atomically)")
      ->type_name("FILE");
  check
      ->add_option(
          "--profile", check_arguments.profile,
          "Lint every file under this profile instead of detecting it (" + profile_names() + ")")
      ->type_name("NAME");
  check
      ->add_option("--stdin-filename", check_arguments.stdin_filename,
                   "Name to report for the input read from - (default: <stdin>)")
      ->type_name("NAME");
  check->add_option("--config", check_arguments.config,
                    "Use this configuration file for every file instead of the nearest .baton.json");
  check->add_option("--select", check_arguments.select,
                    "Run only these rules (codes, code prefixes such as HP1, or names; comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  check->add_option("--enable", check_arguments.enable,
                    "Turn on these rules, opt-in ones included, at their default severity "
                    "(codes, code prefixes or names; comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  check->add_option("--ignore", check_arguments.ignore,
                    "Turn these rules off (codes, code prefixes or names; comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  check->add_flag("--strict", check_arguments.strict, "Exit 1 on warnings too");
  check->add_option("--max-warnings", check_arguments.max_warnings,
                    "Exit 1 when there are more than N warnings");
  check->add_flag("--exit-zero", check_arguments.exit_zero,
                  "Exit 0 even when there are findings (usage and I/O errors still exit 2)");
  check->add_flag("--statistics", check_arguments.statistics,
                  "Print the number of findings per rule instead of the findings (json with "
                  "--format json)");
  check->add_flag("--fix", check_arguments.fix, "Apply safe fixes to the files, then report what is left");
  check->add_flag("--unsafe-fixes", check_arguments.unsafe_fixes,
                  "With --fix or --diff, apply unsafe fixes too");
  check->add_flag("--diff", check_arguments.diff,
                  "Print the fixes as a unified diff instead of writing them (exit 1 when there are any)");
  check->add_flag("--show-fixes", check_arguments.show_fixes,
                  "List on stderr the fixes --fix applied, or would apply without --fix");
  check->add_option("--home", check_arguments.home,
                    "Home directory that ~/ paths expand to in fixes (unsafe fixes)");
  check->add_option("--baseline", check_arguments.baseline,
                    "Leave out the findings recorded in this baseline file");
  check->add_option("--baseline-write", check_arguments.baseline_write,
                    "Record the current findings in this baseline file");
  check->add_flag("--include-suppressed", check_arguments.include_suppressed,
                  "In sarif output, keep the findings silenced inline or by --baseline, marked "
                  "as suppressions");
  check
      ->add_option("--rule-docs-url", check_arguments.rule_docs_url,
                   "Base URL of the rule pages for sarif helpUri (default: rule_docs_url of "
                   ".baton.json, else " +
                       std::string(engine::default_rule_docs_url) + ")")
      ->type_name("URL");
  check->add_option("--max-file-size", check_arguments.max_file_size,
                    "Report files larger than BYTES (HP009) instead of reading them (default: "
                    "max_file_size of .baton.json, else 10485760)")
      ->type_name("BYTES")
      ->check([](const std::string& value) -> std::string {
        const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        return digits && value.find_first_not_of('0') != std::string::npos
                   ? std::string()
                   : "must be a positive whole number of bytes, not '" + value + "'";
      });
  check
      ->add_option("--jobs", check_arguments.jobs,
                   "Lint N files at a time (default: one per available core; 1: one after the other)")
      ->type_name("N")
      ->check(CLI::Range(1U, 1024U));
  check->add_flag("--check-fs", check_arguments.check_filesystem,
                  "Also report Read() targets and planning documents missing on disk");
  check->add_flag("--no-color", check_arguments.no_color,
                  "Never colour the output (also: NO_COLOR set; FORCE_COLOR forces colour)");
  check->add_flag("-q,--quiet", check_arguments.quiet,
                  "Report only errors (no warnings or infos) and leave out the summary line");
  check->add_flag("-v,--verbose", check_arguments.verbose,
                  "Name the profile of every file, and list the markdown files a directory scan "
                  "skipped");
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
  GenerateCommand generate_command(app);
  LspCommand lsp_command(app);
  McpCommand mcp_command(app);
  HookCommand hook_command(app);
  InitCommand init_command(app);

  auto* config_command = app.add_subcommand("config", "Show the effective configuration");
  std::optional<std::string> config_show;
  std::optional<std::string> config_file;
  bool config_schema = false;
  auto* show_option = config_command->add_option("--show", config_show,
                                                 "Print the settings that apply to FILE, as JSON");
  auto* schema_flag = config_command->add_flag("--schema", config_schema,
                                               "Print the JSON Schema of .baton.json");
  show_option->excludes(schema_flag);
  config_command->add_option("--config", config_file, "Use this configuration file");

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
    if (generate_command.parsed())
      return generate_command.run(out, err, SystemWorld());
    if (lsp_command.parsed())
      return lsp_command.run(in, out, err);
    if (mcp_command.parsed())
      return mcp_command.run(in, out, err);
    if (hook_command.parsed())
      return hook_command.run(in, out, err);
    if (init_command.parsed())
      return init_command.run(out, err);
    if (config_command->parsed()) {
      if (config_schema) return print_config_schema(out);
      if (config_show) return show_config(*config_show, config_file, out, err);
      err << "baton: error: config needs --show FILE or --schema\n";
      return exit_usage_or_io;
    }
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
