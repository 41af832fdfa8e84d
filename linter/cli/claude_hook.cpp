#include "cli/claude_hook.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <vector>

#include "cli/inputs.hpp"
#include "engine/config_resolver.hpp"
#include "engine/rule.hpp"
#include "generate/model.hpp"
#include "lsp/lint_document.hpp"
#include "rules/registry.hpp"
#include "session/jsonl_reader.hpp"
#include "session/records.hpp"
#include "source/source_file.hpp"

namespace baton::cli {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Enough findings for the agent to start repairing; the rest come back on
// the next save.
constexpr std::size_t max_listed_errors = 20;
// The tools whose file_path names a file the agent changed.
constexpr std::string_view writing_tools[] = {"Write", "Edit", "MultiEdit"};

bool is_writing_tool(std::string_view name) {
  return std::find(std::begin(writing_tools), std::end(writing_tools), name) !=
         std::end(writing_tools);
}

std::string string_member(const Json& object, const char* key) {
  if (!object.is_object())
    return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

HookReply warning(std::string message) {
  return {0, {}, "baton: warning: " + message + " (nothing was checked)\n"};
}

// A path from the event, absolute: relative ones are relative to the event's cwd.
fs::path absolute_path(const std::string& path, const fs::path& cwd) {
  fs::path result(path);
  if (result.is_relative())
    result = cwd / result;
  return result.lexically_normal();
}

// One handoff linted as `baton check` lints it.
struct CheckedPrompt {
  std::string path;
  std::string profile;
  std::string text;
  std::vector<std::string> error_lines;  // one per error, ready to print
  std::size_t errors = 0;
};

class PromptChecker {
 public:
  PromptChecker() : resolver_(std::nullopt, rules::registry()) {}

  // nullopt when `path` is no regular file or no file a directory scan of
  // its directory would lint (a README, a source file).
  std::optional<CheckedPrompt> check(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
      return std::nullopt;
    const auto configured_profile = [this](const fs::path& file) {
      try {
        const auto* resolved = resolver_.for_file(file);
        return resolved && engine::ConfigResolver::settings(*resolved, file).profile.has_value();
      } catch (const engine::ConfigFailure&) {
        return false;
      }
    };
    std::string error;
    if (!scan_picks(path, in_distilled_directory(path), configured_profile, error))
      return std::nullopt;
    auto text = read_file(path, error);
    if (!text)
      return std::nullopt;
    CheckedPrompt prompt{path.string(), {}, *text, {}, 0};
    auto checked = lsp::check_text(prompt.path, std::move(*text), &resolver_);
    prompt.profile = std::string(checked.result.profile_name());
    const auto& source = checked.document.source();
    for (const auto& diagnostic : checked.result.diagnostics) {
      if (diagnostic.severity != engine::Severity::error)
        continue;
      ++prompt.errors;
      if (prompt.error_lines.size() < max_listed_errors)
        prompt.error_lines.push_back(describe(diagnostic, source, prompt.path));
    }
    return prompt;
  }

 private:
  // "- line 7: HP102 skill-call-missing: <message>" and how to repair it.
  static std::string describe(const engine::Diagnostic& diagnostic,
                              const source::SourceFile& source, const std::string& path) {
    const auto line = source.line_of(diagnostic.range.begin);
    std::string text = "- line " + std::to_string(line) + ": ";
    if (diagnostic.rule) {
      text.append(diagnostic.rule->code).append(" ").append(diagnostic.rule->name).append(": ");
    }
    text += diagnostic.message;
    if (diagnostic.fix && diagnostic.fix->safety == engine::FixSafety::safe) {
      text +=
          "\n  fix: " + diagnostic.fix->title + " (`baton check --fix '" + path + "'` applies it)";
    }
    if (diagnostic.rule)
      text.append("\n  rule: `baton explain ").append(diagnostic.rule->code).append("`");
    return text;
  }

  engine::ConfigResolver resolver_;
};

std::string error_count(std::size_t errors) {
  return std::to_string(errors) + (errors == 1 ? " error" : " errors");
}

// The findings of one handoff as the agent reads them.
std::string report(const CheckedPrompt& prompt) {
  std::string text = "baton: " + prompt.path + " (" + prompt.profile + ") has " +
                     error_count(prompt.errors) + ":\n";
  for (const auto& line : prompt.error_lines)
    text += line + '\n';
  if (prompt.errors > prompt.error_lines.size()) {
    text += "- ... and " + std::to_string(prompt.errors - prompt.error_lines.size()) +
            " more (`baton check '" + prompt.path + "'` lists them all)\n";
  }
  return text;
}

HookReply post_tool_use(const Json& event, const fs::path& cwd) {
  const auto tool = string_member(event, "tool_name");
  if (!is_writing_tool(tool))
    return {};
  const auto it = event.find("tool_input");
  const auto file_path = it != event.end() ? string_member(*it, "file_path") : std::string();
  if (file_path.empty())
    return warning("PostToolUse of " + tool + " without tool_input.file_path");
  // After the tool ran the file on disk holds the whole new text; an Edit's
  // new_string is only the changed part.
  PromptChecker checker;
  const auto prompt = checker.check(absolute_path(file_path, cwd));
  if (!prompt || prompt->errors == 0)
    return {};
  return {2,
          {},
          report(*prompt) +
              "The next session boots from this file with nothing else in its context: fix "
              "every error above in the file, then save it again.\n"};
}

// The files the session's Write/Edit/MultiEdit calls named, first write
// first. Lines without a tool_use block are not parsed.
std::vector<fs::path> files_written(const fs::path& transcript, const fs::path& cwd) {
  std::vector<fs::path> files;
  std::set<fs::path> seen;
  session::LineReader reader(transcript);
  std::string_view line;
  std::size_t line_number = 0;
  while (reader.next(line, line_number)) {
    if (line.find("\"tool_use\"") == std::string_view::npos ||
        line.find("\"file_path\"") == std::string_view::npos)
      continue;
    if (!Json::accept(line))
      continue;
    const auto record = session::parse_record(line, 0, line_number);
    const fs::path record_cwd = record.cwd.empty() ? cwd : fs::path(record.cwd);
    for (const auto& tool_use : record.tool_uses) {
      if (!is_writing_tool(tool_use.canonical) || !tool_use.input.is_object())
        continue;
      const auto it = tool_use.input.find("file_path");
      if (it == tool_use.input.end() || !it->is_string())
        continue;
      auto path = absolute_path(it->get<std::string>(), record_cwd);
      if (seen.insert(path).second)
        files.push_back(std::move(path));
    }
  }
  return files;
}

HookReply stop(const Json& event, const fs::path& cwd) {
  // Claude Code sets stop_hook_active when the agent is already continuing
  // because a stop hook blocked: blocking again could loop forever.
  if (const auto it = event.find("stop_hook_active");
      it != event.end() && it->is_boolean() && it->get<bool>())
    return {};
  const auto transcript = string_member(event, "transcript_path");
  if (transcript.empty())
    return warning("Stop without transcript_path: baton finds the handoffs a session wrote in it");
  std::vector<fs::path> written;
  try {
    written = files_written(absolute_path(transcript, cwd), cwd);
  } catch (const session::SessionError& error) {
    return warning("cannot read the transcript: " + std::string(error.what()));
  }
  PromptChecker checker;
  std::string reason;
  std::size_t broken = 0;
  for (const auto& path : written) {
    const auto prompt = checker.check(path);
    if (!prompt || prompt->errors == 0)
      continue;
    ++broken;
    reason += report(*prompt);
  }
  if (broken == 0)
    return {};
  reason += std::string(broken == 1 ? "This handoff was" : "These handoffs were") +
            " written in this session and the next session boots from them with nothing else "
            "in its context: fix every error above before you stop.";
  Json reply = {{"decision", "block"}, {"reason", reason}};
  return {0, reply.dump(-1, ' ', false, Json::error_handler_t::replace) + '\n', {}};
}

// The newest file in cwd, cwd/.claude or spellbook's distilled directory of
// the project that a scan would lint: the handoff a new session in cwd is
// meant to boot from (spellbook's /distill-session writes it there).
std::optional<CheckedPrompt> boot_prompt(const fs::path& cwd, const std::optional<fs::path>& home) {
  PromptChecker checker;
  std::optional<CheckedPrompt> newest;
  fs::file_time_type newest_time{};
  std::vector<fs::path> directories{cwd, cwd / ".claude"};
  if (home && !home->empty()) {
    directories.push_back(*home / ".local" / "spellbook" / "distilled" /
                          generate::spellbook_project_encoded(cwd.lexically_normal().string()));
  }
  for (const auto& directory : directories) {
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    if (ec)
      continue;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      const auto& path = it->path();
      const auto time = fs::last_write_time(path, ec);
      if (ec || (newest && time <= newest_time))
        continue;
      if (auto prompt = checker.check(path)) {
        newest = std::move(prompt);
        newest_time = time;
      }
    }
  }
  return newest;
}

HookReply session_start(const fs::path& cwd, const std::optional<fs::path>& home) {
  const auto prompt = boot_prompt(cwd, home);
  if (!prompt)
    return {};
  const auto characters = source::count_codepoints(prompt->text);
  std::string context;
  std::string message;
  if (characters > claude_hook_output_budget) {
    context += "baton: " + prompt->path + " is " + std::to_string(characters) +
               " characters, more than the " + std::to_string(claude_hook_output_budget) +
               " characters Claude Code puts into the context from a hook's output: a "
               "SessionStart hook that prints it injects only a preview and a file path. Read "
               "the whole file with Read(\"" +
               prompt->path +
               "\"), or inject just its Section 0 (`baton generate --section0-only` keeps it "
               "within 8,000 characters).\n";
    message = "baton: the handoff " + prompt->path + " is over Claude Code's " +
              std::to_string(claude_hook_output_budget) + "-character hook output limit";
  }
  if (prompt->errors > 0) {
    context += report(*prompt) +
               "Fix these errors in the handoff before you act on it, or tell the user what "
               "it is missing.\n";
    message += std::string(message.empty() ? "baton: the handoff " + prompt->path : ";") + " has " +
               error_count(prompt->errors);
  }
  if (context.empty())
    return {};
  // The note itself stays within the budget, or Claude Code would cut it too.
  if (context.size() > claude_hook_output_budget - 100) {
    context.resize(claude_hook_output_budget - 100);
    while (!context.empty() && (static_cast<unsigned char>(context.back()) & 0xC0) == 0x80)
      context.pop_back();
    if (!context.empty())
      context.pop_back();
    context += "\n[cut: `baton check '" + prompt->path + "'` lists everything]\n";
  }
  Json reply = {
      {"hookSpecificOutput", {{"hookEventName", "SessionStart"}, {"additionalContext", context}}},
      {"systemMessage", message}};
  return {0, reply.dump(-1, ' ', false, Json::error_handler_t::replace) + '\n', {}};
}

}  // namespace

HookReply answer_claude_hook(std::string_view event_json, const std::optional<fs::path>& home) {
  const auto event = Json::parse(event_json, nullptr, false);
  if (event.is_discarded() || !event.is_object()) {
    return warning(
        "the hook input is not a JSON object; Claude Code writes one hook event to stdin");
  }
  const auto name = string_member(event, "hook_event_name");
  if (name.empty())
    return warning("the hook input has no hook_event_name");
  std::error_code ec;
  // Claude Code always sends an absolute cwd; without one, the hook's own.
  fs::path cwd = string_member(event, "cwd");
  if (cwd.empty())
    cwd = fs::current_path(ec);
  else if (cwd.is_relative())
    cwd = fs::absolute(cwd, ec);
  try {
    if (name == "PostToolUse")
      return post_tool_use(event, cwd);
    if (name == "Stop" || name == "SubagentStop")
      return stop(event, cwd);
    if (name == "SessionStart")
      return session_start(cwd, home);
  } catch (const std::exception& exception) {
    return warning(std::string("internal error: ") + exception.what());
  }
  return warning("baton answers PostToolUse, Stop, SubagentStop and SessionStart, not " + name);
}

}  // namespace baton::cli
