#pragma once

// Deterministic, seeded inputs for the benchmarks: spellbook handoffs of any
// size (valid, or carrying a few typical defects), and Claude Code session
// transcripts. Everything here is pure string building, so the corpus
// generator and the micro-benchmarks share it.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace baton::bench {

// splitmix64: small, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [low, high].
  std::size_t between(std::size_t low, std::size_t high);
  bool chance(double probability);
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[between(0, N - 1)];
  }

 private:
  std::uint64_t state_;
};

struct HandoffOptions {
  // The generated document is at least this long (give or take one paragraph).
  std::size_t target_bytes = 8 * 1024;
  // Adds one to three typical defects (relative path, vague instruction,
  // invalid TodoWrite, missing Skill call, placeholder, ...).
  bool with_findings = false;
};

// A spellbook-handoff document modelled on fixtures/examples/clean-handoff.md:
// every section present, consistent calls, tables, todo lists and YAML state.
// Without findings it lints clean.
std::string make_handoff(Rng& rng, const HandoffOptions& options);

// One line of JSONL: a realistic transcript record (user and assistant
// messages, tool calls and results, summaries, compact boundaries).
struct TranscriptOptions {
  std::size_t target_bytes = 1 << 20;
  std::string session_id = "00000000-0000-4000-8000-000000000000";
  std::string project_dir = "/home/dev/projects/tinyparse";
  // Real records (one JSON object per line) mixed into the synthetic ones;
  // may be empty.
  std::vector<std::string> seed_records;
};

// Writes a transcript of at least target_bytes; returns the bytes written.
std::size_t write_transcript(Rng& rng, const TranscriptOptions& options, std::ostream& out);

// Whole transcript in memory (for micro-benchmarks).
std::string make_transcript(Rng& rng, const TranscriptOptions& options);

}  // namespace baton::bench
