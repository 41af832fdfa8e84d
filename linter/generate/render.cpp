#include "generate/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "generate/extract.hpp"
#include "generate/quote.hpp"
#include "rules/layout.hpp"

namespace baton::generate {

namespace {

using doc::SectionKind;
using rules::layout::Entry;

// The parenthesised suffixes of spellbook's current headings.
const std::map<std::string, std::string_view>& heading_suffixes() {
  static const std::map<std::string, std::string_view> suffixes = {
      {"SECTION 0", " (Execute Before Reading Further)"},
      {"0.1", " (EXECUTE FIRST)"},
      {"0.2", " (EXECUTE SECOND)"},
      {"0.3", " (EXECUTE THIRD)"},
      {"SECTION 1", " (Memory Transplant)"},
      {"1.5", " (By Actor)"},
      {"1.10", " (MANDATORY)"},
      {"SECTION 2", " (Execute on \"continue\")"},
      {"Step 0", " (skip if Section 0 done)"},
      {"Step 3", " (CRITICAL)"},
      {"Step 4", " (DO NOT TAKE OVER)"},
      {"Step 7", " (MANDATORY)"},
  };
  return suffixes;
}

std::string heading(const Entry& entry) {
  const auto number = rules::layout::display_number(entry.kind, entry.number);
  std::string_view level = "###";
  if (entry.kind == SectionKind::part)
    level = "##";
  else if (entry.kind == SectionKind::sub &&
           std::count(entry.number.begin(), entry.number.end(), '.') == 2)
    level = "####";
  std::string suffix;
  if (const auto it = heading_suffixes().find(number); it != heading_suffixes().end())
    suffix = it->second;
  return fmt::format("{} {}{}\n", level, rules::layout::display_name(entry), suffix);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string path_code(const std::string& path) {
  return quote::code_span(quote::safe_path(path));
}

std::string skill_call(const ActiveSkill& skill) {
  if (skill.args.empty())
    return fmt::format("Skill({})", quote::literal(skill.name));
  return fmt::format("Skill({}, {})", quote::literal(skill.name), quote::literal(skill.args));
}

std::string kind_name(PlanKind kind) {
  switch (kind) {
    case PlanKind::design:
      return "design";
    case PlanKind::impl:
      return "implementation plan";
    case PlanKind::plan:
      return "plan";
  }
  return "plan";
}

std::string state_text(const FileState& state) {
  if (!state.exists)
    return "missing on disk";
  if (state.lines)
    return fmt::format("exists, {}", plural(*state.lines, "line", "lines"));
  return "exists";
}

std::string operations_text(const FileChange& change) {
  std::string out;
  for (const auto& [tool, count] : change.operations) {
    if (!out.empty())
      out += ", ";
    out += count == 1 ? tool : fmt::format("{} x{}", tool, count);
  }
  return out;
}

std::string workflow_pattern(const Model& model) {
  const auto background = std::count_if(model.subagents.begin(), model.subagents.end(),
                                        [](const auto& agent) { return agent.background; });
  if (background >= 2)
    return "parallel-swarm";
  if (!model.subagents.empty())
    return "sequential-delegation";
  return "single-threaded";
}

const Todo* active_todo(const Model& model) {
  for (const auto& todo : model.todos) {
    if (todo.status == "in_progress")
      return &todo;
  }
  return nullptr;
}

// How much of each long list Section 1 shows; the rest is counted, with
// where to find it. Unlimited unless the handoff would not fit its budget.
struct ListLimits {
  static constexpr std::size_t all = static_cast<std::size_t>(-1);
  std::size_t files = all;
  std::size_t messages = all;       // the first (the goal) and the most recent
  std::size_t message_bytes = all;  // per message quoted in 1.7
  std::size_t errors = all;         // unresolved first, then the most recent
  std::size_t subagents = all;      // running first, then the most recent
  std::size_t pivots = 10;
  std::size_t summary_bytes = all;  // the compaction summary of 1.11
  std::size_t git_lines = 30;
  std::size_t todos = all;
  std::size_t records = all;  // test runs of 1.12, gone planning documents of 1.9: the most recent
};

struct Section0Limits {
  bool drop_completed = false;
  std::size_t max_reads = 5;
  std::size_t max_todo_text = 0;  // 0: no limit
  std::size_t max_todos = 0;      // 0: no limit
  std::size_t max_args = 0;       // 0: no limit
};

class Renderer {
 public:
  explicit Renderer(const Model& model) : model_(model), reads_(model.reads()) {}

  // The whole document, or, once what is written so far is over `budget`,
  // std::nullopt: a budget step that cannot fit is not worth finishing.
  std::optional<std::string> document(const ListLimits& lists, const Budget& budget) {
    lists_ = lists;
    return render(
        [](const rules::layout::Entry& entry) {
          // 0.6-0.8 carry nothing the session records.
          return !(entry.presence == rules::layout::Presence::optional &&
                   entry.kind == SectionKind::sub && rules::layout::part_of(entry) == "0");
        },
        budget);
  }

  std::string section0(const Section0Limits& limits) {
    limits_ = limits;
    return *render(
        [](const rules::layout::Entry& entry) {
          return rules::layout::part_of(entry) == "0" &&
                 entry.presence != rules::layout::Presence::optional;
        },
        Budget{0, 0});
  }

 private:
  // The title, then every layout entry `include` accepts, in layout order;
  // std::nullopt as soon as the text is over `budget` (0: no limit).
  template <typename Include>
  std::optional<std::string> render(Include include, const Budget& budget) {
    std::string out = title();
    std::size_t lines = line_count(out);
    for (const auto& entry : rules::layout::entries()) {
      if (!include(entry))
        continue;
      const auto start = out.size();
      out += heading(entry);
      out += '\n';
      auto body = this->body(entry);
      while (body.ends_with("\n\n"))
        body.pop_back();
      if (!body.empty()) {
        out += body;
        out += '\n';
      }
      lines += static_cast<std::size_t>(std::count(out.begin() + static_cast<std::ptrdiff_t>(start),
                                                   out.end(), '\n'));
      // Trailing blank lines are trimmed below, so allow for them here.
      if ((budget.max_bytes != 0 && out.size() > budget.max_bytes + 2) ||
          (budget.max_lines != 0 && lines > budget.max_lines + 2))
        return std::nullopt;
    }
    while (out.size() > 1 && out.ends_with("\n\n"))
      out.pop_back();
    return out;
  }

  std::string title() const {
    auto name = model_.slug;
    if (name.empty())
      name = model_.session_id;
    if (name.empty())
      name = "session";
    return fmt::format("# Handoff: {}\n\n<!-- Generated by baton generate at {}. -->\n\n",
                       quote::inline_text(name), quote::inline_text(model_.generated_at));
  }

  std::string body(const Entry& entry) {
    const auto number = rules::layout::display_number(entry.kind, entry.number);
    using Body = std::string (Renderer::*)();
    static const std::map<std::string, Body> bodies = {
        {"SECTION 0", &Renderer::part0},  {"0.1", &Renderer::s0_1},
        {"0.2", &Renderer::s0_2},         {"0.3", &Renderer::s0_3},
        {"0.4", &Renderer::s0_4},         {"0.5", &Renderer::s0_5},
        {"SECTION 1", &Renderer::part1},  {"1.1", &Renderer::s1_1},
        {"1.1.1", &Renderer::s1_1_1},     {"1.1.2", &Renderer::s1_1_2},
        {"1.2", &Renderer::s1_2},         {"1.3", &Renderer::s1_3},
        {"1.4", &Renderer::s1_4},         {"1.5", &Renderer::s1_5},
        {"1.6", &Renderer::s1_6},         {"1.7", &Renderer::s1_7},
        {"1.8", &Renderer::s1_8},         {"1.9", &Renderer::s1_9},
        {"1.10", &Renderer::s1_10},       {"1.11", &Renderer::s1_11},
        {"1.12", &Renderer::s1_12},       {"1.13", &Renderer::s1_13},
        {"1.14", &Renderer::s1_14},       {"1.15", &Renderer::s1_15},
        {"1.16", &Renderer::s1_16},       {"1.17", &Renderer::s1_17},
        {"1.18", &Renderer::s1_18},       {"1.19", &Renderer::s1_19},
        {"1.20", &Renderer::s1_20},       {"1.21", &Renderer::s1_21},
        {"1.22", &Renderer::s1_22},       {"1.23", &Renderer::s1_23},
        {"1.24", &Renderer::s1_24},       {"1.25", &Renderer::s1_25},
        {"SECTION 2", &Renderer::part2},  {"Step 0", &Renderer::step0},
        {"Step 0.5", &Renderer::step0_5}, {"Step 1", &Renderer::step1},
        {"Step 2", &Renderer::step2},     {"Step 3", &Renderer::step3},
        {"Step 3.5", &Renderer::step3_5}, {"Step 4", &Renderer::step4},
        {"Step 5", &Renderer::step5},     {"Step 6", &Renderer::step6},
        {"Step 7", &Renderer::step7},     {"Step 8", &Renderer::step8},
        {"Step 9", &Renderer::step9},
    };
    const auto it = bodies.find(number);
    if (it == bodies.end())
      throw std::logic_error("baton generate has no content for section " + number);
    return (this->*(it->second))();
  }

  // --- Section 0 -------------------------------------------------------------

  std::string part0() {
    return "Run 0.1, 0.2 and 0.3 now, in this order, before reading any further. They restore the "
           "workflow, the documents and the todo list the previous session ended with.\n";
  }

  std::string skill_fence(const ActiveSkill& skill) const {
    auto shown = skill;
    if (limits_.max_args && shown.args.size() > limits_.max_args)
      shown.args = quote::excerpt(shown.args, limits_.max_args);
    return "```\n" + skill_call(shown) + "\n```\n";
  }

  std::string s0_1() {
    if (model_.skills.empty()) {
      return "NO ACTIVE SKILL - proceed to 0.2\n\nThe session neither called the Skill tool nor "
             "typed a "
             "skill command.\n";
    }
    const auto& top = model_.skills.front();
    auto out = skill_fence(top);
    out += fmt::format(
        "\nInvoke this before any implementation work. It is the most recent skill of the "
        "session ({}, session line {}); the whole stack is in 1.1.1.\n",
        top.origin, top.line);
    if (limits_.max_args && top.args.size() > limits_.max_args) {
      out += fmt::format(
          "\nThe arguments were cut to {} bytes to fit the budget; 1.14 has them in full.\n",
          limits_.max_args);
    }
    return out;
  }

  std::string reads_fence(std::size_t max) const {
    std::string out = "```\n";
    for (std::size_t i = 0; i < reads_.size() && i < max; ++i) {
      out += fmt::format("Read({})\n", quote::literal(quote::safe_path(reads_[i]->path)));
    }
    return out + "```\n";
  }

  std::size_t gone_documents() const {
    return static_cast<std::size_t>(std::count_if(model_.planning_docs.begin(),
                                                  model_.planning_docs.end(),
                                                  [](const auto& doc) { return !doc.exists; }));
  }

  std::string s0_2() {
    if (reads_.empty()) {
      return fmt::format(
          "NO DOCUMENTS TO READ\n\nNo planning document the session referenced exists on "
          "disk now ({} referenced, {} gone; see 1.9).\n",
          model_.planning_docs.size(), gone_documents());
    }
    auto out = reads_fence(limits_.max_reads);
    if (limits_.max_reads < reads_.size()) {
      out += fmt::format(
          "\nOnly the most recent of {} documents is listed to fit the budget; 1.10 lists "
          "them all.\n",
          reads_.size());
    }
    return out;
  }

  std::vector<const Todo*> restored_todos() const {
    std::vector<const Todo*> todos;
    for (const auto& todo : model_.todos) {
      if (limits_.drop_completed && todo.status == "completed")
        continue;
      if (limits_.max_todos && todos.size() >= limits_.max_todos)
        break;
      todos.push_back(&todo);
    }
    return todos;
  }

  std::string s0_3() {
    const auto todos = restored_todos();
    if (model_.todos.empty()) {
      if (model_.todo_source.empty()) {
        return "NO TODOS TO RESTORE\n\nThe session never wrote a todo list (no TodoWrite, "
               "TaskCreate or "
               "TaskUpdate call).\n";
      }
      return fmt::format(
          "NO TODOS TO RESTORE\n\nThe last todo list of the session ({}, session line {}) "
          "was empty.\n",
          model_.todo_source, model_.todo_line);
    }
    std::string out = "```\nTodoWrite([\n";
    for (std::size_t i = 0; i < todos.size(); ++i) {
      auto content = todos[i]->content;
      auto active = todos[i]->active_form;
      if (limits_.max_todo_text) {
        content = quote::excerpt(content, limits_.max_todo_text);
        active = quote::excerpt(active, limits_.max_todo_text);
      }
      out += fmt::format("  {{\"content\": {}, \"status\": \"{}\", \"activeForm\": {}}}{}\n",
                         quote::literal(content), todos[i]->status, quote::literal(active),
                         i + 1 < todos.size() ? "," : "");
    }
    out += "])\n```\n";
    out += fmt::format("\nThe latest todo list of the session, verbatim ({}, session line {}).\n",
                       model_.todo_source, model_.todo_line);
    const auto left_out = model_.todos.size() - todos.size();
    if (left_out > 0 || limits_.max_todo_text) {
      out += fmt::format(
          "\nTo fit the budget, {} and todo texts are {}; 1.8 has the full list.\n",
          left_out ? plural(left_out, "todo is left out", "todos are left out")
                   : "no todo is left out",
          limits_.max_todo_text ? fmt::format("cut to {} bytes", limits_.max_todo_text) : "whole");
    }
    return out;
  }

  std::string s0_4() {
    return "**STOP. Before reading Section 1, check:**\n\n"
           "- [ ] Was the skill of 0.1 invoked (or does 0.1 name none)?\n"
           "- [ ] Were the documents of 0.2 read (or does 0.2 name none)?\n"
           "- [ ] Were the todos of 0.3 restored (or does 0.3 hold none)?\n\n"
           "If any answer is no, do that step first.\n";
  }

  std::string s0_5() {
    return "While working:\n\n"
           "- Follow the workflow of the skill in 0.1 rather than improvising one\n"
           "- Dispatch subagents the way the workflow prescribes\n"
           "- Mark a todo complete only after its 1.13 command gives the expected result\n"
           "- Trust the files on disk (1.12) over any claim in the conversation (1.7, 1.11)\n";
  }

  // --- Section 1 -------------------------------------------------------------

  std::string part1() {
    return fmt::format(
        "Everything below was derived by baton from the session file and checked against "
        "the disk at {}. Where the session records nothing, the section says so.\n",
        quote::inline_text(model_.generated_at));
  }

  std::string exact_position() const {
    for (const auto& change : model_.files) {
      if (change.actor == "main" && change.quotable) {
        return fmt::format("last file changed by the main agent: {} ({}, session line {}); {}",
                           path_code(change.path), operations_text(change), change.last_line,
                           model_.user_messages.empty()
                               ? std::string("no user message recorded")
                               : fmt::format("last user message at session line {}",
                                             model_.user_messages.back().line));
      }
    }
    if (!model_.user_messages.empty()) {
      return fmt::format(
          "no file changed by the main agent; the last user message is at session line {} "
          "(quoted in 1.7)",
          model_.user_messages.back().line);
    }
    return fmt::format("not derivable: the session ({}) changed no file and has no user message",
                       plural(model_.record_count, "record", "records"));
  }

  std::string s1_1() {
    std::string skills;
    for (const auto& skill : model_.skills)
      skills += (skills.empty() ? "" : ", ") + quote::inline_text(skill.name);
    const auto* todo = active_todo(model_);
    std::string out = "**Main Chat Agent (You):**\n\n";
    out +=
        "- **Persona:** not recorded in the session; act as the orchestrator of the work below\n";
    out += fmt::format(
        "- **Responsibilities:** restore Section 0, then drive the {} of 0.3 to completion\n",
        plural(model_.todos.size(), "todo", "todos"));
    out += fmt::format("- **Skills/Commands:** {}\n", skills.empty() ? "none invoked" : skills);
    out += fmt::format("- **Current Task:** {}\n", todo ? quote::inline_text(todo->content)
                                                        : std::string("no todo is in progress"));
    out += fmt::format("- **Exact Position:** {}\n", exact_position());
    out += fmt::format("- **Workflow Pattern:** {} ({} dispatched)\n", workflow_pattern(model_),
                       plural(model_.subagents.size(), "subagent", "subagents"));
    out += "\n**Active Subagent Hierarchy:**\n\n";
    if (model_.subagents.empty())
      return out + "No subagent was dispatched in this session.\n";
    out += "| Agent ID | Type | Task | Status | Output |\n|---|---|---|---|---|\n";
    const auto agents = listed_subagents();
    for (const auto* listed : agents) {
      const auto& agent = *listed;
      std::string output =
          agent.result_excerpt.empty() ? "no result recorded" : agent.result_excerpt;
      if (agent.transcript_records)
        output += fmt::format(" (transcript: {})",
                              plural(*agent.transcript_records, "record", "records"));
      out += fmt::format("| {} | {} | {} | {} | {} |\n", agent_id_cell(agent),
                         agent.type.empty() ? "not recorded" : quote::cell(agent.type),
                         quote::cell(agent.description), agent.status, quote::cell(output));
    }
    if (agents.size() < model_.subagents.size())
      out += "\n" + left_out(model_.subagents.size() - agents.size(), "finished subagent");
    return out;
  }

  static std::string agent_id_cell(const Subagent& agent) {
    if (!agent.id.empty())
      return quote::cell(agent.id);
    if (agent.sidechain_first_line) {
      return fmt::format("none recorded; its inline sidechain is session lines {} to {}",
                         agent.sidechain_first_line, agent.sidechain_last_line);
    }
    return "not reported";
  }

  // Who changed a file, for 1.5 and 1.12 (unescaped): an agent id, or an
  // inline sidechain named by its lines.
  std::string actor_text(const std::string& actor) const {
    if (actor.starts_with("sidechain:")) {
      const auto line = actor.substr(10);
      for (const auto& agent : model_.subagents) {
        if (agent.sidechain_first_line && std::to_string(agent.sidechain_first_line) == line) {
          return fmt::format("the inline sidechain of session lines {} to {} ({}{})",
                             agent.sidechain_first_line, agent.sidechain_last_line,
                             agent.description, agent.id.empty() ? "" : ", agent " + agent.id);
        }
      }
      return fmt::format("the inline sidechain from session line {}", line);
    }
    if (actor == "sidechain")
      return "an inline sidechain";
    return "agent " + actor;
  }

  std::string s1_1_1() {
    if (model_.skills.empty()) {
      return "No skill was active: the session neither called the Skill tool nor typed a skill "
             "command.\n";
    }
    std::string out = "| Skill | Parent | Invoked | Resume Command |\n|---|---|---|---|\n";
    for (std::size_t i = 0; i < model_.skills.size(); ++i) {
      const auto& skill = model_.skills[i];
      out +=
          fmt::format("| {} | {} | {}, session line {} | {} |\n", quote::cell(skill.name),
                      skill.parent.empty() ? "none" : quote::cell(skill.parent), skill.origin,
                      skill.line, i == 0 ? "the first call of 1.14" : "the nested calls of 1.14");
    }
    return out + "\nThe first row is the most recent skill, the top of the stack.\n";
  }

  std::string s1_1_2() {
    return fmt::format(
        "**You coordinate; the workflow executes.** Restore the skill of 0.1 and let its "
        "steps, or subagents, do the substantive work, as the previous session did "
        "({}).\n",
        plural(model_.subagents.size(), "subagent dispatch", "subagent dispatches"));
  }

  // Whether a message asks for work: typed text, or a skill command with
  // arguments (`/orchestrator create TODO app`); `/clear`, `/model opus` or
  // an argument-less `/init` configure the session rather than state a goal.
  static bool is_request(const UserMessage& message) {
    if (!message.command)
      return true;
    return !message.command_args.empty() && !is_builtin_command(message.command_name);
  }

  // A reply that carries no goal of its own ("yes", "ok, continue").
  static bool is_acknowledgement(const UserMessage& message) {
    static const std::set<std::string> words = {
        "yes",     "y",      "ok",      "okay", "sure",     "continue", "go",  "ahead",
        "proceed", "thanks", "thank",   "you",  "please",   "do",       "it",  "lgtm",
        "good",    "great",  "perfect", "next", "approved", "fine",     "yep", "yeah",
        "right",   "sounds", "that",    "is",   "looks",    "correct"};
    std::string word;
    std::size_t count = 0;
    bool only_known = true;
    auto flush = [&] {
      if (word.empty())
        return;
      ++count;
      only_known = only_known && words.count(word);
      word.clear();
    };
    for (char c : message.text) {
      if (std::isalpha(static_cast<unsigned char>(c)))
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (c == ' ' || c == ',' || c == '.' || c == '!' || c == '\n' || c == '\'')
        flush();
      else
        return false;
    }
    flush();
    return only_known && count <= 6;
  }

  // The session's goal: the first request; else the first skill command,
  // else the first message.
  const UserMessage* first_request() const {
    for (const auto& message : model_.user_messages) {
      if (is_request(message))
        return &message;
    }
    for (const auto& message : model_.user_messages) {
      if (message.command && !is_builtin_command(message.command_name))
        return &message;
    }
    return model_.user_messages.empty() ? nullptr : &model_.user_messages.front();
  }

  // What the goal asks, for 1.2 and 1.20: a command's arguments are the request.
  static std::string goal_text(const UserMessage& message) {
    if (message.command && !message.command_args.empty())
      return message.command_args;
    return message.text;
  }

  static std::string goal_origin(const UserMessage& message) {
    if (message.command && !message.command_args.empty())
      return fmt::format("the arguments of /{}, session line {}",
                         quote::inline_text(message.command_name), message.line);
    return fmt::format("session line {}", message.line);
  }

  // The requests after the goal that are not mere acknowledgements, oldest first.
  std::vector<const UserMessage*> pivots() const {
    std::vector<const UserMessage*> out;
    const auto* first = first_request();
    bool after = false;
    for (const auto& message : model_.user_messages) {
      if (&message == first) {
        after = true;
        continue;
      }
      if (after && is_request(message) && !is_acknowledgement(message))
        out.push_back(&message);
    }
    return out;
  }

  std::string s1_2() {
    std::string out;
    const auto* first = first_request();
    if (first) {
      out += fmt::format("- **Ultimate Goal:** as first requested by the user ({}): {}\n",
                         goal_origin(*first),
                         quote::inline_text(quote::excerpt(goal_text(*first), 300)));
    } else {
      out += "- **Ultimate Goal:** not derivable: the session has no user message\n";
    }
    const auto later = pivots();
    if (!later.empty()) {
      out += "- **Later Requests (goal stack, most recent on top):**\n";
      const std::size_t show = std::min(later.size(), lists_.pivots);
      for (std::size_t i = 0; i < show; ++i) {
        const auto* message = later[later.size() - 1 - i];
        out += fmt::format("  - {}: {}\n", goal_origin(*message),
                           quote::inline_text(quote::excerpt(goal_text(*message), 200)));
      }
      if (show < later.size())
        out += fmt::format("  - and {} earlier; 1.7 quotes the messages\n", later.size() - show);
    }
    out += fmt::format("- **Current Phase:** {}\n",
                       model_.skills.empty()
                           ? std::string("no skill workflow is active")
                           : "inside the skill " + quote::inline_text(model_.skills.front().name));
    const auto* todo = active_todo(model_);
    out +=
        fmt::format("- **Your Active Task:** {}\n", todo ? quote::inline_text(todo->content)
                                                         : std::string("no todo is in progress"));
    std::string running;
    for (const auto& agent : model_.subagents) {
      if (agent.status == "running")
        running += (running.empty() ? "" : "; ") + quote::inline_text(agent.description);
    }
    out += fmt::format("- **Subagents' Tasks:** {}\n",
                       running.empty() ? std::string("none running") : running);
    return out;
  }

  std::string s1_3() {
    std::map<std::string, std::size_t> extensions;
    for (const auto& change : model_.files) {
      const auto slash = change.path.rfind('/');
      const auto dot = change.path.rfind('.');
      if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1))
        ++extensions[change.path.substr(dot)];
    }
    std::string out =
        "Not derivable from the records: the concepts live in the conversation (1.7, 1.11). "
        "What the records do show:\n\n";
    out += fmt::format("- Claude Code {}\n", model_.version.empty()
                                                 ? std::string("version not recorded")
                                                 : quote::inline_text(model_.version));
    if (extensions.empty()) {
      out += "- No file was changed, so no file type stands out\n";
    } else {
      std::string list;
      for (const auto& [extension, count] : extensions) {
        list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", quote::inline_text(extension),
                            count);
      }
      out += "- File types changed: " + list + "\n";
    }
    return out;
  }

  std::string s1_4() {
    return "Not derivable: the session records no decision in machine-readable form. The user's "
           "own "
           "words are quoted in full in 1.7; decisions stated there bind.\n";
  }

  std::string change_line(const FileChange& change) const {
    return fmt::format("- {}: {}, session line {}; now {}\n",
                       change.quotable ? path_code(change.path) : quote::inline_text(change.path),
                       operations_text(change), change.last_line, state_text(change.state));
  }

  std::string s1_5() {
    std::string main;
    std::map<std::string, std::string> by_agent;
    const auto files = listed_files();
    for (const auto* change : files) {
      if (change->actor == "main")
        main += change_line(*change);
      else
        by_agent[change->actor] += change_line(*change);
    }
    std::string out = "**Main Agent:**\n\n";
    out += main.empty() ? "No file written or edited by the main agent.\n" : main;
    out += "\n**Subagents:**\n\n";
    if (files.size() < model_.files.size())
      out = left_out(model_.files.size() - files.size(), "less recently changed file") + "\n" + out;
    if (by_agent.empty())
      return out + "No file written or edited by a subagent.\n";
    for (const auto& [agent, lines] : by_agent) {
      out += fmt::format("By {}:\n\n{}\n", quote::inline_text(actor_text(agent)), lines);
    }
    return out;
  }

  // The errors 1.6, 1.25 and 1.20 list one by one: every error but the
  // self-corrections, unresolved ones first when the list must be cut.
  std::vector<const ToolError*> listed_errors() const {
    std::vector<const ToolError*> errors;
    for (const auto& error : model_.errors) {
      if (!error.self_correction)
        errors.push_back(&error);
    }
    const auto picked = shown(errors.size(), lists_.errors,
                              [&](std::size_t i) { return errors[i]->resolution.empty(); });
    std::vector<const ToolError*> out;
    for (auto i : picked)
      out.push_back(errors[i]);
    return out;
  }

  std::size_t listable_errors() const {
    return static_cast<std::size_t>(
        std::count_if(model_.errors.begin(), model_.errors.end(),
                      [](const auto& e) { return !e.self_correction; }));
  }

  // One line for the calls Claude Code's guards refused, by guard.
  std::string self_corrections() const {
    std::map<std::string, std::size_t> by_guard;
    std::size_t total = 0;
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    for (const auto& error : model_.errors) {
      if (!error.self_correction)
        continue;
      ++total;
      first_line = first_line ? first_line : error.line;
      last_line = error.line;
      const auto& text = error.error;
      const auto guard = text.find("EISDIR") != std::string::npos ? "Read of a directory (EISDIR)"
                         : text.find("not been read") != std::string::npos
                             ? "file not read before writing"
                             : "file modified since it was read";
      ++by_guard[guard];
    }
    if (total == 0)
      return {};
    std::string kinds;
    for (const auto& [guard, count] : by_guard)
      kinds += fmt::format("{}{}: {}", kinds.empty() ? "" : ", ", guard, count);
    return fmt::format(
        "**Self-corrections:** {} refused by Claude Code before running ({}; {}). The agent read "
        "the file or changed the call and went on; none needs attention.\n",
        plural(total, "call was", "calls were"), kinds,
        first_line == last_line ? fmt::format("session line {}", first_line)
                                : fmt::format("session lines {} to {}", first_line, last_line));
  }

  std::string s1_6() {
    const auto corrections = self_corrections();
    const auto listable = listable_errors();
    if (model_.errors.empty())
      return "No tool call failed in this session.\n";
    std::string out;
    if (listable == 0) {
      out += "No tool call failed apart from the self-corrections below.\n";
    } else {
      out += "| Error | Fix | User Feedback |\n|---|---|---|\n";
      const auto errors = listed_errors();
      for (const auto* error : errors) {
        const auto what =
            fmt::format("{} (session line {}){}: {}", error->tool, error->line,
                        error->target.empty() ? "" : " on " + error->target, error->error);
        out += fmt::format("| {} | {} | not derivable |\n", quote::cell(what),
                           error->resolution.empty() ? "unresolved at distillation"
                                                     : quote::cell(error->resolution));
      }
      if (errors.size() < listable)
        out += "\n" + left_out(listable - errors.size(), "resolved error");
    }
    if (!corrections.empty())
      out += "\n" + corrections;
    return out;
  }

  std::string s1_7() {
    if (model_.user_messages.empty()) {
      return "The session has no user message: only tool results, meta records and summaries.\n";
    }
    const auto listed = listed_messages();
    const auto total = model_.user_messages.size();
    std::string out =
        fmt::format("{}, {}oldest first:\n\n", plural(total, "user message", "user messages"),
                    listed.size() < total ? "the first request and the most recent, "
                    : lists_.message_bytes != ListLimits::all ? ""
                                                              : "verbatim, ");
    std::size_t cut = 0;
    for (auto i : listed) {
      const auto& message = model_.user_messages[i];
      out += fmt::format(
          "Message {} (session line {}{}):\n\n", i + 1, message.line,
          message.timestamp.empty() ? "" : ", " + quote::inline_text(message.timestamp));
      if (message.text.size() > lists_.message_bytes) {
        ++cut;
        out += quote::blockquote(quote::excerpt(message.text, lists_.message_bytes)) + "\n";
      } else {
        out += quote::blockquote(message.text) + "\n";
      }
    }
    if (listed.size() < total)
      out += left_out(total - listed.size(), "message");
    if (cut) {
      out += fmt::format("{}{} cut to {} bytes to fit the budget.\n",
                         listed.size() < total ? "\n" : "",
                         plural(cut, "message is", "messages are"), lists_.message_bytes);
    }
    return out;
  }

  std::string s1_8() {
    std::string out = "**Main Agent Todos (VERBATIM):**\n\n";
    if (model_.todos.empty()) {
      out += model_.todo_source.empty() ? "No todo list was written in this session.\n"
                                        : "The last todo list was empty.\n";
    } else {
      out += fmt::format("From {} at session line {}:\n\n", model_.todo_source, model_.todo_line);
      for (std::size_t i = 0; i < model_.todos.size(); ++i) {
        const auto& todo = model_.todos[i];
        out += fmt::format("- [{}] #{} {} ({}{}{})\n", todo.status == "completed" ? "x" : " ",
                           i + 1, quote::inline_text(todo.content),
                           todo.status == "in_progress" ? "in progress" : todo.status,
                           todo.original_status.empty()
                               ? ""
                               : "; recorded as " + quote::inline_text(todo.original_status),
                           todo.priority.empty() ? "" : "; priority " + todo.priority);
      }
    }
    if (model_.todos_dropped) {
      out += fmt::format("\n{} without text left out.\n",
                         plural(model_.todos_dropped, "todo", "todos"));
    }
    out += "\n**Subagent Pending:**\n\n";
    std::string running;
    for (const auto& agent : model_.subagents) {
      if (agent.status == "running" || agent.status == "pending") {
        running += fmt::format("- {} ({})\n", quote::inline_text(agent.description),
                               agent.id.empty() ? std::string("no agent id reported")
                                                : "agent " + quote::inline_text(agent.id));
      }
    }
    out += running.empty() ? "No subagent is still running.\n" : running;
    out += "\n**Implicit Todos:**\n\n";
    const auto unresolved = model_.unresolved_errors();
    out += unresolved
               ? fmt::format("- Look into the {} of 1.6\n",
                             plural(unresolved, "unresolved tool error", "unresolved tool errors"))
               : std::string("None derivable: no tool error is left unresolved.\n");
    return out;
  }

  std::string s1_9() {
    std::string out;
    std::vector<const PlanningDoc*> present;
    std::vector<const PlanningDoc*> unquotable;
    std::vector<const PlanningDoc*> gone;
    for (const auto& doc : model_.planning_docs) {
      if (!doc.exists)
        gone.push_back(&doc);
      else if (doc.quotable)
        present.push_back(&doc);
      else
        unquotable.push_back(&doc);
    }
    if (present.empty()) {
      out += "NO PLANNING DOCUMENTS\n\nVerified by searching:\n\n";
      out += fmt::format(
          "- the session's tool calls and messages for `*-impl.md`, `*-design.md`, `*-plan.md` "
          "and `plans/*.md`: {}\n",
          plural(model_.planning_docs.size(), "reference", "references"));
      out += fmt::format("- the disk at distillation: {} of them exist\n",
                         model_.planning_docs.size() - gone.size() - unquotable.size());
    } else {
      out += "| Path | Kind | Status | Re-Read Priority |\n|---|---|---|---|\n";
      for (std::size_t i = 0; i < present.size(); ++i) {
        const auto* doc = present[i];
        out += fmt::format("| {} | {} | {}; last referenced at session line {} | {} |\n",
                           path_code(doc->path), kind_name(doc->kind),
                           state_text(FileState{true, doc->lines}), doc->last_line,
                           i < reads_.size() ? "HIGH" : "MEDIUM");
      }
    }
    if (!unquotable.empty()) {
      out += "\nPresent, but with characters a call cannot quote safely (read them by hand):\n\n";
      for (const auto* doc : unquotable)
        out += "- " + quote::inline_text(doc->path, true) + "\n";
    }
    if (!gone.empty()) {
      out += "\nGone (referenced in the session, no longer on disk; do not read them):\n\n";
      const auto shown = std::min(gone.size(), lists_.records);
      for (std::size_t i = gone.size() - shown; i < gone.size(); ++i) {
        const auto* doc = gone[i];
        out += fmt::format("- {} ({}, last referenced at session line {})\n",
                           doc->quotable ? path_code(doc->path) : quote::inline_text(doc->path),
                           kind_name(doc->kind), doc->last_line);
      }
      if (shown < gone.size())
        out += "\n" + left_out(gone.size() - shown, "earlier gone document");
    }
    return out;
  }

  std::string s1_10() {
    if (reads_.empty()) {
      return "NO DOCUMENTS TO RE-READ\n\nNo planning document of 1.9 exists on disk now.\n";
    }
    std::string out = "| Priority | Path (ABSOLUTE) | Why | Focus Section |\n|---|---|---|---|\n";
    for (std::size_t i = 0; i < reads_.size(); ++i) {
      out +=
          fmt::format("| {} | {} | {} referenced at session line {} | whole document |\n", i + 1,
                      path_code(reads_[i]->path), kind_name(reads_[i]->kind), reads_[i]->last_line);
    }
    out += "\n**Resuming Agent Instructions:**\n\n";
    return out + reads_fence(reads_.size());
  }

  std::string s1_11() {
    std::string out = fmt::format(
        "The session {} (Claude Code {}) has {}, {} and {}; its last activity was {}. {}\n",
        model_.session_id.empty() ? std::string("file") : quote::inline_text(model_.session_id),
        model_.version.empty() ? std::string("version not recorded")
                               : quote::inline_text(model_.version),
        plural(model_.record_count, "record", "records"),
        plural(model_.user_messages.size(), "user message", "user messages"),
        plural(model_.compaction_count, "compaction", "compactions"),
        model_.last_activity.empty() ? std::string("not recorded")
                                     : quote::inline_text(model_.last_activity),
        model_.secrets_redacted ? fmt::format("Secrets were redacted from {}.",
                                              plural(model_.secrets_redacted, "value", "values"))
                                : std::string("No secret was found in what this handoff quotes."));
    if (!model_.last_compact) {
      return out +
             "\nNo compaction summary exists, so no narrative can be derived mechanically: read "
             "1.7.\n";
    }
    out += fmt::format("\nThe summary written at the last compaction (record {}{}):\n\n",
                       model_.last_compact->record_index,
                       model_.last_compact->timestamp.empty()
                           ? ""
                           : ", " + quote::inline_text(model_.last_compact->timestamp));
    auto text = model_.last_compact->text.empty() ? std::string("(the summary is empty)")
                                                  : model_.last_compact->text;
    std::string note;
    if (text.size() > lists_.summary_bytes) {
      note = fmt::format(
          "\nThe summary is cut to {} of its {} bytes to fit the budget; `baton sessions "
          "last-compact` on the session file prints it whole.\n",
          lists_.summary_bytes, text.size());
      text = quote::excerpt(text, lists_.summary_bytes);
    }
    return out + quote::blockquote(text) + note;
  }

  std::string s1_12() {
    std::string out;
    std::vector<const FileChange*> unquotable;
    std::string rows;
    const auto files = listed_files();
    for (const auto* listed : files) {
      const auto& change = *listed;
      if (!change.quotable) {
        unquotable.push_back(&change);
        continue;
      }
      rows += fmt::format("| {} | written by {} ({}) | {} | {} |\n", path_code(change.path),
                          change.actor == "main" ? std::string("the main agent")
                                                 : quote::cell(actor_text(change.actor)),
                          operations_text(change), state_text(change.state),
                          change.state.exists ? "Match" : "Missing");
    }
    if (rows.empty() && unquotable.empty()) {
      out += "No files changed: the session wrote or edited no file.\n";
    } else if (!rows.empty()) {
      out += "| Path | Expected (per plan) | Actual | Status |\n|---|---|---|---|\n" + rows;
    } else {
      out += "No files changed that a table can quote; the changed files are listed below.\n";
    }
    if (!unquotable.empty()) {
      out += "\nChanged files whose paths a table cannot quote:\n\n";
      for (const auto* change : unquotable)
        out += change_line(*change);
    }
    if (files.size() < model_.files.size())
      out += "\n" + left_out(model_.files.size() - files.size(), "less recently changed file");
    out += "\n**Verification Commands Run:**\n\n";
    if (model_.test_runs.empty())
      return out + "The session ran no test command.\n";
    const auto shown = std::min(model_.test_runs.size(), lists_.records);
    for (std::size_t i = model_.test_runs.size() - shown; i < model_.test_runs.size(); ++i) {
      const auto& run = model_.test_runs[i];
      out += fmt::format("- {} at session line {}: {}\n",
                         quote::code_safe(run.command) ? quote::code_span(run.command)
                                                       : quote::inline_text(run.command),
                         run.line,
                         !run.has_result ? "no result recorded"
                         : run.failed    ? "failed"
                                         : "passed");
    }
    if (shown < model_.test_runs.size())
      out += "\n" + left_out(model_.test_runs.size() - shown, "earlier test run");
    return out;
  }

  std::string structural_command() const {
    const auto project = quote::safe_path(model_.project_dir);
    if (!quote::quotable_path(project))
      return model_.git ? "git status --short" : "ls -la";
    return model_.git ? "git -C " + quote::shell_word(project) + " status --short"
                      : "ls -la " + quote::shell_word(project);
  }

  std::string s1_13() {
    std::string out = "| Task | Todo | Command | Expected | Basis |\n|---|---|---|---|---|\n";
    for (const auto& verification : model_.verifications) {
      const auto& todo = model_.todos[verification.todo_number - 1];
      out += fmt::format("| #{} | {} | {} | {} | {} |\n", verification.todo_number,
                         quote::cell(todo.content), quote::code_span(verification.command),
                         quote::cell(verification.expected), quote::cell(verification.basis));
    }
    out += fmt::format(
        "| structural | the working tree | {} | {} | state of the project at resumption |\n",
        quote::code_span(structural_command()),
        model_.git ? "the changes listed in 1.19" : "the files listed in 1.12");
    out += fmt::format(
        "\n{}. Mark a todo complete only after its command gives the expected result.\n",
        model_.verifications.empty()
            ? std::string("No todo is pending or in progress, so only the structural check applies")
            : fmt::format(
                  "One row per pending or in-progress todo of 0.3 (Task is its number there)"));
    return out;
  }

  std::string s1_14() {
    if (model_.skills.empty()) {
      return "NO ACTIVE SKILL\n\nThere is no skill to resume; 0.1 says the same.\n";
    }
    std::string out = "```\n" + skill_call(model_.skills.front()) + "\n```\n";
    if (model_.skills.size() > 1) {
      out += "\n**Nested:** the skills below it on the stack, most recent first:\n\n```\n";
      for (std::size_t i = 1; i < model_.skills.size(); ++i)
        out += skill_call(model_.skills[i]) + "\n";
      out += "```\n";
    }
    return out;
  }

  std::string s1_15() {
    return "Not derivable: no decision is recorded in machine-readable form. Treat what the user "
           "required in 1.7 as binding, and ask before departing from it.\n";
  }

  std::string s1_16() {
    return "| Source | Authority | Use For |\n|---|---|---|\n"
           "| Files on disk (1.12, 1.19) | HIGHEST | what exists now |\n"
           "| Planning documents (1.9) | HIGH | what was intended |\n"
           "| Todo list (0.3) | MEDIUM | what was still open |\n"
           "| Messages and summary (1.7, 1.11) | LOW | why, and what the user asked |\n";
  }

  std::string s1_17() {
    std::string out;
    const auto* todo = active_todo(model_);
    if (todo)
      out += fmt::format("- **Incomplete:** the in-progress todo {}\n",
                         quote::inline_text(todo->content));
    std::size_t missing = 0;
    std::size_t missing_listed = 0;
    for (const auto& change : model_.files)
      missing += change.state.exists ? 0 : 1;
    for (const auto* change : listed_files()) {
      if (!change->state.exists) {
        ++missing_listed;
        out += fmt::format(
            "- **Missing:** {} was written in the session but is not on disk now\n",
            change->quotable ? path_code(change->path) : quote::inline_text(change->path));
      }
    }
    if (missing_listed < missing) {
      out += fmt::format("- **Missing:** {} too, not named here; 1.12 says where they are listed\n",
                         plural(missing - missing_listed, "less recently written file",
                                "less recently written files"));
    }
    for (const auto* error : listed_errors()) {
      if (error->resolution.empty()) {
        out += fmt::format("- **Unresolved:** the {} failure at session line {} (1.6)\n",
                           error->tool, error->line);
      }
    }
    if (out.empty())
      return "None detected: no todo in progress, no written file missing, no unresolved tool "
             "error.\n";
    return out + "\nCheck each against 1.12 before building on it.\n";
  }

  std::string s1_18() {
    if (model_.test_runs.empty()) {
      return "No quality gate ran: none of the session's Bash calls ran a test command.\n";
    }
    std::map<std::string, const TestRun*> last;
    for (const auto& run : model_.test_runs)
      last[run.command] = &run;
    std::string out = "| Gate | Status | Evidence | Skip? |\n|---|---|---|---|\n";
    for (const auto& [command, run] : last) {
      out +=
          fmt::format("| {} | {} | last run at session line {} | No |\n",
                      quote::code_safe(command) ? quote::code_span(command) : quote::cell(command),
                      !run->has_result ? "PENDING"
                      : run->failed    ? "FAILED"
                                       : "PASSED",
                      run->line);
    }
    return out;
  }

  std::string s1_19() {
    const auto project = quote::safe_path(model_.project_dir);
    std::string out = fmt::format(
        "- **Project directory:** {} ({})\n",
        quote::quotable_path(project) ? quote::code_span(project) : quote::inline_text(project),
        model_.project_dir_from_session ? "the cwd recorded in the session" : "given to baton");
    if (!model_.git) {
      out +=
          "- **Git:** not available: the directory is not a git repository, or git is not "
          "installed\n";
    } else {
      out += fmt::format("- **Git branch:** {}\n", quote::inline_text(model_.git->branch));
      out += fmt::format("- **Git status:** {}\n", model_.git->status_lines.empty()
                                                       ? std::string("clean")
                                                       : plural(model_.git->status_lines.size(),
                                                                "changed path", "changed paths"));
      const std::size_t shown =
          std::min<std::size_t>(model_.git->status_lines.size(), lists_.git_lines);
      for (std::size_t i = 0; i < shown; ++i)
        out += "  - " + quote::inline_text(model_.git->status_lines[i], true) + "\n";
      if (shown < model_.git->status_lines.size()) {
        out += fmt::format("  - and {} more\n", model_.git->status_lines.size() - shown);
      }
    }
    if (quote::quotable_path(project)) {
      out += "\n```bash\n";
      if (model_.git) {
        const bool branch_safe = quote::code_safe(model_.git->branch);
        out += fmt::format("git -C {} branch --show-current{}\n", quote::shell_word(project),
                           branch_safe ? "  # Expected: " + model_.git->branch : "");
        out += fmt::format("git -C {} status --porcelain | wc -l  # Expected: {}\n",
                           quote::shell_word(project), model_.git->status_lines.size());
      } else {
        out += fmt::format("ls -la {}\n", quote::shell_word(project));
      }
      out += "```\n";
    }
    return out;
  }

  // --- 1.20 ------------------------------------------------------------------

  static std::string yaml(const std::string& text) { return quote::literal(text); }

  std::string s1_20() {
    std::string y;
    y += "format_version: \"3.0\"\nmode: manual\n";
    y += "project_path: " + yaml(quote::safe_path(model_.project_dir)) + "\n";
    y += "project_encoded: " + yaml(model_.project_encoded) + "\n";
    y += "session_id: " +
         (model_.session_id.empty() ? std::string("null") : yaml(model_.session_id)) + "\n";
    y += "timestamp: " + yaml(model_.generated_at) + "\n";
    y += fmt::format("compaction_count: {}\n", model_.compaction_count);
    if (model_.skills.empty()) {
      y += "skill_stack: []\n";
    } else {
      y += "skill_stack:\n";
      for (const auto& skill : model_.skills) {
        y += "  - name: " + yaml(skill.name) + "\n";
        y += "    parent: " + (skill.parent.empty() ? std::string("null") : yaml(skill.parent)) +
             "\n";
        y += "    resume_command: " + yaml(skill_call(skill)) + "\n";
      }
    }
    if (model_.subagents.empty()) {
      y += "subagents: []\n";
    } else {
      y += "subagents:\n";
      for (const auto* listed : listed_subagents()) {
        const auto& agent = *listed;
        y += "  - id: " + (agent.id.empty() ? std::string("null") : yaml(agent.id)) + "\n";
        y += "    persona: " + (agent.type.empty() ? std::string("null") : yaml(agent.type)) + "\n";
        y += "    task: " + yaml(agent.description) + "\n";
        y += "    status: " + agent.status + "\n";
        y += "    output_summary: " +
             (agent.result_excerpt.empty() ? std::string("null") : yaml(agent.result_excerpt)) +
             "\n";
      }
    }
    y += "workflow:\n  pattern: " + workflow_pattern(model_) + "\n";
    const auto* first = first_request();
    y += "goals:\n  ultimate: " +
         (first ? yaml(quote::excerpt(goal_text(*first), 300)) : std::string("null")) + "\n";
    y += "todos:\n";
    if (model_.todos.empty()) {
      y += "  explicit: []\n";
    } else {
      y += "  explicit:\n";
      for (std::size_t i = 0; i < model_.todos.size(); ++i) {
        const auto& todo = model_.todos[i];
        y += "    - content: " + yaml(todo.content) + "\n";
        y += "      status: " + todo.status + "\n";
        if (!todo.id.empty())
          y += "      id: " + yaml(todo.id) + "\n";
        if (!todo.priority.empty())
          y += "      priority: " + todo.priority + "\n";
        for (const auto& verification : model_.verifications) {
          if (verification.todo_number == i + 1)
            y += "      verification: " + yaml(verification.command) + "\n";
        }
      }
    }
    y += "  implicit: []\n  blockers: []\n";
    y += "documents:\n";
    std::string design;
    std::string impl;
    for (const auto& doc : model_.planning_docs) {
      if (!doc.exists || !doc.quotable)
        continue;
      (doc.kind == PlanKind::design ? design : impl) +=
          "    - path: " + yaml(quote::safe_path(doc.path)) + "\n";
    }
    y += design.empty() ? "  design: []\n" : "  design:\n" + design;
    y += impl.empty() ? "  impl: []\n" : "  impl:\n" + impl;
    if (reads_.empty()) {
      y += "  must_read: []\n";
    } else {
      y += "  must_read:\n";
      for (std::size_t i = 0; i < reads_.size(); ++i) {
        y += "    - path: " + yaml(quote::safe_path(reads_[i]->path)) + "\n";
        y += "      why: " + yaml(kind_name(reads_[i]->kind)) + "\n";
        y += fmt::format("      priority: {}\n", i + 1);
      }
    }
    y += "conversation:\n";
    if (model_.user_messages.empty()) {
      y += "  user_messages: []\n";
    } else {
      y += "  user_messages:\n";
      for (auto i : listed_messages()) {
        const auto& message = model_.user_messages[i];
        y += "    - content: " + yaml(quote::excerpt(message.text, 200)) + "\n";
        y += "      timestamp: " +
             (message.timestamp.empty() ? std::string("null") : yaml(message.timestamp)) + "\n";
      }
    }
    const auto errors = listed_errors();
    if (errors.empty()) {
      y += "  errors: []\n";
    } else {
      y += "  errors:\n";
      for (const auto* error : errors) {
        y += "    - error: " + yaml(error->tool + ": " + error->error) + "\n";
        y += "      fix: " +
             (error->resolution.empty() ? std::string("null") : yaml(error->resolution)) + "\n";
      }
    }
    y += "artifacts:\n";
    std::string files;
    for (const auto* listed : listed_files()) {
      const auto& change = *listed;
      if (!change.quotable)
        continue;
      files += "    - path: " + yaml(quote::safe_path(change.path)) + "\n";
      files += "      expected: " + yaml("written (" + operations_text(change) + ")") + "\n";
      files += "      actual: " + yaml(state_text(change.state)) + "\n";
      files += std::string("      status: ") + (change.state.exists ? "match" : "missing") + "\n";
    }
    y += files.empty() ? "  files: []\n" : "  files:\n" + files;
    if (model_.git) {
      std::string status;
      for (std::size_t i = 0; i < model_.git->status_lines.size() && i < lists_.git_lines; ++i)
        status += model_.git->status_lines[i] + "\n";
      y += "environment:\n  git_branch: " + yaml(model_.git->branch) + "\n";
      y += "  git_status: " + yaml(status) + "\n";
    } else {
      y += "environment:\n  git_branch: null\n  git_status: null\n";
    }
    return "```yaml\n" + y + "```\n";
  }

  std::string s1_21() {
    std::string out =
        "**COMPLETE when ALL true:**\n\n- [ ] Every 1.13 command gives its expected result\n";
    if (!model_.verifications.empty()) {
      out += fmt::format("- [ ] Each open todo of 0.3 ({}) is completed\n",
                         model_.verifications.size());
    }
    out += "- [ ] The user approved the result\n";
    return out;
  }

  std::string s1_22() {
    if (!model_.git)
      return "Not available: the project is not a git repository, so no ref can be recorded.\n";
    return fmt::format(
        "Not derivable: the session records no commit of its own. At distillation the project "
        "is on branch {} with {}; `git stash` or a commit is the recovery point to make before "
        "risky work.\n",
        quote::inline_text(model_.git->branch),
        plural(model_.git->status_lines.size(), "changed path", "changed paths"));
  }

  std::string s1_23() {
    if (model_.skills.empty())
      return "No skill to re-enter: none was active.\n";
    std::string out;
    for (const auto& skill : model_.skills) {
      out += fmt::format(
          "- **{}:** entered by {} at session line {}; re-enter with its 1.14 call{}\n",
          quote::inline_text(skill.name), skill.origin, skill.line,
          skill.args.empty() ? " (it took no arguments)" : ", which repeats its arguments");
    }
    return out;
  }

  std::string s1_24() {
    std::string out = "| Mode | Prevention |\n|---|---|\n";
    out += "| Building on a claim instead of the disk | compare with 1.12 first |\n";
    out += "| Skipping the workflow of 0.1 | invoke the skill before any other work |\n";
    out += "| Marking a todo done without proof | run its 1.13 command |\n";
    std::set<std::string> tools;
    for (const auto& error : model_.errors) {
      if (!error.self_correction)
        tools.insert(error.tool);
    }
    for (const auto& tool : tools) {
      out += fmt::format(
          "| The {} failures of 1.6 | read their errors before retrying the same call |\n",
          quote::cell(tool));
    }
    return out;
  }

  std::string s1_25() {
    std::string out;
    if (model_.user_messages.empty()) {
      out += "**User Messages:** none.\n";
    } else {
      out += fmt::format(
          "**User Messages:** {}, quoted in 1.7 (first at session line {}, last at session line "
          "{}). Their types (request, correction, approval) are not derivable mechanically.\n",
          model_.user_messages.size(), model_.user_messages.front().line,
          model_.user_messages.back().line);
    }
    out += "\n**Corrections Received:** not derivable from the records; look for them in 1.7.\n";
    out += "\n**Error History:**\n\n";
    if (listable_errors() == 0) {
      return out + (model_.errors.empty() ? "No tool error.\n"
                                          : "No tool error apart from the self-corrections of "
                                            "1.6.\n");
    }
    out += "| Error | Resolution | User Involved? |\n|---|---|---|\n";
    for (const auto* error : listed_errors()) {
      out +=
          fmt::format("| {} at session line {} | {} | not derivable |\n", error->tool, error->line,
                      error->resolution.empty() ? "unresolved" : quote::cell(error->resolution));
    }
    return out;
  }

  // --- Section 2 -------------------------------------------------------------

  std::string part2() {
    return "You inherit work in progress; you are not starting fresh. Run Section 0 first if it "
           "has not run.\n";
  }

  std::string step0() {
    const auto project = quote::safe_path(model_.project_dir);
    if (!quote::quotable_path(project)) {
      return "Check that the current directory is the project of 1.19 before anything else.\n";
    }
    std::string out = "```bash\n";
    out += fmt::format("cd {} && pwd  # Expected: {}\n", quote::shell_word(project), project);
    for (const auto& change : model_.files) {
      if (change.quotable && change.state.exists) {
        out += fmt::format("test -f {} && echo OK || echo MISSING  # Expected: OK\n",
                           quote::shell_word(quote::safe_path(change.path)));
        break;
      }
    }
    if (model_.git) {
      out += fmt::format("git status --porcelain | wc -l  # Expected: {}\n",
                         model_.git->status_lines.size());
    }
    return out + "```\n\nIf any result differs: stop and find out why before changing anything.\n";
  }

  std::string step0_5() {
    return "**DO NOT:** implement before 0.1 ran; trust the conversation over the files; mark a "
           "todo done "
           "without its 1.13 command.\n\n**DO:** restore, verify, then continue from 1.1's Exact "
           "Position.\n";
  }
  std::string step1() { return "Re-read 1.1 and take the role described there.\n"; }
  std::string step2() {
    return model_.todos.empty()
               ? "0.3 holds no todos; create a list only when new work begins.\n"
               : "Restore the todo list with the TodoWrite call of 0.3 (1.8 shows it in full).\n";
  }
  std::string step3() {
    return model_.skills.empty() ? "No skill to re-invoke (1.14 says NO ACTIVE SKILL).\n"
                                 : "Execute the first call of 1.14. **Verify:** the skill reports "
                                   "where it resumes.\n";
  }
  std::string step3_5() {
    return "1. The skill of 0.1 is running, or none was active\n2. The todos of 0.3 are restored\n"
           "3. The documents of 1.10 are read\n";
  }
  std::string step4() {
    if (model_.subagents.empty())
      return "No subagent was dispatched, so none can be running.\n";
    return "Check each subagent of 1.1 by its Agent ID before taking any of its work over: "
           "completed ones "
           "have results, running ones may still finish.\n";
  }
  std::string step5() {
    return "Run the 1.13 commands and compare the files with 1.12 and 1.17.\n";
  }
  std::string step6() {
    return reads_.empty()
               ? "No planning document exists (1.9), so there is nothing to reconcile.\n"
               : "Compare the plan of 1.9 with the state of 1.12 and the todos of 0.3.\n";
  }
  std::string step7() {
    return reads_.empty()
               ? "1.10 lists no document to re-read; if 1.10 were blank, stop: the handoff would "
                 "be malformed.\n"
               : "Execute the Read() calls of 1.10 before any implementation work. If 1.10 were "
                 "blank, stop: the handoff would be malformed.\n";
  }
  std::string step8() { return "Continue at the Exact Position of 1.1.\n"; }
  std::string step9() {
    return "Keep the todo list current and update it as each 1.13 check passes.\n";
  }

  // Where the entries a list leaves out are shown: every record of the
  // session, or the handoff generated without a budget.
  std::string full_list_hint() const {
    const auto file = quote::safe_path(model_.session_file);
    if (file.starts_with("/") && quote::quotable_path(file) && quote::code_safe(file)) {
      return fmt::format("{} prints every record; {} lists them all",
                         quote::code_span("baton sessions all " + quote::shell_word(file)),
                         quote::code_span("baton generate " + quote::shell_word(file) +
                                          " --max-lines 0 --max-bytes 0 --out -"));
    }
    return "`baton sessions all` on the session file prints every record; `baton generate` on it "
           "with `--max-lines 0 --max-bytes 0` lists them all";
  }

  std::string left_out(std::size_t count, std::string_view what) const {
    return fmt::format("{} left out to keep this handoff readable in one Read call; {}.\n",
                       plural(count, std::string(what) + " is", std::string(what) + "s are"),
                       full_list_hint());
  }

  // The changed files 1.5, 1.12 and 1.20 list: the most recently touched.
  std::vector<const FileChange*> listed_files() const {
    std::vector<const FileChange*> out;
    for (const auto& change : model_.files) {
      if (out.size() < lists_.files)
        out.push_back(&change);
    }
    return out;
  }

  std::vector<const Subagent*> listed_subagents() const {
    const auto& agents = model_.subagents;
    std::vector<const Subagent*> out;
    for (auto i : shown(agents.size(), lists_.subagents, [&](std::size_t i) {
           return agents[i].status == "running" || agents[i].status == "pending";
         }))
      out.push_back(&agents[i]);
    return out;
  }

  // 1.7 and 1.20 quote the goal and the most recent messages.
  std::vector<std::size_t> listed_messages() const {
    const auto* first = first_request();
    return shown(model_.user_messages.size(), lists_.messages,
                 [&](std::size_t i) { return &model_.user_messages[i] == first; });
  }

  // The indices of `size` entries to show, in their original order: those
  // `keep_first` marks (up to `max`), then the others from the end.
  template <typename Important>
  static std::vector<std::size_t> shown(std::size_t size, std::size_t max, Important important) {
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < size && picked.size() < max; ++i) {
      if (important(i))
        picked.push_back(i);
    }
    for (std::size_t i = size; i-- > 0 && picked.size() < max;) {
      if (!important(i))
        picked.push_back(i);
    }
    std::sort(picked.begin(), picked.end());
    return picked;
  }

  const Model& model_;
  std::vector<const PlanningDoc*> reads_;
  Section0Limits limits_;
  ListLimits lists_;
};

}  // namespace

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::size_t line_count(const std::string& text) {
  auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return !text.empty() && text.back() != '\n' ? lines + 1 : lines;
}

bool fits(const std::string& text, const Budget& budget) {
  return (budget.max_lines == 0 || line_count(text) <= budget.max_lines) &&
         (budget.max_bytes == 0 || text.size() <= budget.max_bytes);
}

std::string render(const Model& model, const Budget& budget) {
  Renderer renderer(model);
  ListLimits lists;
  auto out = renderer.document(lists, budget);
  // Each step keeps fewer entries of the long lists, the ones that matter
  // most first (the goal, pending work, unresolved errors, recent changes).
  struct Step {
    std::size_t entries, message_bytes, summary_bytes, pivots, git_lines;
  };
  constexpr Step steps[] = {
      {400, 8000, 40000, 10, 30}, {200, 4000, 20000, 10, 30}, {100, 2000, 10000, 10, 20},
      {50, 1000, 6000, 5, 20},    {20, 500, 4000, 5, 10},     {10, 300, 2000, 3, 10},
      {5, 200, 1000, 2, 5},       {2, 100, 500, 1, 3},        {1, 80, 300, 1, 1},
  };
  for (const auto& step : steps) {
    if (out && fits(*out, budget))
      return *out;
    lists.files = lists.messages = lists.errors = lists.subagents = lists.records = step.entries;
    lists.message_bytes = step.message_bytes;
    lists.summary_bytes = step.summary_bytes;
    lists.pivots = step.pivots;
    lists.git_lines = step.git_lines;
    out = renderer.document(lists, budget);
  }
  // Nothing fits: the tightest step, whole.
  return out ? *out : *renderer.document(lists, Budget{0, 0});
}

std::string render_section0(const Model& model, std::size_t budget) {
  Renderer renderer(model);
  Section0Limits limits;
  auto out = renderer.section0(limits);
  // Each step gives up a little more, in spellbook's spirit: completed work
  // first, then breadth, then detail.
  const std::function<void(Section0Limits&)> steps[] = {
      [](Section0Limits& l) { l.drop_completed = true; },
      [](Section0Limits& l) { l.max_reads = 1; },
      [](Section0Limits& l) { l.max_todo_text = 200; },
      [](Section0Limits& l) { l.max_todo_text = 80; },
      [](Section0Limits& l) { l.max_args = 1000; },
      [](Section0Limits& l) { l.max_args = 200; },
  };
  for (const auto& step : steps) {
    if (code_points(out) <= budget)
      return out;
    step(limits);
    out = renderer.section0(limits);
  }
  for (std::size_t keep = 40; code_points(out) > budget && keep >= 1; keep = keep / 2) {
    limits.max_todos = keep;
    out = renderer.section0(limits);
    if (keep == 1)
      break;
  }
  return out;
}

}  // namespace baton::generate
