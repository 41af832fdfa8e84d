#include "generate/extract.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "generate/quote.hpp"
#include "rules/safety/secrets.hpp"
#include "rules/support.hpp"
#include "session/skim.hpp"

namespace baton::generate {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using session::Record;
using session::ToolUse;

constexpr std::string_view builtin_commands[] = {"add-dir",
                                                 "agents",
                                                 "bashes",
                                                 "bug",
                                                 "clear",
                                                 "compact",
                                                 "config",
                                                 "context",
                                                 "cost",
                                                 "doctor",
                                                 "exit",
                                                 "export",
                                                 "help",
                                                 "hooks",
                                                 "ide",
                                                 "init",
                                                 "install-github-app",
                                                 "login",
                                                 "logout",
                                                 "mcp",
                                                 "memory",
                                                 "migrate-installer",
                                                 "model",
                                                 "output-style",
                                                 "permissions",
                                                 "plugin",
                                                 "pr-comments",
                                                 "privacy-settings",
                                                 "release-notes",
                                                 "rename",
                                                 "resume",
                                                 "review",
                                                 "rewind",
                                                 "security-review",
                                                 "status",
                                                 "statusline",
                                                 "terminal-setup",
                                                 "todos",
                                                 "upgrade",
                                                 "usage",
                                                 "vim"};

constexpr std::string_view test_runners[] = {
    "pytest",    "py.test",   "unittest",    "npm test",   "npm run test",  "yarn test",
    "pnpm test", "bun test",  "deno test",   "cargo test", "cargo nextest", "go test",
    "ctest",     "make test", "make check",  "jest",       "vitest",        "mocha",
    "rspec",     "phpunit",   "gradle test", "mvn test",   "tox",           "dotnet test",
    "mix test",  "nox",       "bats"};

// The text between <tag> and </tag>, if present.
std::optional<std::string> tag_text(std::string_view text, std::string_view tag) {
  const auto open = fmt::format("<{}>", tag);
  const auto close = fmt::format("</{}>", tag);
  const auto begin = text.find(open);
  if (begin == std::string_view::npos)
    return std::nullopt;
  const auto end = text.find(close, begin + open.size());
  if (end == std::string_view::npos)
    return std::nullopt;
  return std::string(text.substr(begin + open.size(), end - begin - open.size()));
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos)
    return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// Words of free text that may name files: split on blanks, quotes, brackets
// and backticks, trailing sentence punctuation dropped.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ':' ||
                             word.back() == ';' || word.back() == '!' || word.back() == '?')) {
      word.pop_back();
    }
    if (!word.empty())
      words.push_back(word);
    word.clear();
  };
  for (char c : text) {
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '"':
      case '\'':
      case '`':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '<':
      case '>':
      case ',':
      case '|':
      case '*':
      case '=':
        flush();
        break;
      default:
        word += c;
    }
  }
  flush();
  return words;
}

std::optional<PlanKind> plan_kind(const std::string& path) {
  const auto name = fs::path(path).filename().string();
  if (name.ends_with("-design.md"))
    return PlanKind::design;
  if (name.ends_with("-impl.md"))
    return PlanKind::impl;
  if (name.ends_with("-plan.md"))
    return PlanKind::plan;
  if (name.ends_with(".md") && path.find("/plans/") != std::string::npos)
    return PlanKind::plan;
  return std::nullopt;
}

// session::string_member of a skimmed value: a string, or a number's digits.
std::string value_string(std::optional<std::string_view> value) {
  if (!value || value->empty())
    return {};
  if (value->front() == '"')
    return session::json_string(*value).value_or("");
  if (value->front() == '-' || (value->front() >= '0' && value->front() <= '9'))
    return session::parse_value(*value).dump();
  return {};
}

// Whether nlohmann might refuse a line Python's json accepts (NaN, Infinity,
// lone surrogates): such a line is parsed whole, as parse_record reads it.
bool needs_full_parse(std::string_view line) {
  if (line.find("NaN") != std::string_view::npos || line.find("Infinity") != std::string_view::npos)
    return true;
  // "\\ud800" to "\\udfff", one memchr per backslash (most are "\\n" or "\\\"").
  const char* at = line.data();
  const char* const end = line.data() + line.size();
  while (at < end) {
    const auto* slash = static_cast<const char*>(std::memchr(at, '\\', end - at));
    if (slash == nullptr || end - slash < 3)
      return false;
    if (slash[1] == 'u' && (slash[2] == 'd' || slash[2] == 'D'))
      return true;
    at = slash + 2;  // an escape is two characters at least
  }
  return false;
}

// The content member of a skimmed record's message object, if any.
std::optional<std::string_view> message_content(const std::vector<session::Member>& members) {
  const auto message = session::find_member(members, "message");
  if (!message || message->empty() || message->front() != '{')
    return std::nullopt;
  return session::find_member(session::skim_members(*message), "content");
}

// Whether free text (a JSON string or text block, as written) can name a
// planning document: mention() only looks at words holding ".md".
bool may_mention(std::string_view raw) {
  return raw.find(".md") != std::string_view::npos || raw.find("\\u") != std::string_view::npos;
}

// The members of a tool's input the extractor reads, apart from the todo
// tools (whose input is read whole).
constexpr std::string_view input_keys_read[] = {
    "file_path", "notebook_path", "command",     "pattern",           "url",           "query",
    "skill",     "args",          "description", "run_in_background", "subagent_type", "prompt"};

// A tool_use block as parse_record reads it, with only the input members the
// extractor reads (a Write's content is not parsed).
ToolUse parse_tool_use(std::string_view block_text) {
  const auto block = session::skim_members(block_text);
  ToolUse tool_use;
  tool_use.id = value_string(session::find_member(block, "id"));
  tool_use.name = value_string(session::find_member(block, "name"));
  tool_use.canonical = session::canonical_tool_name(tool_use.name);
  const auto input = session::find_member(block, "input");
  if (!input)
    return tool_use;
  const auto& name = tool_use.name;
  if (name == "TodoWrite" || name == "TaskCreate" || name == "TaskUpdate" || input->empty() ||
      input->front() != '{') {
    tool_use.input = session::parse_value(*input);
    return tool_use;
  }
  tool_use.input = json::object();
  for (const auto& member : session::skim_members(*input)) {
    const auto key =
        member.key_escaped ? session::decode_json_string_body(member.key) : std::string(member.key);
    if (std::find(std::begin(input_keys_read), std::end(input_keys_read), key) !=
        std::end(input_keys_read))
      tool_use.input[key] = session::parse_value(member.value);
  }
  return tool_use;
}

// A JSON value of a validated line as nlohmann reads it, but with strings
// decoded by the session reader's decoder: a tool result's text is most of
// a user record, and nlohmann builds strings a character at a time. Numbers,
// literals and values nested deeper than a record's content are left to
// nlohmann.
json skim_value(std::string_view value, int depth = 0) {
  const auto parsed = [&] {
    auto result = json::parse(value.begin(), value.end(), nullptr, false);
    return result.is_discarded() ? json() : result;
  };
  if (value.empty() || depth > 32)
    return parsed();
  if (value.front() == '"')
    return session::json_string(value).value_or("");
  if (value.front() == '[') {
    auto array = json::array();
    for (const auto element : session::skim_elements(value))
      array.push_back(skim_value(element, depth + 1));
    return array;
  }
  if (value.front() == '{') {
    auto object = json::object();
    for (const auto& member : session::skim_members(value)) {
      const auto key = member.key_escaped ? session::decode_json_string_body(member.key)
                                          : std::string(member.key);
      object[key] = skim_value(member.value, depth + 1);
    }
    return object;
  }
  return parsed();
}

// What links a sidechain record to its chain and its agent.
void skim_chain_members(const std::vector<session::Member>& members, Record& record) {
  record.uuid = value_string(session::find_member(members, "uuid"));
  record.parent_uuid = value_string(session::find_member(members, "parentUuid"));
  record.agent_id = value_string(session::find_member(members, "agentId"));
  record.session_id = value_string(session::find_member(members, "sessionId"));
}

// An assistant record reduced to what observe() reads from it: its tool
// uses, and its text only when that may name a document (mention() looks
// for ".md"). The text blocks kept are those content_text() reads.
Record skim_assistant(const session::RecordReader& reader) {
  const auto& members = reader.members();
  Record record;
  record.index = reader.index();
  record.line_number = reader.line_number();
  record.type = "assistant";
  const auto sidechain = session::find_member(members, "isSidechain");
  record.is_sidechain = sidechain && *sidechain == "true";
  record.cwd = value_string(session::find_member(members, "cwd"));
  if (record.is_sidechain)
    skim_chain_members(members, record);
  const auto content = message_content(members);
  if (!content || content->empty())
    return record;
  if (content->front() == '"') {
    if (may_mention(*content))
      record.content = skim_value(*content);
    return record;
  }
  if (content->front() != '[')
    return record;
  const bool keep_text = may_mention(*content);
  auto text_blocks = json::array();
  for (const auto element : session::skim_elements(*content)) {
    if (element.front() == '"') {
      if (keep_text)
        text_blocks.push_back(skim_value(element));
      continue;
    }
    if (element.front() != '{')
      continue;
    const auto block = session::skim_members(element);
    const auto type = session::find_member(block, "type");
    if (!type)
      continue;
    if (session::is_string_value(*type, "text")) {
      if (keep_text)
        text_blocks.push_back(skim_value(element));
    } else if (session::is_string_value(*type, "tool_use")) {
      record.tool_uses.push_back(parse_tool_use(element));
    }
  }
  if (keep_text)
    record.content = std::move(text_blocks);
  return record;
}

// A user record reduced to what observe() reads from it: its flags, its
// timestamp and its message content, parsed from the skimmed members. The
// record's toolUseResult, which repeats the result (an error's whole text, a
// file read), is parsed only when `with_tool_use_result` (the result of an
// Agent call, whose agentId and status live there).
Record skim_user(const session::RecordReader& reader, bool with_tool_use_result) {
  const auto& members = reader.members();
  Record record;
  record.index = reader.index();
  record.line_number = reader.line_number();
  record.type = "user";
  const auto flag = [&](std::string_view name) {
    const auto value = session::find_member(members, name);
    return value && *value == "true";
  };
  record.is_sidechain = flag("isSidechain");
  if (record.is_sidechain)
    skim_chain_members(members, record);
  record.is_meta = flag("isMeta");
  record.is_compact_summary = flag("isCompactSummary");
  record.timestamp = value_string(session::find_member(members, "timestamp"));
  if (const auto content = message_content(members))
    record.content = skim_value(*content);
  record.json = json::object();
  if (with_tool_use_result) {
    if (const auto result = session::find_member(members, "toolUseResult"))
      record.json["toolUseResult"] = skim_value(*result);
  }
  return record;
}

class Extractor {
 public:
  Extractor(const SessionInput& input, const World& world) : input_(input), world_(world) {}

  Model run() {
    model_.session_file = input_.session_file;
    find_identity();
    stream_session();
    for (const auto& [id, agent] : input_.agents)
      stream_agent(id, agent.file);
    finish_subagents();
    finish_skills();
    finish_todos();
    finish_documents();
    finish_files();
    finish_verifications();
    if (const auto git = world_.git_state(model_.project_dir)) {
      GitState state;
      state.branch = redact(git->branch);
      for (const auto& line : git->status_lines)
        state.status_lines.push_back(redact(line));
      model_.git = std::move(state);
    }
    model_.generated_at = world_.now_utc();
    return std::move(model_);
  }

 private:
  // What a tool result needs of its call (not the call's input, which may
  // hold a whole file).
  struct PendingTool {
    std::string canonical;
    std::string target;
    std::string directory;  // the cwd of the call's record
  };

  // Whether a record of the session must be parsed whole: the summary's
  // pass has judged the lines it read; later ones (appended since) are
  // judged here.
  bool must_parse_whole(const session::RecordReader& reader) const {
    const auto& summary = input_.summary;
    if (!summary.validated || !summary.parse_whole ||
        reader.line_number() > summary.validated->lines)
      return needs_full_parse(reader.text());
    return std::binary_search(summary.parse_whole->begin(), summary.parse_whole->end(),
                              reader.line_number());
  }

  // Every record once, in order; parsed only when it can change the model.
  void stream_session() {
    session::ReadOptions options;
    options.validated = input_.summary.validated;
    session::RecordReader reader(input_.session_path, options);
    while (reader.next()) {
      const auto text = reader.text();
      const auto& members = reader.members();
      if (must_parse_whole(reader)) {
        observe(session::parse_record(text, reader.index(), reader.line_number()));
        continue;
      }
      const auto type = session::find_member(members, "type");
      if (!type)
        continue;
      if (session::is_string_value(*type, "assistant")) {
        observe(skim_assistant(reader));
      } else if (session::is_string_value(*type, "user")) {
        if (user_matters(members, reader.line_number())) {
          observe(skim_user(reader, holds_agent_result(members)));
        } else if (const auto sidechain = session::find_member(members, "isSidechain");
                   sidechain && *sidechain == "true") {
          // Not read, but a link of its sidechain's chain.
          Record record;
          record.type = "user";
          record.line_number = reader.line_number();
          skim_chain_members(members, record);
          follow_sidechain(record);
        }
      } else if (session::is_compact_boundary(members)) {
        observe(session::parse_record(text, reader.index(), reader.line_number()));
      }
    }
  }

  void stream_agent(const std::string& id, const fs::path& file) {
    session::RecordReader reader(file, {});
    while (reader.next()) {
      const auto text = reader.text();
      if (needs_full_parse(text)) {
        observe_agent(id, session::parse_record(text, reader.index(), reader.line_number()));
      } else if (session::member_is(reader.members(), "type", "assistant")) {
        observe_agent(id, skim_assistant(reader));
      }
    }
  }

  // Whether a user record can change the model: it has text (a message, a
  // command, a compaction summary) or a tool result the model reads.
  bool user_matters(const std::vector<session::Member>& members, std::size_t line) {
    if (awaiting_summary_ || session::find_member(members, "isCompactSummary"))
      return true;
    const auto content = message_content(members);
    if (!content || content->empty())
      return false;
    if (content->front() == '"')
      return true;
    if (content->front() != '[')
      return false;
    for (const auto element : session::skim_elements(*content)) {
      if (element.front() == '"')
        return true;
      if (element.front() != '{')
        continue;
      const auto block = session::skim_members(element);
      const auto type = session::find_member(block, "type");
      if (!type)
        continue;
      if (session::is_string_value(*type, "text"))
        return true;
      if (session::is_string_value(*type, "tool_result") && result_matters(block, line))
        return true;
    }
    return false;
  }

  // Whether a user record holds the result of an Agent call (tool_result()
  // reads its agentId and status from the record's toolUseResult).
  bool holds_agent_result(const std::vector<session::Member>& members) const {
    const auto content = message_content(members);
    if (!content || content->empty() || content->front() != '[')
      return false;
    for (const auto element : session::skim_elements(*content)) {
      if (element.front() != '{')
        continue;
      const auto block = session::skim_members(element);
      const auto type = session::find_member(block, "type");
      const auto id = session::find_member(block, "tool_use_id");
      if (type && id && session::is_string_value(*type, "tool_result") &&
          agents_by_tool_.count(session::json_string(*id).value_or("")))
        return true;
    }
    return false;
  }

  // tool_result() reads the result's text for an error and for the result of
  // an Agent or TaskCreate call: those need the record parsed. Any other
  // success of a known call is applied here, from the skimmed block.
  bool result_matters(const std::vector<session::Member>& block, std::size_t line) {
    const auto id_value = session::find_member(block, "tool_use_id");
    if (!id_value || id_value->empty() || id_value->front() != '"')
      return id_value.has_value();  // a number or other oddity: parse it to be sure
    const auto id = session::json_string(*id_value).value_or("");
    const auto found = pending_.find(id);
    if (found == pending_.end())
      return false;
    const auto error = session::find_member(block, "is_error");
    if (error && *error == "true")
      return true;
    if (agents_by_tool_.count(id) || created_.count(id))
      return true;
    resolve_errors(found->second, line);
    if (const auto test = tests_by_tool_.find(id); test != tests_by_tool_.end()) {
      model_.test_runs[test->second].failed = false;
      model_.test_runs[test->second].has_result = true;
    }
    return false;
  }

  std::string redact(std::string_view text) {
    // Until nothing is left: a redaction ends the word before it, so a token
    // that ran on into a private key block is whole once the block is gone.
    std::string redacted(text);
    for (int pass = 0; pass < 8; ++pass) {
      auto next = rules::safety::redact_secrets(redacted);
      if (next == redacted)
        break;
      redacted = std::move(next);
    }
    if (redacted != text)
      ++model_.secrets_redacted;
    return redacted;
  }

  void find_identity() {
    const auto& summary = input_.summary;
    model_.session_id = summary.session_id;
    model_.slug = summary.slug;
    model_.version = summary.version;
    model_.last_activity = summary.last_timestamp;
    cwd_ = summary.cwd;
    model_.record_count = summary.record_count;
    if (input_.project_dir) {
      model_.project_dir = *input_.project_dir;
    } else if (!cwd_.empty()) {
      model_.project_dir = cwd_;
      model_.project_dir_from_session = true;
    } else {
      model_.project_dir = world_.working_directory();
    }
    model_.project_dir = normal(model_.project_dir);
    model_.project_encoded = spellbook_project_encoded(model_.project_dir);
    model_.session_id = redact(model_.session_id);
    model_.slug = redact(model_.slug);
  }

  static std::string normal(const std::string& path) {
    auto out = fs::path(path).lexically_normal().string();
    while (out.size() > 1 && out.back() == '/')
      out.pop_back();
    return out;
  }

  // An absolute path for a path written in the session, or "" when it names none.
  std::string resolve(std::string_view written) const {
    if (written.empty())
      return {};
    if (written.front() == '/')
      return normal(std::string(written));
    if (written.starts_with("~/")) {
      const auto home = world_.home();
      return normal((home ? *home : model_.project_dir) + std::string(written.substr(1)));
    }
    if (written.front() == '~')
      return {};
    return normal(model_.project_dir + "/" + std::string(written));
  }

  // Skill arguments with every relative path word made absolute (as
  // path-not-absolute reads them).
  std::string absolute_args(const std::string& args) const {
    std::string out;
    std::size_t at = 0;
    while (at < args.size()) {
      while (at < args.size() && doc::is_space(args[at]))
        out += args[at++];
      auto end = at;
      while (end < args.size() && !doc::is_space(args[end]))
        ++end;
      std::string token = args.substr(at, end - at);
      std::string prefix;
      std::string suffix;
      if (token.starts_with("-")) {
        const auto equals = token.find('=');
        if (equals == std::string::npos) {
          out += token;
          at = end;
          continue;
        }
        prefix = token.substr(0, equals + 1);
        token = token.substr(equals + 1);
      }
      if (token.size() >= 2 && (token.front() == '\'' || token.front() == '"') &&
          token.back() == token.front()) {
        prefix += token.front();
        suffix = token.back();
        token = token.substr(1, token.size() - 2);
      }
      if (rules::support::looks_like_path(token) && token.front() != '/') {
        auto absolute = resolve(token);
        if (absolute.empty())
          absolute = normal(model_.project_dir + "/" + token);
        const bool path_shaped = token.find('/') != std::string::npos || token.front() == '~';
        const auto file = absolute.substr(0, absolute.find(':'));
        if (!path_shaped && !world_.file_state(file).exists) {
          // A bare name with an extension that names no file ("Next.js"):
          // a word, not a path; code quotes keep it from reading as one.
          token = "`" + token + "`";
        } else {
          // A blank would split the path into words; its file: URL names it whole.
          token = absolute.find_first_of(" \t\n\r\f\v") == std::string::npos ? absolute
                                                                             : file_url(absolute);
        }
      }
      out += prefix + token + suffix;
      at = end;
    }
    return out;
  }

  // file:///a%20b/x for /a b/x (RFC 8089; unreserved characters and '/' as they are).
  static std::string file_url(std::string_view path) {
    std::string url = "file://";
    for (char c : path) {
      const auto byte = static_cast<unsigned char>(c);
      const bool plain =
          std::isalnum(byte) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
      url += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
    }
    return url;
  }

  void mention(std::string_view text, std::size_t line) {
    for (const auto& word : words_of(text)) {
      if (word.find(".md") == std::string::npos)
        continue;
      auto path = word.substr(0, word.find(".md") + 3);
      if (!rules::support::looks_like_path(path))
        continue;
      note_planning(resolve(path), line);
    }
  }

  void note_planning(const std::string& path, std::size_t line) {
    if (path.empty() || !plan_kind(path))
      return;
    auto& last = planning_lines_[path];
    last = std::max(last, line);
  }

  // An inline sidechain (1.0.x) is the chain of sidechain records from one
  // whose parentUuid is null; its first record is the prompt of the Task
  // call that started it. Its agent id is the agentId its records carry, or
  // a session id other than the session's; 1.0.x records hold neither, and
  // the sidechain is named by its lines.
  void follow_sidechain(const Record& record) {
    std::size_t chain = 0;
    const auto parent = chain_of_uuid_.find(record.parent_uuid);
    if (record.parent_uuid.empty() || parent == chain_of_uuid_.end()) {
      chain = sidechains_.size();
      sidechains_.push_back({record.line_number, record.line_number, {}, npos});
      if (record.type == "user")
        link_sidechain(chain, trim(session::content_text(record.content)));
    } else {
      chain = parent->second;
    }
    if (!record.uuid.empty())
      chain_of_uuid_[record.uuid] = chain;
    auto& sidechain = sidechains_[chain];
    sidechain.last_line = record.line_number;
    if (sidechain.agent_id.empty()) {
      if (!record.agent_id.empty())
        sidechain.agent_id = record.agent_id;
      else if (!record.session_id.empty() && record.session_id != input_.summary.session_id)
        sidechain.agent_id = record.session_id;
    }
    sidechain_actor_ = fmt::format("sidechain:{}", sidechains_[chain].first_line);
  }

  // The Agent call whose prompt started the sidechain: the first one not yet
  // linked with the same prompt, else the first one not yet linked.
  void link_sidechain(std::size_t chain, const std::string& prompt) {
    auto unlinked = prompts_.end();
    for (auto it = prompts_.begin(); it != prompts_.end(); ++it) {
      if (it->second == prompt) {
        unlinked = it;
        break;
      }
      if (unlinked == prompts_.end())
        unlinked = it;
    }
    if (unlinked == prompts_.end())
      return;
    sidechains_[chain].subagent = unlinked->first;
    prompts_.erase(unlinked);
  }

  void observe(const Record& record) {
    if (record.is_sidechain)
      follow_sidechain(record);
    if (record.is_compact_boundary()) {
      ++model_.compaction_count;
      awaiting_summary_ = true;
      boundary_index_ = record.index;
      return;
    }
    if (record.type == "user" && record.content.is_array()) {
      for (const auto& block : record.content) {
        if (block.is_object() && session::string_member(block, "type") == "tool_result")
          tool_result(record, block);
      }
    }
    if (record.type == "user") {
      user(record);
    } else if (record.type == "assistant") {
      const bool main = !record.is_sidechain;
      if (main)
        mention(session::content_text(record.content), record.line_number);
      for (const auto& tool_use : record.tool_uses)
        this->tool_use(tool_use, record.line_number, record.cwd, main, "main");
    }
  }

  void observe_agent(const std::string& id, const Record& record) {
    if (record.type != "assistant")
      return;
    for (const auto& tool_use : record.tool_uses) {
      file_tool(tool_use, record.line_number, id);
    }
  }

  void user(const Record& record) {
    const auto text = session::content_text(record.content);
    const bool summary_text =
        text.starts_with("This session is being continued from a previous conversation");
    if (awaiting_summary_ && (record.is_compact_summary || summary_text)) {
      model_.last_compact = CompactSummary{boundary_index_, redact(text), record.timestamp};
      awaiting_summary_ = false;
      return;
    }
    // A subagent's own transcript (agent-<id>.jsonl) is all sidechain: the
    // prompt that starts it is its request.
    const bool agent_prompt = record.is_sidechain && record.parent_uuid.empty() &&
                              input_.session_path.stem().string().starts_with("agent-");
    if (record.is_compact_summary || summary_text || (record.is_sidechain && !agent_prompt) ||
        record.is_meta)
      return;
    const auto trimmed = trim(text);
    if (trimmed.empty())
      return;
    if (const auto name = tag_text(trimmed, "command-name")) {
      auto command = trim(*name);
      if (command.starts_with("/"))
        command.erase(0, 1);
      const auto args = trim(tag_text(trimmed, "command-args").value_or(""));
      if (command.empty())
        return;
      if (!is_builtin_command(command)) {
        skill_calls_.push_back({command, args, "slash command", record.line_number, {}});
      }
      mention(args, record.line_number);
      model_.user_messages.push_back(
          {redact(args.empty() ? "/" + command : "/" + command + " " + args), record.timestamp,
           record.line_number, true, redact(command), redact(args)});
      return;
    }
    constexpr std::string_view machine_prefixes[] = {"<local-command-",
                                                     "<bash-stdout>",
                                                     "<bash-stderr>",
                                                     "Caveat: The messages below",
                                                     "[Request interrupted by user",
                                                     "<system-reminder>",
                                                     "<command-message>",
                                                     "<user-prompt-submit-hook>",
                                                     "<task-notification>"};
    for (auto prefix : machine_prefixes) {
      if (trimmed.starts_with(prefix))
        return;
    }
    mention(trimmed, record.line_number);
    model_.user_messages.push_back(
        {redact(trimmed), record.timestamp, record.line_number, false, {}, {}});
  }

  void file_tool(const ToolUse& tool_use, std::size_t line, const std::string& actor) {
    const auto& name = tool_use.canonical;
    std::string written = session::string_member(tool_use.input, "file_path");
    if (written.empty())
      written = session::string_member(tool_use.input, "notebook_path");
    if (written.empty())
      return;
    const auto path = resolve(written);
    if (path.empty())
      return;
    note_planning(path, line);
    if (name == "Write" || name == "Edit" || name == "MultiEdit" || name == "NotebookEdit") {
      auto& change = files_[{path, actor}];
      change.path = path;
      change.actor = actor;
      ++change.operations[name];
      change.last_line = std::max(change.last_line, line);
    }
  }

  void tool_use(const ToolUse& tool_use, std::size_t line, const std::string& directory, bool main,
                const std::string& actor) {
    pending_[tool_use.id] = PendingTool{tool_use.canonical, target_of(tool_use), directory};
    file_tool(tool_use, line, main ? actor : sidechain_actor_);
    if (!main)
      return;
    const auto& name = tool_use.canonical;
    if (const auto call = session::skill_call(tool_use)) {
      skills_by_tool_[tool_use.id] = skill_calls_.size();
      skill_calls_.push_back({call->skill, call->args, "Skill tool", line, {}});
      mention(call->args, line);
    } else if (name == "TodoWrite") {
      todo_write_ = session::todo_items(tool_use);
      todo_kind_ = "TodoWrite";
      model_.todo_line = line;
    } else if (name == "TaskCreate") {
      for (auto item : session::todo_items(tool_use)) {
        if (item.id.empty())
          item.id = std::to_string(++task_counter_);
        created_[tool_use.id] = item.id;
        tasks_.push_back(item);
      }
      todo_kind_ = "TaskCreate/TaskUpdate";
      model_.todo_line = line;
    } else if (name == "TaskUpdate") {
      task_update(tool_use);
      todo_kind_ = "TaskCreate/TaskUpdate";
      model_.todo_line = line;
    } else if (name == "Agent") {
      Subagent agent;
      agent.type = redact(session::string_member(tool_use.input, "subagent_type"));
      agent.description = redact(session::string_member(tool_use.input, "description"));
      const auto* background = session::object_member(tool_use.input, "run_in_background");
      agent.background = background && background->is_boolean() && background->get<bool>();
      agent.status = "running";
      agent.line = line;
      agents_by_tool_[tool_use.id] = model_.subagents.size();
      prompts_.emplace_back(model_.subagents.size(),
                            trim(session::string_member(tool_use.input, "prompt")));
      model_.subagents.push_back(std::move(agent));
    } else if (name == "Bash") {
      const auto command = trim(session::string_member(tool_use.input, "command"));
      mention(command, line);
      if (is_test_command(command)) {
        tests_by_tool_[tool_use.id] = model_.test_runs.size();
        model_.test_runs.push_back({redact(command), false, false, line});
      }
    }
  }

  void task_update(const ToolUse& tool_use) {
    const auto items = session::todo_items(tool_use);
    if (items.empty())
      return;
    const auto& update = items.front();
    auto it = std::find_if(tasks_.begin(), tasks_.end(),
                           [&](const auto& task) { return task.id == update.id; });
    if (update.status == "deleted") {
      if (it != tasks_.end())
        tasks_.erase(it);
      return;
    }
    if (it == tasks_.end()) {
      if (update.content.empty())
        return;
      tasks_.push_back(update);
      if (tasks_.back().status.empty())
        tasks_.back().status = "pending";
      return;
    }
    if (!update.content.empty())
      it->content = update.content;
    if (!update.status.empty())
      it->status = update.status;
    if (!update.active_form.empty())
      it->active_form = update.active_form;
  }

  void tool_result(const Record& record, const json& block) {
    const auto id = session::string_member(block, "tool_use_id");
    const auto found = pending_.find(id);
    if (found == pending_.end())
      return;
    const auto& pending = found->second;
    const auto* error_flag = session::object_member(block, "is_error");
    const bool is_error = error_flag && error_flag->is_boolean() && error_flag->get<bool>();
    std::string text;
    if (const auto* content = session::object_member(block, "content"))
      text = session::content_text(*content);
    const auto* result = session::object_member(record.json, "toolUseResult");
    const auto& name = pending.canonical;
    const auto target = pending.target;

    if (is_error) {
      ToolError error;
      error.tool = name;
      error.target = redact(quote::excerpt(target, 200));
      error.error = redact(quote::excerpt(trim(text), 300));
      error.line = record.line_number;
      error.self_correction = is_self_correction(text);
      failed_calls_.push_back(pending);
      await_resolution(pending, model_.errors.size());
      model_.errors.push_back(std::move(error));
    } else {
      resolve_errors(pending, record.line_number);
    }

    if (const auto skill = skills_by_tool_.find(id); skill != skills_by_tool_.end() && is_error) {
      skill_calls_[skill->second].failed = true;
    }
    if (const auto agent = agents_by_tool_.find(id); agent != agents_by_tool_.end()) {
      auto& subagent = model_.subagents[agent->second];
      std::string agent_id = result ? session::string_member(*result, "agentId") : "";
      if (agent_id.empty()) {
        const auto at = text.find("agentId: ");
        if (at != std::string::npos) {
          auto end = at + 9;
          while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                       text[end] == '-' || text[end] == '_'))
            ++end;
          agent_id = text.substr(at + 9, end - at - 9);
        }
      }
      subagent.id = redact(agent_id);
      const auto status = result ? session::string_member(*result, "status") : "";
      if (is_error)
        subagent.status = "failed";
      else if (status == "async_launched" || status == "running")
        subagent.status = "running";
      else if (status == "failed" || status == "error")
        subagent.status = "failed";
      else
        subagent.status = "completed";
      subagent.result_excerpt = redact(quote::excerpt(trim(text), 200));
    }
    if (const auto test = tests_by_tool_.find(id); test != tests_by_tool_.end()) {
      model_.test_runs[test->second].failed = is_error;
      model_.test_runs[test->second].has_result = true;
    }
    if (const auto created = created_.find(id); created != created_.end() && !is_error) {
      std::string real_id;
      if (result) {
        if (const auto* task = session::object_member(*result, "task"))
          real_id = session::string_member(*task, "id");
      }
      if (real_id.empty()) {
        const auto hash = text.find('#');
        if (hash != std::string::npos) {
          auto end = hash + 1;
          while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
            ++end;
          real_id = text.substr(hash + 1, end - hash - 1);
        }
      }
      if (!real_id.empty()) {
        for (auto& task : tasks_) {
          if (task.id == created->second)
            task.id = real_id;
        }
        if (std::all_of(real_id.begin(), real_id.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          task_counter_ = std::max(task_counter_, std::stoull(real_id.substr(0, 18)));
        }
      }
    }
  }

  // A later success on the same target resolves an earlier failure: any file
  // tool on the same file (a refused Edit, then a Read and a Write), the same
  // call of any other tool, and for a shell command any later command that
  // succeeds in the same directory (the agent got past it). Applying a
  // success twice changes nothing, so a skimmed result may be replayed by a
  // full parse.
  //
  // The failures wait in `unresolved_` under each key a success can resolve
  // them by (see `resolution`), so a success costs a few lookups, not a scan
  // of every error so far; a list is emptied once its failures are resolved.
  void resolve_errors(const PendingTool& success, std::size_t line) {
    const auto resolve = [&](const std::string& key) {
      const auto found = unresolved_.find(key);
      if (found == unresolved_.end())
        return;
      for (const auto index : found->second) {
        auto& error = model_.errors[index];
        if (error.resolution.empty())
          error.resolution = resolution(failed_calls_[index], success, line);
      }
      unresolved_.erase(found);
    };
    if (success.canonical == "Bash") {
      resolve(resolution_key("command", success.target));
      if (!success.directory.empty())
        resolve(resolution_key("directory", success.directory));
      return;
    }
    resolve(resolution_key("tool", success.canonical));
    if (is_file_tool(success.canonical) && !success.target.empty())
      resolve(resolution_key("file", success.target));
    resolve(resolution_key("call", success.canonical + '\n' + success.target));
  }

  void await_resolution(const PendingTool& failed, std::size_t index) {
    const auto wait = [&](std::string_view kind, const std::string& what) {
      unresolved_[resolution_key(kind, what)].push_back(index);
    };
    if (failed.canonical == "Bash") {
      wait("command", failed.target);
      if (!failed.directory.empty())
        wait("directory", failed.directory);
    } else if (failed.target.empty()) {
      wait("tool", failed.canonical);
    } else if (is_file_tool(failed.canonical)) {
      wait("file", failed.target);
    } else {
      wait("call", failed.canonical + '\n' + failed.target);
    }
  }

  static std::string resolution_key(std::string_view kind, const std::string& what) {
    std::string key(kind);
    key += '\0';
    key += what;
    return key;
  }

  static bool is_file_tool(const std::string& tool) {
    return tool == "Read" || tool == "Write" || tool == "Edit" || tool == "MultiEdit" ||
           tool == "NotebookEdit";
  }

  // How `success` at `line` resolves the failure of `failed`, or "" when it does not.
  static std::string resolution(const PendingTool& failed, const PendingTool& success,
                                std::size_t line) {
    if (failed.target.empty() && failed.canonical != "Bash")
      return failed.canonical == success.canonical
                 ? fmt::format("a later {} call succeeded at line {}", success.canonical, line)
                 : std::string();
    if (is_file_tool(failed.canonical) && is_file_tool(success.canonical) &&
        failed.target == success.target) {
      return failed.canonical == success.canonical
                 ? fmt::format("the same {} call succeeded at line {}", success.canonical, line)
                 : fmt::format("a {} of the same file succeeded at line {}", success.canonical,
                               line);
    }
    if (failed.canonical == "Bash" && success.canonical == "Bash") {
      if (failed.target == success.target)
        return fmt::format("the same command succeeded at line {}", line);
      if (!failed.directory.empty() && failed.directory == success.directory)
        return fmt::format("a later command in the same directory succeeded at line {}", line);
      return {};
    }
    if (failed.canonical == success.canonical && failed.target == success.target)
      return fmt::format("the same {} call succeeded at line {}", success.canonical, line);
    return {};
  }

  // Claude Code's guards that refuse a call before it runs; the agent reads
  // the file (or lists the directory) and calls again.
  static bool is_self_correction(std::string_view text) {
    constexpr std::string_view guards[] = {"File has not been read yet",
                                           "File has been modified since read",
                                           "File has been unexpectedly modified", "EISDIR"};
    return std::any_of(std::begin(guards), std::end(guards),
                       [&](std::string_view guard) { return text.find(guard) != text.npos; });
  }

  static std::string target_of(const ToolUse& tool_use) {
    for (const char* key :
         {"file_path", "notebook_path", "command", "pattern", "url", "query", "skill"}) {
      auto value = session::string_member(tool_use.input, key);
      if (!value.empty())
        return trim(value.substr(0, value.find('\n')));
    }
    return {};
  }

  void finish_subagents() {
    for (const auto& sidechain : sidechains_) {
      if (sidechain.subagent == npos)
        continue;
      auto& subagent = model_.subagents[sidechain.subagent];
      subagent.sidechain_first_line = sidechain.first_line;
      subagent.sidechain_last_line = sidechain.last_line;
      if (subagent.id.empty())
        subagent.id = redact(sidechain.agent_id);
    }
    for (auto& subagent : model_.subagents) {
      if (subagent.id.empty())
        continue;
      if (const auto it = input_.agents.find(subagent.id); it != input_.agents.end()) {
        subagent.transcript_records = it->second.record_count;
      }
    }
  }

  void finish_skills() {
    std::set<std::string> seen;
    for (auto it = skill_calls_.rbegin(); it != skill_calls_.rend() && model_.skills.size() < 5;
         ++it) {
      const auto name = redact(trim(it->name));
      if (it->failed || name.empty() || !seen.insert(name).second)
        continue;
      auto skill = *it;
      skill.name = name;
      skill.args = redact(absolute_args(quote::clean(trim(it->args))));
      model_.skills.push_back(std::move(skill));
    }
    for (std::size_t i = 0; i + 1 < model_.skills.size(); ++i)
      model_.skills[i].parent = model_.skills[i + 1].name;
  }

  void finish_todos() {
    const auto& items = todo_kind_ == "TodoWrite" ? todo_write_ : tasks_;
    model_.todo_source = todo_kind_;
    for (const auto& item : items) {
      Todo todo;
      todo.id = redact(item.id);
      todo.content = redact(trim(quote::clean(item.content)));
      if (todo.content.empty()) {
        ++model_.todos_dropped;
        continue;
      }
      todo.status = item.status;
      if (todo.status != "pending" && todo.status != "in_progress" && todo.status != "completed") {
        todo.original_status = redact(item.status);
        todo.status = "pending";
      }
      todo.active_form = redact(trim(quote::clean(item.active_form)));
      if (todo.active_form.empty())
        todo.active_form = todo.content;
      todo.priority = item.priority;
      if (todo.priority != "high" && todo.priority != "medium" && todo.priority != "low")
        todo.priority.clear();
      model_.todos.push_back(std::move(todo));
    }
  }

  void finish_documents() {
    for (const auto& [path, line] : planning_lines_) {
      PlanningDoc doc;
      doc.path = redact(path);
      doc.kind = *plan_kind(path);
      const auto state = world_.file_state(path);
      doc.exists = state.exists && doc.path == path;
      doc.lines = state.lines;
      doc.last_line = line;
      doc.quotable = quote::quotable_path(doc.path);
      model_.planning_docs.push_back(std::move(doc));
    }
    std::stable_sort(model_.planning_docs.begin(), model_.planning_docs.end(),
                     [](const auto& a, const auto& b) { return a.last_line > b.last_line; });
  }

  void finish_files() {
    for (auto& [key, change] : files_) {
      const auto redacted = redact(change.path);
      change.state = redacted == change.path ? world_.file_state(change.path) : FileState{};
      change.path = redacted;
      change.actor = redact(change.actor);
      change.quotable = quote::quotable_path(change.path);
      model_.files.push_back(change);
    }
    std::stable_sort(model_.files.begin(), model_.files.end(),
                     [](const auto& a, const auto& b) { return a.last_line > b.last_line; });
  }

  // The most specific identifier of a task's text: a word of letters, digits
  // and underscores with an underscore, an inner capital or a digit
  // ("retry_limit", "parseConfig"); "" when there is none.
  static std::string identifier_in(std::string_view text) {
    std::string best;
    for (const auto& word : words_of(text)) {
      if (word.size() < 4 || !std::all_of(word.begin(), word.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
          })) {
        continue;
      }
      const bool underscore = word.find('_') != std::string::npos;
      const bool inner_capital = std::any_of(word.begin() + 1, word.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c));
      });
      const bool letters = std::any_of(word.begin(), word.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c));
      });
      if (letters && (underscore || inner_capital) && word.size() > best.size())
        best = word;
    }
    return best;
  }

  void finish_verifications() {
    const auto project = quote::safe_path(model_.project_dir);
    for (std::size_t i = 0; i < model_.todos.size(); ++i) {
      const auto& todo = model_.todos[i];
      if (todo.status == "completed")
        continue;
      Verification verification;
      verification.todo_number = i + 1;
      // 1. The last test command the session ran.
      for (auto it = model_.test_runs.rbegin(); it != model_.test_runs.rend(); ++it) {
        if (!quote::code_safe(it->command) || it->command.size() > 200)
          continue;
        verification.command = it->command;
        verification.expected = "exit 0";
        verification.basis = fmt::format("last test command of the session (line {}, {})", it->line,
                                         !it->has_result ? "no result recorded"
                                         : it->failed    ? "it failed then"
                                                         : "it passed then");
        break;
      }
      // 2. The files the task names: the identifier it mentions in a file
      // that exists, else the file's existence.
      for (const auto& word : words_of(todo.content)) {
        if (!verification.command.empty())
          break;
        if (!rules::support::looks_like_path(word))
          continue;
        const auto path = resolve(word.substr(0, word.find(':')));
        if (path.empty() || !quote::quotable_path(path))
          continue;
        const auto file = quote::shell_word(quote::safe_path(path));
        const bool exists = world_.file_state(path).exists;
        const auto identifier = exists ? identifier_in(todo.content) : std::string();
        if (!identifier.empty()) {
          verification.command = fmt::format("grep -c -- {} {}", identifier, file);
          verification.expected = "1 or more";
          verification.basis = "the task names this file and this identifier";
        } else {
          verification.command = "test -f " + file;
          verification.expected = "exit 0";
          verification.basis = exists ? "the task names this file; it exists now"
                                      : "the task names this file; it does not exist yet";
        }
        if (!quote::code_safe(verification.command))
          verification.command.clear();
      }
      // 3. What changed in the project.
      if (verification.command.empty()) {
        const bool quotable = quote::quotable_path(project);
        if (model_.git) {
          verification.command = quotable
                                     ? "git -C " + quote::shell_word(project) + " status --short"
                                     : "git status --short";
          verification.expected = "lists the files this todo changes";
        } else {
          verification.command = quotable ? "ls -la " + quote::shell_word(project) : "ls -la";
          verification.expected = "shows the files this todo produces";
        }
        verification.basis = "the session ran no tests and the task names no file";
      }
      model_.verifications.push_back(std::move(verification));
    }
  }

  const SessionInput& input_;
  const World& world_;
  Model model_;
  std::string cwd_;
  bool awaiting_summary_ = false;
  std::size_t boundary_index_ = 0;
  std::map<std::string, PendingTool> pending_;
  std::vector<ActiveSkill> skill_calls_;
  std::vector<session::TodoItem> todo_write_;
  std::vector<session::TodoItem> tasks_;
  std::string todo_kind_;
  unsigned long long task_counter_ = 0;
  std::map<std::string, std::string> created_;  // TaskCreate tool id -> task id
  std::map<std::string, std::size_t> skills_by_tool_;
  std::map<std::string, std::size_t> agents_by_tool_;
  std::map<std::string, std::size_t> tests_by_tool_;
  std::map<std::string, std::size_t> planning_lines_;
  std::map<std::pair<std::string, std::string>, FileChange> files_;
  std::vector<PendingTool> failed_calls_;  // parallel to model_.errors
  std::unordered_map<std::string, std::vector<std::size_t>> unresolved_;  // see resolve_errors
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct Sidechain {
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    std::string agent_id;
    std::size_t subagent = npos;  // index in model_.subagents
  };
  std::vector<Sidechain> sidechains_;
  std::map<std::string, std::size_t> chain_of_uuid_;
  std::string sidechain_actor_ = "sidechain";
  // Agent calls no sidechain has claimed yet: subagent index, prompt.
  std::vector<std::pair<std::size_t, std::string>> prompts_;
};

}  // namespace

bool is_builtin_command(std::string_view name) {
  return std::find(std::begin(builtin_commands), std::end(builtin_commands), name) !=
         std::end(builtin_commands);
}

bool is_test_command(std::string_view command) {
  for (auto runner : test_runners) {
    for (auto at = command.find(runner); at != std::string_view::npos;
         at = command.find(runner, at + 1)) {
      const bool start = at == 0 || command[at - 1] == ' ' || command[at - 1] == '/' ||
                         command[at - 1] == '&' || command[at - 1] == ';' || command[at - 1] == '(';
      const auto end = at + runner.size();
      const bool stop = end == command.size() || command[end] == ' ' || command[end] == ';' ||
                        command[end] == '&' || command[end] == ')' || command[end] == '|';
      if (start && stop)
        return true;
    }
  }
  return false;
}

std::size_t Model::unresolved_errors() const {
  return static_cast<std::size_t>(std::count_if(errors.begin(), errors.end(), [](const auto& e) {
    return e.resolution.empty() && !e.self_correction;
  }));
}

std::vector<const PlanningDoc*> Model::reads() const {
  std::vector<const PlanningDoc*> reads;
  for (const auto& doc : planning_docs) {
    if (doc.exists && doc.quotable && reads.size() < 5)
      reads.push_back(&doc);
  }
  return reads;
}

TranscriptSummary summarize_transcript(const fs::path& file, const session::ReadOptions& options) {
  TranscriptSummary summary;
  auto validated = std::make_shared<session::ValidatedLines>();
  auto parse_whole = std::make_shared<std::vector<std::size_t>>();
  auto read_options = options;
  read_options.on_malformed = [&](const session::MalformedLine& line) {
    validated->malformed.push_back(line.line_number);
    if (options.on_malformed)
      options.on_malformed(line);
  };
  session::RecordReader reader(file, read_options);
  while (reader.next()) {
    ++summary.record_count;
    std::string session_id, slug, version, timestamp, cwd;
    if (needs_full_parse(reader.text())) {
      parse_whole->push_back(reader.line_number());
      const auto record = session::parse_record(reader.text());
      session_id = record.session_id;
      slug = record.slug;
      version = record.version;
      timestamp = record.timestamp;
      cwd = record.cwd;
    } else {
      const auto& members = reader.members();
      session_id = value_string(session::find_member(members, "sessionId"));
      slug = value_string(session::find_member(members, "slug"));
      version = value_string(session::find_member(members, "version"));
      timestamp = value_string(session::find_member(members, "timestamp"));
      cwd = value_string(session::find_member(members, "cwd"));
    }
    if (summary.session_id.empty() && !session_id.empty())
      summary.session_id = std::move(session_id);
    if (!slug.empty())
      summary.slug = std::move(slug);
    if (!version.empty())
      summary.version = std::move(version);
    if (!timestamp.empty())
      summary.last_timestamp = std::move(timestamp);
    if (summary.cwd.empty() && !cwd.empty() && cwd.front() == '/')
      summary.cwd = std::move(cwd);
  }
  validated->lines = reader.lines_read();
  summary.validated = std::move(validated);
  summary.parse_whole = std::move(parse_whole);
  return summary;
}

Model extract(const SessionInput& input, const World& world) {
  return Extractor(input, world).run();
}

}  // namespace baton::generate
