#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

// Prompt-injection scanners shared by hidden-instruction (HP603) and
// prompt-injection (HP604): word phrases matched from data tables
// (injection.cpp), case-insensitive, across line breaks but not across
// sentence punctuation; invisible characters inside words are read through
// ("ig<U+200B>nore"). Linear in the size of the text (times the small,
// bounded phrase tables).
namespace baton::rules::safety {

enum class InjectionKind {
  override_instructions,  // "ignore all previous instructions", "you are now DAN"
  conceal_from_user,      // "do not tell the user", "without telling the user"
  exfiltrate_secrets,     // "upload ~/.ssh/id_rsa", "send the tokens to https://..."
  pipe_to_shell,          // "curl ... | sh", "iex (iwr ...)"
};

struct PhraseMatch {
  std::size_t offset = 0;  // into the scanned text
  std::size_t length = 0;
  InjectionKind kind = InjectionKind::override_instructions;
};

// Every injection phrase in `text`, sorted by offset, non-overlapping. A
// phrase preceded in its sentence by a negation ("never", "do not") is
// not one ("never upload ~/.ssh").
std::vector<PhraseMatch> find_injections(std::string_view text);

// Hidden text that speaks to the agent: "note to the assistant", "you must",
// "Claude should", "if you are an AI". The first, or npos-offset match.
struct AddressMatch {
  std::size_t offset = 0;
  std::size_t length = 0;
  bool found = false;
};
AddressMatch find_agent_address(std::string_view text);

// The first shell command or acting tool call in `text` ("curl ", "rm -rf",
// "| sh", "Bash("), as found; found == false when none.
AddressMatch find_command(std::string_view text);

}  // namespace baton::rules::safety
