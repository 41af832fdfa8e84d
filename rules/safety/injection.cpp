#include "rules/safety/injection.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "rules/safety/invisible.hpp"

namespace baton::rules::safety {

namespace {

// ---------------------------------------------------------------------------
// The phrase tables. A phrase is a sequence of slots separated by spaces; a
// slot lists alternatives separated by '|', and an alternative of several
// words joins them with '+'. "[...]" makes a slot optional, "!..." is a
// slot that must not follow (a look-ahead, consuming nothing), and "^"
// anchors the phrase at the start of a sentence. The first slot of a phrase
// is never optional: phrases are looked up by their first word.

struct PhraseRow {
  InjectionKind kind;
  std::string_view pattern;
};

constexpr PhraseRow injection_phrases[] = {
    // Overriding the instructions the agent was given.
    {InjectionKind::override_instructions,
     "ignore|disregard|forget|bypass [all|any|each|every] [of] [the|your|my|these|those|any] "
     "previous|prior|above|earlier|preceding|foregoing|former|original|initial|system|developer "
     "instructions|instruction|prompt|prompts|rules|directions|directives|guidelines|guidance|"
     "commands|"
     "messages|constraints|orders"},
    {InjectionKind::override_instructions,
     "ignore|disregard|forget everything|anything|all "
     "above|before|previously|prior|so+far|until+now|you+were+told|you've+been+told|you+have+been+"
     "told|"
     "you+know|else"},
    {InjectionKind::override_instructions,
     "ignore|disregard|forget|bypass your|all+your|all+of+your "
     "instructions|rules|guidelines|programming|training|guardrails|restrictions|constraints|"
     "principles"},
    {InjectionKind::override_instructions,
     "ignore|disregard|forget|bypass|override|reveal|print|repeat|output|leak|disclose the|your "
     "system+prompt|system+message|system+instructions|hidden+instructions|initial+instructions|"
     "original+instructions|guardrails|safety+guidelines|content+policy"},
    {InjectionKind::override_instructions,
     "you are now [a|an|in|the] "
     "dan|jailbroken|unrestricted|unfiltered|uncensored|evil|developer+mode|god+mode|no+longer|"
     "free+from"},
    {InjectionKind::override_instructions,
     "you are no longer bound|restricted|limited|an+ai|an+assistant|claude|required+to+follow"},
    {InjectionKind::override_instructions, "do anything now"},
    {InjectionKind::override_instructions,
     "your|the|my new|real|actual|true|updated instructions|orders|directives are|is|follow|below"},
    {InjectionKind::override_instructions,
     "act|behave|pretend|respond as+if|like you have no "
     "restrictions|rules|guidelines|limits|filters|"
     "restraints"},
    {InjectionKind::override_instructions,
     "pretend|imagine you are|you're [a|an] unrestricted|jailbroken|unfiltered|uncensored|evil"},
    // Concealing what the agent does from the user.
    {InjectionKind::conceal_from_user,
     "do+not|don't|dont|never tell|inform|notify the|any user|users|human|humans|operator|owner "
     "!to"},
    {InjectionKind::conceal_from_user,
     "do+not|don't|dont|never mention|reveal|disclose|report "
     "this|that|it|anything|any+of+this|these+steps|this+step [to|with] [the|any] "
     "user|users|human|humans|operator|owner"},
    {InjectionKind::conceal_from_user,
     "do+not|don't|dont|never mention|reveal|disclose|report to|with the|any "
     "user|users|human|humans|operator|owner"},
    {InjectionKind::conceal_from_user,
     "do+not|don't|dont|never let the|any user|users|human|operator know|see|notice|find+out"},
    {InjectionKind::conceal_from_user,
     "without telling|informing|notifying|letting|alerting the|any "
     "user|users|human|humans|operator|owner"},
    {InjectionKind::conceal_from_user,
     "without the|any user|users|human|operator noticing|knowing|realizing|realising|seeing"},
    {InjectionKind::conceal_from_user,
     "hide|conceal|keep "
     "this|it|that|what+you're+doing|what+you+are+doing|what+you+did|your+actions|this+step|these+"
     "steps "
     "[secret|hidden|private] from the|any "
     "user|users|human|humans|operator|owner|reviewer|reviewers"},
    {InjectionKind::conceal_from_user,
     "the user|users|human|operator must+not|should+not|shouldn't|mustn't|is+not+to|may+not "
     "find+out|notice|learn+about|be+told|be+informed|suspect"},
};

// Hidden text that speaks to the agent (hidden-instruction).
constexpr std::string_view address_phrases[] = {
    "dear|hey|hi|hello|attention|note+to|note+for|message+to|message+for|instructions+for|"
    "instructions+to|reminder+for|reminder+to [the|any|all] "
    "ai|assistant|assistants|claude|chatgpt|gpt|copilot|gemini|llm|llms|agent|agents|bot|language+"
    "model|"
    "language+models|coding+agent|model",
    "the|an|any|every|all ai|assistant|agent|agents|llm [agent|assistant|model] "
    "must|shall|should|needs+to|has+to|is+to",
    "claude|chatgpt|copilot|gemini must|shall|should|needs+to|has+to|is+to|will|please",
    "you must|shall",
    "you are to|required+to|instructed+to",
    "your task|job|goal|mission|instructions|orders is|are",
    "if you are [an|a] ai|assistant|llm|agent|bot|language+model|claude|chatgpt|reading+this",
    "as an ai|assistant|llm|language+model",
};

// Negations that turn a phrase into a rule against it ("never ignore the
// above instructions"): looked for in the words just before it.
constexpr std::string_view negations[] = {"not",    "never", "don't",   "dont",      "no",
                                          "cannot", "can't", "won't",   "shouldn't", "mustn't",
                                          "avoid",  "nor",   "doesn't", "must't"};
constexpr std::size_t negation_reach = 3;

// Shell commands and acting tool calls in hidden text (hidden-instruction).
// `word_end`: the command must not run on into a letter ("| sh" is not "| show").
struct CommandRow {
  std::string_view text;
  bool word_end;
};
constexpr CommandRow commands[] = {
    {"curl ", false},
    {"wget ", false},
    {"bash -c", true},
    {"sh -c", true},
    {"zsh -c", true},
    {"| sh", true},
    {"|sh", true},
    {"| bash", true},
    {"|bash", true},
    {"| zsh", true},
    {"rm -rf", true},
    {"rm -fr", true},
    {"rm -r ", false},
    {"sudo ", false},
    {"chmod +x", false},
    {"chmod 777", false},
    {"eval ", false},
    {"eval(", false},
    {"exec(", false},
    {"iex ", false},
    {"iex(", false},
    {"invoke-expression", true},
    {"invoke-webrequest", true},
    {"invoke-restmethod", true},
    {"powershell -", false},
    {"nc -e", true},
    {"base64 -d", true},
    {"base64 --decode", true},
    {"bash(", false},
    {"webfetch(", false},
    {"websearch(", false},
};

// Pipe-to-shell: a download piped into (or substituted into) something that
// runs it. Interpreters run their input only when given no script
// ("| python3", "| python3 -"), shells always.
constexpr std::string_view downloaders[] = {
    "curl", "wget", "iwr", "irm", "invoke-webrequest", "invoke-restmethod", "downloadstring"};
constexpr std::string_view shells[] = {"sh",
                                       "bash",
                                       "zsh",
                                       "ksh",
                                       "dash",
                                       "fish",
                                       "ash",
                                       "csh",
                                       "tcsh",
                                       "pwsh",
                                       "powershell",
                                       "iex",
                                       "invoke-expression",
                                       "cmd"};
constexpr std::string_view interpreters[] = {"python", "python2", "python3", "perl",
                                             "ruby",   "node",    "php"};

// Exfiltration: a sending verb or a network command, and on the same line a
// key file, or a credential and somewhere to send it.
constexpr std::string_view send_verbs[] = {
    "upload",    "uploads", "uploading",  "send",        "sends",        "sending",
    "post",      "posting", "exfiltrate", "exfiltrates", "exfiltrating", "transmit",
    "transmits", "leak",    "forward",    "forwards",    "email",        "beam"};
constexpr std::string_view network_commands[] = {"curl",
                                                 "wget",
                                                 "nc",
                                                 "ncat",
                                                 "netcat",
                                                 "scp",
                                                 "rsync",
                                                 "sftp",
                                                 "iwr",
                                                 "irm",
                                                 "invoke-webrequest",
                                                 "invoke-restmethod"};
constexpr std::string_view key_files[] = {"~/.ssh",
                                          ".ssh/",
                                          "id_rsa",
                                          "id_dsa",
                                          "id_ecdsa",
                                          "id_ed25519",
                                          ".aws/credentials",
                                          ".aws/config",
                                          ".netrc",
                                          ".git-credentials",
                                          ".docker/config.json",
                                          ".kube/config",
                                          ".npmrc",
                                          ".pypirc",
                                          "/etc/shadow",
                                          "credentials.json",
                                          ".pgpass",
                                          ".env"};
constexpr std::string_view credential_words[] = {
    "token|tokens|api+key|api+keys|apikey|apikeys|credentials|credential|secrets|secret+key|"
    "secret+keys|private+key|private+keys|passwords|password|ssh+key|ssh+keys|access+key|access+"
    "keys|"
    "cookies|environment+variables|env+vars"};
constexpr std::size_t max_object_gap = 2;  // words between the verb and the credential
constexpr std::string_view destinations[] = {"http://",  "https://", "ftp://",     "webhook",
                                             "pastebin", "ngrok",    "requestbin", "transfer.sh"};

// ---------------------------------------------------------------------------
// The folded text: lower-case ASCII, invisible characters dropped, a curly
// apostrophe read as "'". Offsets map back through the dropped bytes.

class Folded {
 public:
  explicit Folded(std::string_view source) {
    text_.reserve(source.size());
    for (std::size_t at = 0; at < source.size();) {
      if (const auto length = invisible_length_at(source, at); length > 0) {
        drop(length);
        at += length;
        continue;
      }
      if (source.substr(at, 3) == "\u2019") {
        text_.push_back('\'');
        drop(2);
        at += 3;
        continue;
      }
      const char c = source[at++];
      text_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  std::string_view text() const { return text_; }
  // The source offset of the folded byte at `at`.
  std::size_t source_of(std::size_t at) const {
    const auto after =
        std::upper_bound(shifts_.begin(), shifts_.end(), at,
                         [](std::size_t offset, const Shift& s) { return offset < s.at; });
    return at + (after == shifts_.begin() ? 0 : std::prev(after)->dropped);
  }
  // The source range of folded [begin, end).
  PhraseMatch match(std::size_t begin, std::size_t end, InjectionKind kind) const {
    const auto source_begin = source_of(begin);
    const auto source_end = end > begin ? source_of(end - 1) + 1 : source_begin;
    return {source_begin, source_end - source_begin, kind};
  }

 private:
  struct Shift {
    std::size_t at;       // folded offset of the byte after the drop
    std::size_t dropped;  // bytes dropped before it, in total
  };
  void drop(std::size_t length) {
    const auto total = (shifts_.empty() ? 0 : shifts_.back().dropped) + length;
    if (!shifts_.empty() && shifts_.back().at == text_.size()) {
      shifts_.back().dropped = total;
    } else {
      shifts_.push_back({text_.size(), total});
    }
  }
  std::string text_;
  std::vector<Shift> shifts_;
};

constexpr bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}
// Punctuation that ends a sentence or a clause: no phrase runs across it.
constexpr bool is_hard_break(char c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '(' || c == ')' ||
         c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '=';
}

struct Token {
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t sentence;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::uint32_t sentence = 0;
  bool blank_line = false;  // only blanks since the last newline
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    if (is_word_byte(c)) {
      const auto begin = at;
      while (at < text.size() && is_word_byte(text[at]))
        ++at;
      tokens.push_back(
          {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(at), sentence});
      blank_line = false;
      continue;
    }
    if (is_hard_break(c))
      ++sentence;
    if (c == '\n') {
      // A blank line ends a paragraph; a line that starts with a marker
      // ("- ", "# ", "> ", "| ") starts a new item.
      auto next = at + 1;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t'))
        ++next;
      if (blank_line || next >= text.size() || !is_word_byte(text[next]))
        ++sentence;
      blank_line = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      blank_line = false;
    }
    ++at;
  }
  return tokens;
}

// ---------------------------------------------------------------------------
// Compiled phrases

using Words = std::vector<std::string_view>;  // one alternative: words in sequence

struct Slot {
  std::vector<Words> alternatives;
  bool optional = false;
  bool absent = false;  // "!": a look-ahead that must not match
};

struct Phrase {
  std::vector<Slot> slots;
  bool sentence_start = false;
  InjectionKind kind = InjectionKind::override_instructions;
};

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  while (from <= text.size()) {
    const auto to = std::min(text.find(separator, from), text.size());
    if (to > from)
      parts.push_back(text.substr(from, to - from));
    from = to + 1;
  }
  return parts;
}

Phrase compile(std::string_view pattern, InjectionKind kind) {
  Phrase phrase;
  phrase.kind = kind;
  for (auto part : split(pattern, ' ')) {
    if (part == "^") {
      phrase.sentence_start = true;
      continue;
    }
    Slot slot;
    if (part.front() == '[' && part.back() == ']') {
      slot.optional = true;
      part = part.substr(1, part.size() - 2);
    } else if (part.front() == '!') {
      slot.absent = true;
      part.remove_prefix(1);
    }
    for (auto alternative : split(part, '|'))
      slot.alternatives.push_back(split(alternative, '+'));
    phrase.slots.push_back(std::move(slot));
  }
  return phrase;
}

// Phrases indexed by every word their first slot may start with.
class PhraseIndex {
 public:
  void add(Phrase phrase) {
    const auto index = phrases_.size();
    for (const auto& alternative : phrase.slots.front().alternatives) {
      by_first_word_[std::string(alternative.front())].push_back(index);
    }
    phrases_.push_back(std::move(phrase));
  }
  const std::vector<std::size_t>* starting_with(std::string_view word) const {
    const auto found = by_first_word_.find(std::string(word));
    return found == by_first_word_.end() ? nullptr : &found->second;
  }
  const Phrase& operator[](std::size_t index) const { return phrases_[index]; }

 private:
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
};

const PhraseIndex& injection_index() {
  static const PhraseIndex index = [] {
    PhraseIndex built;
    for (const auto& row : injection_phrases)
      built.add(compile(row.pattern, row.kind));
    return built;
  }();
  return index;
}

const PhraseIndex& address_index() {
  static const PhraseIndex index = [] {
    PhraseIndex built;
    for (const auto pattern : address_phrases)
      built.add(compile(pattern, InjectionKind::override_instructions));
    return built;
  }();
  return index;
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& tokens) : text_(text), tokens_(tokens) {}

  std::string_view word(std::size_t token) const {
    return text_.substr(tokens_[token].begin, tokens_[token].end - tokens_[token].begin);
  }

  // The token after the last one the phrase consumes, or 0 when it does not match at `first`.
  std::size_t match(const Phrase& phrase, std::size_t first) const {
    if (phrase.sentence_start && first > 0 &&
        tokens_[first - 1].sentence == tokens_[first].sentence)
      return 0;
    return match_slots(phrase, 0, first, tokens_[first].sentence);
  }

  bool negated(std::size_t first) const {
    for (std::size_t back = 1; back <= negation_reach && back <= first; ++back) {
      if (tokens_[first - back].sentence != tokens_[first].sentence)
        return false;
      const auto w = word(first - back);
      if (std::find(std::begin(negations), std::end(negations), w) != std::end(negations))
        return true;
    }
    return false;
  }

 private:
  // The token after `words` matched at `at`, or 0.
  std::size_t match_words(const Words& words, std::size_t at, std::uint32_t sentence) const {
    for (const auto expected : words) {
      if (at >= tokens_.size() || tokens_[at].sentence != sentence || word(at) != expected)
        return 0;
      ++at;
    }
    return at;
  }

  std::size_t match_slots(const Phrase& phrase, std::size_t slot, std::size_t at,
                          std::uint32_t sentence) const {
    if (slot == phrase.slots.size())
      return at;
    const auto& current = phrase.slots[slot];
    if (current.absent) {
      for (const auto& alternative : current.alternatives) {
        if (match_words(alternative, at, sentence) != 0)
          return 0;
      }
      return match_slots(phrase, slot + 1, at, sentence);
    }
    for (const auto& alternative : current.alternatives) {
      const auto next = match_words(alternative, at, sentence);
      if (next == 0)
        continue;
      if (const auto end = match_slots(phrase, slot + 1, next, sentence); end != 0)
        return end;
    }
    return current.optional ? match_slots(phrase, slot + 1, at, sentence) : 0;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

// Every phrase of `index` in the folded text, first match per starting
// word, non-overlapping.
template <typename OnMatch>
void scan_phrases(const PhraseIndex& index, std::string_view text, const std::vector<Token>& tokens,
                  bool skip_negated, OnMatch on_match) {
  const Matcher matcher(text, tokens);
  for (std::size_t first = 0; first < tokens.size(); ++first) {
    const auto* candidates = index.starting_with(matcher.word(first));
    if (!candidates)
      continue;
    for (const auto phrase : *candidates) {
      const auto end = matcher.match(index[phrase], first);
      if (end == 0)
        continue;
      if (skip_negated && matcher.negated(first))
        break;
      if (!on_match(tokens[first].begin, tokens[end - 1].end, index[phrase].kind))
        return;
      first = end - 1;
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// Line scanners: pipe-to-shell and exfiltration.

constexpr bool is_command_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The command word at `at`, or empty when `at` does not start one.
std::string_view command_word_at(std::string_view line, std::size_t at) {
  if (at >= line.size() || (at > 0 && is_command_byte(line[at - 1])))
    return {};
  auto end = at;
  while (end < line.size() && is_command_byte(line[end]))
    ++end;
  return line.substr(at, end - at);
}

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

std::size_t skip_blanks(std::string_view line, std::size_t at) {
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
    ++at;
  return at;
}

// After "| ": an optional sudo with its flags, then the program; the end of
// a program that runs its input, or 0.
std::size_t runs_input(std::string_view line, std::size_t at) {
  at = skip_blanks(line, at);
  if (command_word_at(line, at) == "sudo") {
    at = skip_blanks(line, at + 4);
    while (at < line.size() && line[at] == '-') {
      while (at < line.size() && line[at] != ' ' && line[at] != '\t')
        ++at;
      at = skip_blanks(line, at);
    }
  }
  const auto program = command_word_at(line, at);
  if (program.empty())
    return 0;
  const auto end = at + program.size();
  if (one_of(program, shells))
    return end;
  if (!one_of(program, interpreters))
    return 0;
  // No script: "| python3", "| python3 -", "| python3 - --flag".
  const auto next = skip_blanks(line, end);
  if (next >= line.size())
    return end;
  if (line[next] == '-' && (next + 1 == line.size() || line[next + 1] == ' '))
    return end;
  return std::string_view(";&|)`'\"").find(line[next]) != std::string_view::npos ? end : 0;
}

// Pipe-to-shell matches in one folded line, as [begin, end) offsets into it.
void pipe_to_shell(std::string_view line, std::vector<std::pair<std::size_t, std::size_t>>& found) {
  for (std::size_t at = 0; at < line.size(); ++at) {
    const auto word = command_word_at(line, at);
    if (word.empty())
      continue;
    if (one_of(word, downloaders)) {
      // "curl URL | sh", "curl URL | tee log | sudo bash".
      for (auto bar = line.find('|', at); bar != std::string_view::npos;
           bar = line.find('|', bar + 1)) {
        if (bar + 1 < line.size() && line[bar + 1] == '|') {
          ++bar;
          continue;
        }
        if (const auto end = runs_input(line, bar + 1); end != 0) {
          found.emplace_back(at, end);
          return;
        }
      }
    } else if (one_of(word, shells)) {
      // "bash -c "$(curl URL)"", "sh <(wget -qO- URL)", "iex (iwr URL)".
      auto next = skip_blanks(line, at + word.size());
      while (next < line.size() && line[next] == '-') {
        while (next < line.size() && line[next] != ' ' && line[next] != '\t')
          ++next;
        next = skip_blanks(line, next);
      }
      auto opening = line.substr(next, 3);
      std::size_t skip = 0;
      for (const auto open : {"\"$(", "'$(", "$(", "<(", "`", "(", "{"}) {
        if (opening.starts_with(open)) {
          skip = std::string_view(open).size();
          break;
        }
      }
      if (skip == 0)
        continue;
      next = skip_blanks(line, next + skip);
      const auto inner = command_word_at(line, next);
      if (one_of(inner, downloaders) || inner == "new-object") {
        found.emplace_back(at, next + inner.size());
        return;
      }
    }
    at += word.size() - 1;
  }
}

bool has_key_file_at(std::string_view line, std::size_t at, std::string_view file) {
  if (line.substr(at, file.size()) != file)
    return false;
  if (file != ".env")
    return true;
  // ".env" as a name of its own: not "foo.env", ".envrc" or ".env.example".
  const auto end = at + file.size();
  if (at > 0 && (is_command_byte(line[at - 1]) || line[at - 1] == '.'))
    return false;
  if (end < line.size() &&
      (is_command_byte(line[end]) ||
       (line[end] == '.' && end + 1 < line.size() && is_command_byte(line[end + 1])))) {
    return false;
  }
  return true;
}

// The first key file in line[from, ...) as [begin, end), or {0, 0}.
std::pair<std::size_t, std::size_t> find_key_file(std::string_view line, std::size_t from) {
  for (auto at = from; at < line.size(); ++at) {
    for (const auto file : key_files) {
      if (!has_key_file_at(line, at, file))
        continue;
      // The whole path: "~/.ssh/id_rsa", not "~/.ssh".
      auto end = at + file.size();
      while (end < line.size() &&
             (is_command_byte(line[end]) || line[end] == '/' || line[end] == '.'))
        ++end;
      while (end > at + file.size() && line[end - 1] == '.')
        --end;
      return {at, end};
    }
  }
  return {0, 0};
}

bool has_destination(std::string_view line) {
  for (const auto destination : destinations) {
    if (line.find(destination) != std::string_view::npos)
      return true;
  }
  // An e-mail address: word@word.word
  for (auto at = line.find('@'); at != std::string_view::npos; at = line.find('@', at + 1)) {
    if (at == 0 || !is_command_byte(line[at - 1]))
      continue;
    auto end = at + 1;
    while (end < line.size() && (is_command_byte(line[end]) || line[end] == '.'))
      ++end;
    const auto domain = line.substr(at + 1, end - at - 1);
    if (domain.size() > 2 && domain.find('.') != std::string_view::npos &&
        is_command_byte(domain.front()) && is_command_byte(domain.back())) {
      return true;
    }
  }
  return false;
}

const PhraseIndex& credential_index() {
  static const PhraseIndex index = [] {
    PhraseIndex built;
    for (const auto pattern : credential_words)
      built.add(compile(pattern, InjectionKind::exfiltrate_secrets));
    return built;
  }();
  return index;
}

// Exfiltration in one folded line: [begin, end) offsets into it.
void exfiltration(std::string_view line, std::vector<std::pair<std::size_t, std::size_t>>& found) {
  const auto tokens = tokenize(line);
  const Matcher matcher(line, tokens);
  for (std::size_t verb = 0; verb < tokens.size(); ++verb) {
    const auto word = command_word_at(line, tokens[verb].begin);
    const bool network = one_of(word, network_commands);
    // Whole words only: the "upload" of "test_upload" sends nothing.
    if (!network && (word != matcher.word(verb) || !one_of(word, send_verbs)))
      continue;
    if (matcher.negated(verb))
      continue;
    const auto begin = tokens[verb].begin;
    // A network command may read the key file anywhere on its line ("cat ~/.ssh/id_rsa | nc host
    // 9").
    if (const auto [file, end] = find_key_file(line, network ? 0 : tokens[verb].end); end != 0) {
      found.emplace_back(std::min<std::size_t>(begin, file),
                         std::max<std::size_t>(end, tokens[verb].end));
      return;
    }
    if (!has_destination(line))
      continue;
    // The credential is what is sent: "send the API keys", "post all the tokens".
    for (auto at = verb + 1; at < tokens.size() && at <= verb + 1 + max_object_gap; ++at) {
      const auto* candidates = credential_index().starting_with(matcher.word(at));
      if (!candidates)
        continue;
      for (const auto phrase : *candidates) {
        if (const auto end = matcher.match(credential_index()[phrase], at); end != 0) {
          found.emplace_back(begin, tokens[end - 1].end);
          return;
        }
      }
    }
  }
}

template <typename Scan>
void scan_lines(const Folded& folded, InjectionKind kind, Scan scan,
                std::vector<PhraseMatch>& out) {
  const auto text = folded.text();
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t begin = 0; begin < text.size();) {
    const auto end = std::min(text.find('\n', begin), text.size());
    found.clear();
    scan(text.substr(begin, end - begin), found);
    for (const auto& [from, to] : found)
      out.push_back(folded.match(begin + from, begin + to, kind));
    begin = end + 1;
  }
}

}  // namespace

std::vector<PhraseMatch> find_injections(std::string_view text) {
  const Folded folded(text);
  std::vector<PhraseMatch> found;
  const auto tokens = tokenize(folded.text());
  scan_phrases(injection_index(), folded.text(), tokens, true,
               [&](std::size_t begin, std::size_t end, InjectionKind kind) {
                 found.push_back(folded.match(begin, end, kind));
                 return true;
               });
  scan_lines(folded, InjectionKind::pipe_to_shell, pipe_to_shell, found);
  scan_lines(folded, InjectionKind::exfiltrate_secrets, exfiltration, found);
  std::sort(found.begin(), found.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  // Non-overlapping: the first one wins ("curl URL | sh" that also uploads a key file is one
  // finding).
  std::vector<PhraseMatch> kept;
  for (const auto& match : found) {
    if (!kept.empty() && match.offset < kept.back().offset + kept.back().length)
      continue;
    kept.push_back(match);
  }
  return kept;
}

AddressMatch find_agent_address(std::string_view text) {
  const Folded folded(text);
  const auto tokens = tokenize(folded.text());
  AddressMatch first;
  scan_phrases(address_index(), folded.text(), tokens, false,
               [&](std::size_t begin, std::size_t end, InjectionKind) {
                 const auto match = folded.match(begin, end, InjectionKind::override_instructions);
                 first = {match.offset, match.length, true};
                 return false;
               });
  return first;
}

AddressMatch find_command(std::string_view text) {
  const Folded folded(text);
  const auto lower = folded.text();
  for (std::size_t at = 0; at < lower.size(); ++at) {
    if (at > 0 && is_command_byte(lower[at - 1]) && is_command_byte(lower[at]))
      continue;
    for (const auto& command : commands) {
      if (lower.substr(at, command.text.size()) != command.text)
        continue;
      const auto end = at + command.text.size();
      if (command.word_end && end < lower.size() && is_command_byte(lower[end]))
        continue;
      const auto match = folded.match(at, end, InjectionKind::pipe_to_shell);
      auto length = match.length;
      while (length > 0 && text[match.offset + length - 1] == ' ')
        --length;
      return {match.offset, length, true};
    }
  }
  return {};
}

}  // namespace baton::rules::safety
