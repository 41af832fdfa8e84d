#include "engine/fingerprint.hpp"

#include <cstdint>
#include <map>

#include "engine/rule.hpp"

namespace baton::engine {

namespace {

class Fnv1a {
 public:
  void add(std::string_view text) {
    for (char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
  }
  void separator() { add(std::string_view("\0", 1)); }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Blanks collapsed and trimmed, so re-indentation does not change identities.
void add_normalised(Fnv1a& hash, std::string_view text) {
  bool blank = true;
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!blank) out.push_back(' ');
      blank = true;
    } else {
      out.push_back(c);
      blank = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  hash.add(out);
}

std::string hex(std::uint64_t value) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace

std::vector<std::string> fingerprints(std::span<const Diagnostic> diagnostics,
                                      const source::SourceFile& source) {
  constexpr std::size_t max_flagged = 256;  // enough to tell findings apart
  std::vector<std::string> result;
  result.reserve(diagnostics.size());
  std::map<std::string, int> seen;
  // Suppressed findings are numbered after the others of the same identity,
  // so that keeping them (--include-suppressed) changes no other fingerprint.
  std::vector<std::size_t> suppressed;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& diagnostic = diagnostics[i];
    Fnv1a hash;
    hash.add(diagnostic.rule ? diagnostic.rule->code : std::string_view("?"));
    hash.separator();
    add_normalised(hash, source.line_text(source.line_of(diagnostic.range.begin)));
    hash.separator();
    add_normalised(hash, source.slice(diagnostic.range).substr(0, max_flagged));
    auto identity = hex(hash.value());
    if (diagnostic.suppression) {
      suppressed.push_back(i);
      result.push_back(std::move(identity));
      continue;
    }
    const int repeat = seen[identity]++;
    result.push_back(identity + ":" + std::to_string(repeat + 1));
  }
  for (const auto i : suppressed) {
    const int repeat = seen[result[i]]++;
    result[i] += ":" + std::to_string(repeat + 1);
  }
  return result;
}

}  // namespace baton::engine
