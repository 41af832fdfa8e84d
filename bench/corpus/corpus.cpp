#include "corpus/corpus.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace baton::bench {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::size_t Rng::between(std::size_t low, std::size_t high) {
  if (high <= low) return low;
  return low + static_cast<std::size_t>(next() % (high - low + 1));
}

bool Rng::chance(double probability) {
  return static_cast<double>(next() >> 11) * 0x1.0p-53 < probability;
}

namespace {

// ---------------------------------------------------------------------------
// Words and sentences
// ---------------------------------------------------------------------------

constexpr const char* projects[] = {
    "tinyparse", "ledgerd", "pixelforge", "routemaster", "quillkit", "stormcache", "gridsync",
    "orbitdb", "lumen-http", "tallyho", "fernweh", "crates-mirror", "nightjar", "bitmeadow",
};
constexpr const char* skills[] = {"develop", "implementing-features", "debugging", "writing-plans",
                                  "executing-plans", "test-driven-development"};
constexpr const char* topics[] = {"tokenizer", "scheduler", "cache", "router", "exporter",
                                  "migration", "renderer", "indexer", "auth", "billing"};
constexpr const char* directories[] = {"src", "src/core", "src/io", "lib", "tests", "docs/plans",
                                       "internal/store", "pkg/api", "crates/engine", "app/models"};
constexpr const char* extensions[] = {"rs", "go", "py", "ts", "cpp", "hpp", "md", "toml", "sql"};
constexpr const char* nouns[] = {
    "parser",  "cursor",    "scanner",  "token",     "buffer",   "index",    "cache",
    "handler", "migration", "schema",   "request",   "response", "queue",    "worker",
    "commit",  "branch",    "fixture",  "benchmark", "release",  "endpoint", "snapshot",
    "table",   "column",    "session",  "record",    "checksum", "offset",   "range",
    "error",   "span",      "manifest", "lockfile",  "module",   "trait",    "interface",
    "test",    "assertion", "pipeline", "gate",      "profile",  "allocator", "thread",
};
constexpr const char* verbs[] = {
    "ports",    "rewrites", "validates", "rejects", "caches",   "streams", "splits",
    "merges",   "reports",  "measures",  "keeps",   "replaces", "checks",  "renames",
    "extracts", "moves",    "flushes",   "reads",   "writes",   "retries", "parses",
};
constexpr const char* adjectives[] = {
    "stable",  "failing", "flaky",   "legacy", "new",      "partial",   "shared",  "private",
    "strict",  "lenient", "unused",  "hot",    "cold",     "unchecked", "ordered", "sorted",
    "dirty",   "clean",   "pending", "cached", "streamed", "bounded",   "typed",   "generic",
};
constexpr const char* connectors[] = {"because", "so that", "while", "after", "before", "when",
                                      "although", "until", "since", "and then"};
constexpr const char* identifiers[] = {"next_token", "flush_all", "parse_header", "read_frame",
                                       "commit_batch", "open_cursor", "split_range", "try_lock",
                                       "render_row", "decode_escape", "merge_spans", "emit_error"};
constexpr const char* unicode_words[] = {"naïve", "café", "Zürich", "résumé", "façade", "→",
                                         "≤ 10 ms", "déjà vu", "über", "Ångström"};

struct Project {
  std::string name;
  std::string root;  // /home/dev/projects/<name>
  std::string topic;
  std::string skill;
  int phase = 3;
  int task = 4;
};

class Writer {
 public:
  Writer(Rng& rng, const Project& project) : rng_(rng), project_(project) {}

  std::string path() {
    std::string p = project_.root + "/" + rng_.pick(directories) + "/" + rng_.pick(nouns) + "_" +
                    rng_.pick(nouns) + "." + rng_.pick(extensions);
    return p;
  }

  // One sentence of technical prose, sometimes with inline code, emphasis,
  // an absolute path or a non-ASCII word.
  std::string sentence() {
    std::string s;
    const std::size_t words = rng_.between(6, 18);
    for (std::size_t i = 0; i < words; ++i) {
      if (i > 0) s += ' ';
      const auto roll = rng_.between(0, 99);
      if (roll < 30) s += std::string("the ") + rng_.pick(nouns);
      else if (roll < 50) s += rng_.pick(verbs);
      else if (roll < 65) s += rng_.pick(adjectives);
      else if (roll < 73) s += rng_.pick(connectors);
      else if (roll < 78) s += std::string("`") + rng_.pick(identifiers) + "()`";
      else if (roll < 81) s += "`" + path() + "`";
      else if (roll < 84) s += std::string("**") + rng_.pick(adjectives) + "**";
      else if (roll < 86) s += rng_.pick(unicode_words);
      else if (roll < 88) s += std::to_string(rng_.between(2, 4096));
      else s += rng_.pick(nouns);
    }
    s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
    s += '.';
    return s;
  }

  // A paragraph wrapped at about 100 columns.
  std::string paragraph(std::size_t sentences) {
    std::string p;
    std::size_t column = 0;
    for (std::size_t i = 0; i < sentences; ++i) {
      std::string s = sentence();
      std::size_t start = 0;
      while (start < s.size()) {
        auto space = s.find(' ', start);
        if (space == std::string::npos) space = s.size();
        const auto word = std::string_view(s).substr(start, space - start);
        if (column > 0 && column + 1 + word.size() > 100) {
          p += '\n';
          column = 0;
        } else if (column > 0) {
          p += ' ';
          ++column;
        }
        p += word;
        column += word.size();
        start = space + 1;
      }
    }
    p += "\n\n";
    return p;
  }

  std::string phrase(std::size_t low, std::size_t high) {
    std::string s;
    const std::size_t words = rng_.between(low, high);
    for (std::size_t i = 0; i < words; ++i) {
      if (i > 0) s += ' ';
      s += (i % 3 == 0) ? rng_.pick(verbs) : (i % 3 == 1 ? rng_.pick(adjectives) : rng_.pick(nouns));
    }
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }

 private:
  Rng& rng_;
  const Project& project_;
};

struct Todo {
  std::string content;
  std::string active_form;
  std::string status;
};

std::string gerund(std::string_view verb_phrase) {
  // "Port the scanner" -> "Porting the scanner"; good enough for activeForm.
  const auto space = verb_phrase.find(' ');
  std::string verb(verb_phrase.substr(0, space));
  std::string rest(space == std::string_view::npos ? "" : verb_phrase.substr(space));
  if (!verb.empty() && verb.back() == 'e') verb.pop_back();
  return verb + "ing" + rest;
}

constexpr const char* todo_verbs[] = {"Port", "Rewrite", "Delete", "Document", "Benchmark",
                                      "Validate", "Split", "Merge", "Rename", "Test"};

std::vector<Todo> make_todos(Rng& rng, std::size_t count) {
  std::vector<Todo> todos;
  for (std::size_t i = 0; i < count; ++i) {
    Todo todo;
    const std::string verb = rng.pick(todo_verbs);
    todo.content = verb + " the " + rng.pick(adjectives) + " " + rng.pick(nouns) + " " +
                   rng.pick(nouns) + " step " + std::to_string(i + 1);
    todo.active_form = gerund(todo.content);
    todos.push_back(std::move(todo));
  }
  // Completed first, then one in progress, then pending.
  const std::size_t done = count / 3;
  for (std::size_t i = 0; i < count; ++i) {
    todos[i].status = i < done ? "completed" : (i == done ? "in_progress" : "pending");
  }
  return todos;
}

std::string json_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The handoff
// ---------------------------------------------------------------------------

enum class Defect {
  relative_read,      // HP201 / HP303
  vague_instruction,  // HP103
  invalid_todowrite,  // HP106
  missing_skill,      // HP102
  placeholder,        // HP007
  unclosed_fence,     // HP005
  secret,             // HP601
  blank_section,      // HP006
};

}  // namespace

std::string make_handoff(Rng& rng, const HandoffOptions& options) {
  Project project;
  project.name = rng.pick(projects);
  project.root = "/home/dev/projects/" + project.name;
  project.topic = rng.pick(topics);
  project.skill = rng.pick(skills);
  project.phase = static_cast<int>(rng.between(1, 6));
  project.task = static_cast<int>(rng.between(1, 12));
  Writer w(rng, project);

  std::vector<Defect> defects;
  if (options.with_findings) {
    const std::size_t count = rng.between(1, 3);
    for (std::size_t i = 0; i < count; ++i) defects.push_back(static_cast<Defect>(rng.between(0, 7)));
  }
  auto has = [&](Defect d) { return std::find(defects.begin(), defects.end(), d) != defects.end(); };

  // Scale the free parts with the target size: a clean-handoff.md skeleton is ~8 KB.
  const std::size_t budget = options.target_bytes;
  const std::size_t todo_count = std::clamp<std::size_t>(3 + budget / 6000, 3, 40);
  const auto todos = make_todos(rng, todo_count);
  const std::string impl = project.root + "/docs/plans/" + project.topic + "-impl.md";
  const std::string design = project.root + "/docs/plans/" + project.topic + "-design.md";
  const std::string resume = "--resume Phase" + std::to_string(project.phase) + ".Task" +
                             std::to_string(project.task);
  const std::string skill_call = "Skill(\"" + project.skill + "\", \"" + resume + " --impl-plan " +
                                 impl + "\")";
  std::vector<std::string> reads = {impl, design};
  const std::size_t extra_reads = rng.between(0, 3);
  for (std::size_t i = 0; i < extra_reads; ++i)
    reads.push_back(project.root + "/docs/plans/" + rng.pick(topics) + "-" + std::to_string(i) +
                    "-plan.md");

  std::string d;
  d.reserve(budget + 16 * 1024);
  d += "# Handoff: " + project.name + " " + project.topic + " work\n\n";
  d += "## SECTION 0: MANDATORY FIRST ACTIONS (Execute Before Reading Further)\n\n";
  d += "<CRITICAL>\nExecute IMMEDIATELY before reading any other content. Not suggestions. "
       "Mandatory boot instructions.\n</CRITICAL>\n\n";
  d += "### 0.1 Workflow Restoration (EXECUTE FIRST)\n\n";
  if (has(Defect::missing_skill)) {
    d += "Restore the " + project.skill + " skill first.\n\n";
  } else {
    d += "```\n" + skill_call + "\n```\n\n";
  }
  d += "DO NOT do implementation work until the skill is invoked.\n\n";
  if (has(Defect::vague_instruction)) d += "Then continue the workflow.\n\n";
  d += "### 0.2 Required Document Reads (EXECUTE SECOND)\n\n```\n";
  for (std::size_t i = 0; i < reads.size(); ++i) {
    if (i == 0 && has(Defect::relative_read)) {
      d += "Read(\"docs/plans/" + project.topic + "-impl.md\")  # task list\n";
    } else {
      d += "Read(\"" + reads[i] + "\")  # " + w.phrase(2, 5) + "\n";
    }
  }
  d += "```\n\n";
  d += "### 0.3 Todo State Restoration (EXECUTE THIRD)\n\n```\nTodoWrite([\n";
  for (std::size_t i = 0; i < todos.size(); ++i) {
    const auto& t = todos[i];
    d += "  {\"content\": \"" + json_escape(t.content) + "\", \"status\": \"" + t.status +
         "\", \"activeForm\": \"" + json_escape(t.active_form) + "\"}";
    if (i + 1 < todos.size()) d += ",";
    else if (has(Defect::invalid_todowrite)) d += ",";
    d += "\n";
  }
  d += "])\n```\n\n";
  d += "### 0.4 Restoration Checkpoint\n\n**STOP. Before reading Section 1, verify:**\n\n"
       "- [ ] Skill invoked (or confirmed no active skill)?\n"
       "- [ ] Documents read (or confirmed none needed)?\n"
       "- [ ] Todos restored?\n\n**If ANY fails, fix before continuing.**\n\n";
  d += "### 0.5 Behavioral Constraints\n\nWhile working, you MUST:\n\n"
       "- Follow the skill workflow, not ad-hoc implementation\n"
       "- Spawn subagents per the workflow pattern\n"
       "- Run verification commands before marking anything complete\n"
       "- Honor Section 1.15 decisions without re-litigating them\n\n";

  d += "## SECTION 1: SESSION CONTEXT (Memory Transplant)\n\n";
  d += "### 1.1 Organizational Structure\n\n#### Main Chat Agent (You)\n\n";
  d += "- **Persona:** Orchestrator of the " + project.topic + " work\n";
  d += "- **Responsibilities:** dispatch implementation subagents, review their diffs, run the gates\n";
  d += "- **Skills/Commands:** " + project.skill + "\n";
  d += "- **Current Task:** Phase " + std::to_string(project.phase) + ", Task " +
       std::to_string(project.task) + "\n";
  d += "- **Exact Position:** `" + w.path() + ":" + std::to_string(rng.between(10, 900)) +
       "`, deciding how the " + rng.pick(nouns) + " reports errors\n\n";
  d += "#### 1.1.1 Active Skill Stack\n\n| Skill | Parent | Phase/Step | Resume Command |\n"
       "|---|---|---|---|\n";
  d += "| " + project.skill + " | none | Phase " + std::to_string(project.phase) + ", Task " +
       std::to_string(project.task) + " | `Skill(\"" + project.skill + "\", \"" + resume + "\")` |\n\n";
  d += "#### 1.1.2 Role Clarification\n\n**You are ORCHESTRATOR, not EXECUTOR.** Dispatch the " +
       project.topic + " work to a subagent.\n\n";
  d += "### 1.2 Goal Stack\n\n- **Ultimate Goal:** " + w.phrase(4, 9) + "\n- **Current Phase:** Phase " +
       std::to_string(project.phase) + "\n- **Your Active Task:** Task " + std::to_string(project.task) +
       "\n\n";

  // The parts that grow with the budget are written in rounds until the
  // document is large enough; each round adds to several sections.
  std::string concepts, decisions, changes, errors, messages, narrative, artifacts, context;
  std::size_t message_number = 0;
  auto estimated = [&] {
    return d.size() + concepts.size() + decisions.size() + changes.size() + errors.size() +
           messages.size() + narrative.size() + artifacts.size() + context.size() + 2000 +
           todos.size() * 260 + reads.size() * 220;
  };
  do {
    concepts += "- " + w.sentence() + "\n";
    decisions += "- " + w.sentence() + "\n";
    changes += "**" + std::string(rng.chance(0.5) ? "Main Agent" : "Subagent") + ":** " + w.sentence() +
               "\n\n";
    errors += "| " + w.phrase(3, 7) + " | " + w.phrase(2, 6) + " | " +
              (rng.chance(0.5) ? "approved" : "none") + " |\n";
    messages += std::to_string(++message_number) + ". \"" + w.sentence() + "\"\n";
    narrative += w.paragraph(rng.between(2, 6));
    if (rng.chance(0.3)) {
      narrative += "```" + std::string(rng.chance(0.5) ? "rust" : "python") + "\n";
      const std::size_t lines = rng.between(3, 20);
      for (std::size_t i = 0; i < lines; ++i)
        narrative += "    let " + std::string(rng.pick(identifiers)) + " = " + rng.pick(nouns) + "." +
                     rng.pick(identifiers) + "(" + std::to_string(i) + ");\n";
      narrative += "```\n\n";
    }
    artifacts += "| `" + w.path() + "` | " + rng.pick(adjectives) + " | " + rng.pick(adjectives) +
                 " | " + (rng.chance(0.6) ? "Match" : "Partial") + " |\n";
    context += w.paragraph(rng.between(1, 3));
  } while (estimated() < budget);

  d += "### 1.3 Key Technical Concepts\n\n" + concepts + "\n";
  d += "### 1.4 Decisions Made & Rationale\n\n" + decisions + "\n";
  d += "### 1.5 Changes Made (By Actor)\n\n" + changes;
  d += "### 1.6 Errors, Fixes & User Corrections\n\n| Error | Fix | User Feedback |\n|---|---|---|\n" +
       errors + "\n";
  d += "### 1.7 All User Messages\n\n" + messages + "\n";
  d += "### 1.8 Pending Work Items\n\n**Main Agent Todos (VERBATIM):** see 0.3.\n\n";
  d += "### 1.9 Planning & Implementation Documents\n\n| Path | Purpose | Status | Re-Read Priority |\n"
       "|---|---|---|---|\n";
  for (const auto& read : reads) d += "| `" + read + "` | " + w.phrase(2, 4) + " | APPROVED | HIGH |\n";
  d += "\n### 1.10 Documents to Re-Read (MANDATORY)\n\n| Priority | Path (ABSOLUTE) | Why | Focus Section |\n"
       "|---|---|---|---|\n";
  for (const auto& read : reads) d += "| HIGH | `" + read + "` | " + w.phrase(1, 3) + " | Phase " +
                                      std::to_string(project.phase) + " |\n";
  d += "\n```\n";
  for (const auto& read : reads) d += "Read(\"" + read + "\")\n";
  d += "```\n\n";
  d += "### 1.11 Session Narrative\n\n" + narrative;
  d += "### 1.12 Artifact State at Distillation\n\n| Path | Expected (per plan) | Actual | Status |\n"
       "|---|---|---|---|\n" + artifacts + "\n";
  d += "### 1.13 Verification Checklist\n\n| Task | Command | Expected | Actual |\n|---|---|---|---|\n";
  for (const auto& t : todos) {
    if (t.status == "completed") continue;
    d += "| " + t.content + " | `cargo test -p " + project.name + " " + rng.pick(identifiers) +
         "` | all pass | " + std::to_string(rng.between(1, 9)) + " failing |\n";
  }
  d += "\n**DO NOT mark complete until verification passes.**\n\n";
  d += "### 1.14 Skill Resume Commands\n\n```\n" + skill_call + "\n```\n\n";
  d += "### 1.15 Decisions - DO NOT REVISIT\n\n| Decision | Rationale | Confirmed | Binding |\n"
       "|---|---|---|---|\n| " + w.phrase(3, 6) + " | " + w.phrase(2, 5) + " | Yes | ABSOLUTE |\n\n";
  d += "### 1.16 Conflict Resolution\n\n| Source | Authority | Use For |\n|---|---|---|\n"
       "| Implementation Plan | HIGHEST | task order |\n| Actual Files | HIGH | what exists |\n\n";
  d += "### 1.17 Partial Work Markers\n\n**Incomplete:** `" + w.path() + "` stops before " +
       rng.pick(nouns) + " handling.\n\n";
  d += "### 1.18 Quality Gate Status\n\n| Gate | Status | Evidence | Skip? |\n|---|---|---|---|\n"
       "| unit tests | FAILED | " + std::to_string(rng.between(1, 9)) + " tests fail | No |\n\n";
  if (has(Defect::secret)) {
    d += "Token used for the staging deploy: `ghp_" + std::string("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8") +
         "`\n\n";
  }
  d += "### 1.19 Environment State\n\n```bash\ncd " + project.root +
       " && git branch --show-current  # Expected: " + project.topic + "-rewrite\n```\n\n";
  d += "### 1.20 Machine-Readable State\n\n```yaml\nformat_version: \"3.0\"\nmode: manual\nproject_path: " +
       project.root + "\nskill_stack:\n  - name: " + project.skill + "\n    phase: \"" +
       std::to_string(project.phase) + "\"\n    step: \"" + std::to_string(project.task) +
       "\"\n    resume_command: 'Skill(\"" + project.skill + "\", \"" + resume + "\")'\ntodos:\n  explicit:\n";
  for (const auto& t : todos) {
    if (t.status == "completed") continue;
    d += "    - content: " + t.content + "\n      status: " + t.status + "\n";
  }
  d += "documents:\n  must_read:\n";
  for (std::size_t i = 0; i < reads.size(); ++i)
    d += "    - path: " + reads[i] + "\n      why: " + w.phrase(1, 3) + "\n      priority: " +
         std::to_string(i + 1) + "\n";
  d += "```\n\n";
  d += "### 1.21 Definition of Done\n\n**COMPLETE when ALL true:**\n\n- [ ] All 1.13 verification passes\n"
       "- [ ] " + w.phrase(3, 6) + "\n- [ ] User approved\n\n";
  d += "### 1.22 Recovery Checkpoints\n\n| Checkpoint | Git Ref | Scope | Recovery |\n|---|---|---|---|\n";
  char ref[16];
  std::snprintf(ref, sizeof ref, "%07llx", static_cast<unsigned long long>(rng.next() & 0xFFFFFFF));
  d += std::string("| ") + rng.pick(nouns) + " merged | `" + ref + "` | Phase " +
       std::to_string(project.phase) + " | `git reset --hard " + ref + "` |\n\n";
  d += "### 1.23 Skill Re-Entry Protocol\n\n**" + project.skill + ":** resume with the 1.14 command.\n\n";
  d += "### 1.24 Known Failure Modes\n\n| Mode | Prevention |\n|---|---|\n"
       "| Implementing in the main context | dispatch a subagent |\n\n";
  if (has(Defect::blank_section)) {
    d += "### 1.25 Conversation Context\n\n";
  } else {
    d += "### 1.25 Conversation Context\n\n" + context;
  }
  if (has(Defect::placeholder)) d += "Owner: [owner-name]\n\n";
  d += "## SECTION 2: CONTINUATION PROTOCOL (Execute on \"continue\")\n\n";
  d += "### Step 0: Smoke Test (skip if Section 0 done)\n\n```bash\ntest -f " + project.root +
       "/Cargo.toml && echo OK || echo MISSING\n```\n\n";
  d += "### Step 0.5: Anti-Patterns\n\n**DO NOT:** implement in the main context.\n\n";
  d += "### Step 1: Adopt Persona\n\nRe-read 1.1.\n\n";
  d += "### Step 2: Restore Todos\n\nUse the TodoWrite call of 0.3.\n\n";
  d += "### Step 3: Re-Invoke Skill Stack (CRITICAL)\n\nExecute the 1.14 command.\n\n";
  d += "### Step 3.5: Workflow Restoration Test\n\nConfirm the " + project.skill + " skill reports Phase " +
       std::to_string(project.phase) + ", Task " + std::to_string(project.task) + ".\n\n";
  d += "### Step 4: Check Subagent Status (DO NOT TAKE OVER)\n\nNo subagents are running.\n\n";
  d += "### Step 5: Verify Artifact State\n\nRun the 1.13 commands.\n\n";
  d += "### Step 6: Reconcile with Implementation Docs\n\nCompare 1.12 with the implementation plan.\n\n";
  d += "### Step 7: Re-Read Critical Documents (MANDATORY)\n\nExecute the 1.10 reads BEFORE implementation.\n\n";
  d += "### Step 8: Resume Exact Position\n\nContinue at the 1.1 Exact Position.\n\n";
  d += "### Step 9: Maintain Continuity\n\nKeep the todo list current.\n";
  if (has(Defect::unclosed_fence)) d += "\n```bash\ncargo build --release\n";
  return d;
}

// ---------------------------------------------------------------------------
// Transcripts
// ---------------------------------------------------------------------------

namespace {

// At most `bytes` bytes of `text`, cut on a character boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::string uuid(Rng& rng) {
  const auto a = rng.next();
  const auto b = rng.next();
  char text[40];
  std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-%04llx-%012llx",
                static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xFFFF),
                static_cast<unsigned long long>(a & 0xFFF),
                static_cast<unsigned long long>(0x8000 | ((b >> 48) & 0x3FFF)),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return text;
}

std::string timestamp(std::size_t seconds) {
  // 2025-09-03T00:00:00.000Z plus `seconds` (days roll over; months do not matter here).
  const std::size_t day = 3 + seconds / 86400 % 25;
  const std::size_t hour = seconds / 3600 % 24;
  const std::size_t minute = seconds / 60 % 60;
  const std::size_t second = seconds % 60;
  char text[40];
  std::snprintf(text, sizeof text, "2025-09-%02zuT%02zu:%02zu:%02zu.%03zuZ", day, hour, minute, second,
                seconds * 37 % 1000);
  return text;
}

class TranscriptWriter {
 public:
  TranscriptWriter(Rng& rng, const TranscriptOptions& options)
      : rng_(rng), options_(options), project_{}, writer_(rng, project_) {
    project_.name = "tinyparse";
    project_.root = options.project_dir;
    project_.topic = "tokenizer";
    project_.skill = "develop";
  }

  std::string next_record() {
    ++count_;
    clock_ += rng_.between(1, 40);
    if (!options_.seed_records.empty() && count_ % 7 == 0)
      return options_.seed_records[(count_ / 7) % options_.seed_records.size()];
    if (count_ == 1) return R"({"type":"summary","summary":"Tokenizer rewrite: string scanner","leafUuid":")" + uuid(rng_) + "\"}";
    if (count_ == 2) return user_text();
    if (count_ % 997 == 0) return compact_boundary();
    const auto roll = rng_.between(0, 99);
    // Typed user messages are few; most "user" records are tool results.
    if (roll < 3) return user_text();
    if (roll < 28) return assistant_text();
    if (roll < 60) return assistant_tool_use();
    if (roll < 95) return tool_result();
    return progress();
  }

 private:
  std::string envelope(std::string_view type) {
    std::string parent = last_uuid_.empty() ? "null" : "\"" + last_uuid_ + "\"";
    last_uuid_ = uuid(rng_);
    return "{\"parentUuid\":" + parent + ",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"" +
           options_.project_dir + "\",\"sessionId\":\"" + options_.session_id +
           "\",\"version\":\"2.0.14\",\"gitBranch\":\"tokenizer-rewrite\",\"type\":\"" + std::string(type) +
           "\"";
  }
  std::string close() {
    return ",\"uuid\":\"" + last_uuid_ + "\",\"timestamp\":\"" + timestamp(clock_) + "\"}";
  }

  std::string text(std::size_t paragraphs) {
    std::string t;
    for (std::size_t i = 0; i < paragraphs; ++i) t += writer_.paragraph(rng_.between(1, 5));
    return json_escape(t);
  }

  std::string user_text() {
    return envelope("user") + ",\"message\":{\"role\":\"user\",\"content\":\"" + text(rng_.between(1, 2)) +
           "\"}" + close();
  }

  std::string assistant_text() {
    return envelope("assistant") +
           ",\"message\":{\"id\":\"msg_01" + uuid(rng_).substr(0, 8) +
           "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\","
           "\"content\":[{\"type\":\"text\",\"text\":\"" +
           text(rng_.between(1, 4)) +
           "\"}],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" +
           std::to_string(rng_.between(3, 9000)) + ",\"cache_creation_input_tokens\":" +
           std::to_string(rng_.between(0, 20000)) + ",\"output_tokens\":" + std::to_string(rng_.between(1, 4000)) +
           "}},\"requestId\":\"req_011" + uuid(rng_).substr(0, 12) + "\"" + close();
  }

  std::string assistant_tool_use() {
    tool_id_ = "toolu_01" + uuid(rng_).substr(0, 18);
    std::string input;
    const auto roll = rng_.between(0, 9);
    if (roll < 3) {
      input = R"({"name":"Read","input":{"file_path":")" + writer_.path() + "\"}}";
    } else if (roll < 5) {
      input = R"({"name":"Bash","input":{"command":"cargo test -p tinyparse 2>&1 | tail -40","description":"Run the lexer tests"}})";
    } else if (roll < 7) {
      input = R"({"name":"Edit","input":{"file_path":")" + writer_.path() + R"(","old_string":")" +
              text(1) + R"(","new_string":")" + text(1) + "\"}}";
    } else if (roll < 8) {
      input = R"({"name":"TodoWrite","input":{"todos":[{"content":"Port the string scanner","status":"in_progress","activeForm":"Porting the string scanner"},{"content":"Delete the legacy tokenizer","status":"pending","activeForm":"Deleting the legacy tokenizer"}]}})";
    } else if (roll < 9) {
      input = R"({"name":"Skill","input":{"skill":"develop","args":"--resume Phase3.Task4"}})";
    } else {
      input = R"({"name":"Task","input":{"description":"Port the scanner","prompt":")" + text(2) +
              R"(","subagent_type":"general-purpose"}})";
    }
    return envelope("assistant") +
           ",\"message\":{\"id\":\"msg_01" + uuid(rng_).substr(0, 8) +
           "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\","
           "\"content\":[{\"type\":\"tool_use\",\"id\":\"" +
           tool_id_ + "\"," + input.substr(1, input.size() - 2) +
           "}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":" + std::to_string(rng_.between(3, 9000)) +
           ",\"output_tokens\":" + std::to_string(rng_.between(1, 400)) + "}}" + close();
  }

  std::string tool_result() {
    // File contents and command output: the bulk of real transcripts.
    std::string body;
    const std::size_t lines = rng_.between(5, 120);
    for (std::size_t i = 0; i < lines; ++i) {
      body += std::to_string(i + 1) + "\t";
      if (rng_.chance(0.5)) {
        body += "    pub fn " + std::string(writer_.phrase(1, 1)) + "_" + std::to_string(i) + "(&mut self, " +
                "input: &str) -> Result<Token, Error> {";
      } else {
        body += "    // " + writer_.sentence();
      }
      body += "\n";
    }
    return envelope("user") + ",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"" + tool_id_ +
           "\",\"type\":\"tool_result\",\"content\":\"" + json_escape(body) +
           "\",\"is_error\":" + (rng_.chance(0.05) ? "true" : "false") + "}]},\"toolUseResult\":{\"stdout\":\"" +
           json_escape(utf8_prefix(body, 2000)) +
           "\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}" + close();
  }

  std::string progress() {
    return envelope("progress") + ",\"data\":{\"type\":\"hook_progress\",\"hookEvent\":\"PostToolUse\","
                                  "\"hookName\":\"PostToolUse:Edit\",\"command\":\"fmt-check\"},\"toolUseID\":\"" +
           tool_id_ + "\"" + close();
  }

  std::string compact_boundary() {
    std::string boundary = envelope("system") +
                           ",\"subtype\":\"compact_boundary\",\"content\":\"Conversation compacted\","
                           "\"isMeta\":false,\"level\":\"info\",\"compactMetadata\":{\"trigger\":\"auto\","
                           "\"preTokens\":" +
                           std::to_string(rng_.between(150000, 190000)) + "}" + close();
    pending_summary_ = true;
    return boundary;
  }

 public:
  // The summary record that follows a compact boundary, if one is due.
  bool take_summary(std::string& record) {
    if (!pending_summary_) return false;
    pending_summary_ = false;
    clock_ += 1;
    record = envelope("user") + ",\"isCompactSummary\":true,\"message\":{\"role\":\"user\",\"content\":\"" +
             text(rng_.between(4, 10)) + "\"}" + close();
    return true;
  }

 private:
  Rng& rng_;
  const TranscriptOptions& options_;
  Project project_;
  Writer writer_;
  std::size_t count_ = 0;
  std::size_t clock_ = 0;
  std::string last_uuid_;
  std::string tool_id_ = "toolu_01start";
  bool pending_summary_ = false;
};

}  // namespace

std::size_t write_transcript(Rng& rng, const TranscriptOptions& options, std::ostream& out) {
  TranscriptWriter writer(rng, options);
  std::size_t written = 0;
  std::string record;
  while (written < options.target_bytes) {
    record = writer.next_record();
    out << record << '\n';
    written += record.size() + 1;
    if (writer.take_summary(record)) {
      out << record << '\n';
      written += record.size() + 1;
    }
  }
  return written;
}

std::string make_transcript(Rng& rng, const TranscriptOptions& options) {
  std::ostringstream out;
  write_transcript(rng, options, out);
  return std::move(out).str();
}

}  // namespace baton::bench
