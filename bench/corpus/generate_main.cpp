// baton-bench-corpus: writes the benchmark corpus into a build directory.
//
//   baton-bench-corpus OUT_DIR [--files N] [--total-mb M] [--prompt-kb K]
//                      [--session-mb S] [--seed X] [--sessions-from DIR]
//
// OUT_DIR/handoffs/shard-NN/NNNN-handoff.md   N handoffs in 10 shards (~M MB in all)
// OUT_DIR/prompt/prompt-handoff.md            one handoff of K KB (the LSP prompt)
// OUT_DIR/single/1x-handoff.md, 10x-handoff.md  one document, and one ten times larger
// OUT_DIR/sessions/{1x,10x}/<project>/<id>.jsonl  transcripts of S/10 and S MB
// OUT_DIR/corpus.stamp                        the parameters; the same stamp means
//                                             the same bytes (generation is seeded)
//
// Real transcripts from --sessions-from (one JSON object per line) are mixed
// into the synthetic records when given.

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <numbers>
#include <string>
#include <vector>

#include "corpus/corpus.hpp"

namespace fs = std::filesystem;
using baton::bench::HandoffOptions;
using baton::bench::Rng;
using baton::bench::TranscriptOptions;

namespace {

struct Options {
  fs::path out;
  std::size_t files = 2000;
  double total_mb = 40;
  std::size_t prompt_kb = 100;
  double session_mb = 200;
  std::uint64_t seed = 20250903;
  fs::path sessions_from;
};

[[noreturn]] void usage(const char* message) {
  std::cerr << "baton-bench-corpus: " << message
            << "\nusage: baton-bench-corpus OUT_DIR [--files N] [--total-mb M] [--prompt-kb K] "
               "[--session-mb S] [--seed X] [--sessions-from DIR]\n";
  std::exit(2);
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    std::cerr << "baton-bench-corpus: cannot write " << path << '\n';
    std::exit(1);
  }
}

std::vector<std::string> read_seed_records(const fs::path& directory) {
  std::vector<std::string> records;
  std::error_code error;
  if (directory.empty() || !fs::is_directory(directory, error)) return records;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory, error))
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      // Only object lines; the reader's own tests cover the odd ones.
      if (line.size() > 2 && line.front() == '{' && line.back() == '}') records.push_back(line);
    }
  }
  return records;
}

std::string stamp_of(const Options& o, std::size_t seed_records) {
  char text[512];
  std::snprintf(text, sizeof text,
                "corpus v4 files=%zu total_mb=%.1f prompt_kb=%zu session_mb=%.1f seed=%llu seed_records=%zu\n",
                o.files, o.total_mb, o.prompt_kb, o.session_mb, static_cast<unsigned long long>(o.seed),
                seed_records);
  return text;
}

// Sizes of the handoffs: log-normal around 12 KB, clamped to 3..150 KB, then
// scaled so that they sum to the total.
std::vector<std::size_t> handoff_sizes(Rng& rng, std::size_t count, double total_bytes) {
  std::vector<double> raw(count);
  double sum = 0;
  for (auto& size : raw) {
    // Box-Muller from two uniforms.
    const double u1 = (static_cast<double>(rng.next() >> 11) + 1) * 0x1.0p-53;
    const double u2 = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
    const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    size = std::exp(std::log(12000.0) + 0.8 * normal);
    sum += size;
  }
  std::vector<std::size_t> sizes(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double scaled = raw[i] * total_bytes / sum;
    sizes[i] = static_cast<std::size_t>(std::clamp(scaled, 3000.0, 150000.0));
  }
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--files") o.files = std::stoul(value());
    else if (arg == "--total-mb") o.total_mb = std::stod(value());
    else if (arg == "--prompt-kb") o.prompt_kb = std::stoul(value());
    else if (arg == "--session-mb") o.session_mb = std::stod(value());
    else if (arg == "--seed") o.seed = std::stoull(value());
    else if (arg == "--sessions-from") o.sessions_from = value();
    else if (!arg.empty() && arg.front() == '-') usage(("unknown option " + arg).c_str());
    else if (o.out.empty()) o.out = arg;
    else usage("one OUT_DIR only");
  }
  if (o.out.empty()) usage("OUT_DIR is required");

  const auto seed_records = read_seed_records(o.sessions_from);
  const std::string stamp = stamp_of(o, seed_records.size());
  {
    std::ifstream existing(o.out / "corpus.stamp", std::ios::binary);
    std::ostringstream previous_text;
    if (existing) previous_text << existing.rdbuf();
    const std::string previous = std::move(previous_text).str();
    if (previous == stamp) {
      std::cout << "corpus: up to date in " << o.out.string() << '\n';
      return 0;
    }
  }
  std::error_code error;
  fs::remove_all(o.out, error);
  fs::create_directories(o.out);

  // Handoffs: about one in eight carries findings.
  Rng rng(o.seed);
  const auto sizes = handoff_sizes(rng, o.files, o.total_mb * 1024 * 1024);
  std::size_t handoff_bytes = 0;
  std::size_t planned_bytes = 0;
  for (std::size_t i = 0; i < o.files; ++i) {
    // A handoff ends a little past its target; the next one makes up for it,
    // so that the corpus adds up to the total asked for.
    planned_bytes += sizes[i];
    const auto ahead = handoff_bytes > planned_bytes - sizes[i] ? handoff_bytes - (planned_bytes - sizes[i]) : 0;
    HandoffOptions options;
    options.target_bytes = std::max<std::size_t>(3000, sizes[i] > ahead ? sizes[i] - ahead : 0);
    options.with_findings = rng.chance(0.125);
    const auto text = baton::bench::make_handoff(rng, options);
    char name[64];
    std::snprintf(name, sizeof name, "shard-%02zu/%04zu-handoff.md", i % 10, i);
    write_file(o.out / "handoffs" / name, text);
    handoff_bytes += text.size();
  }

  HandoffOptions prompt;
  prompt.target_bytes = o.prompt_kb * 1024;
  write_file(o.out / "prompt" / "prompt-handoff.md", baton::bench::make_handoff(rng, prompt));

  // One document, and one ten times its size (for quadratic passes).
  HandoffOptions single;
  single.target_bytes = 512 * 1024;
  write_file(o.out / "single" / "1x-handoff.md", baton::bench::make_handoff(rng, single));
  single.target_bytes *= 10;
  write_file(o.out / "single" / "10x-handoff.md", baton::bench::make_handoff(rng, single));

  std::size_t session_bytes = 0;
  for (const auto& [name, megabytes] : {std::pair<const char*, double>{"1x", o.session_mb / 10},
                                        std::pair<const char*, double>{"10x", o.session_mb}}) {
    TranscriptOptions options;
    options.target_bytes = static_cast<std::size_t>(megabytes * 1024 * 1024);
    options.seed_records = seed_records;
    options.session_id = "5e55a0b7-0000-4000-8000-00000000" + std::string(name[0] == '1' && name[1] == 'x' ? "0001" : "0010");
    const fs::path file = o.out / "sessions" / name / "-home-dev-projects-tinyparse" / (options.session_id + ".jsonl");
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    Rng session_rng(o.seed + 1);
    session_bytes += baton::bench::write_transcript(session_rng, options, out);
    if (!out) {
      std::cerr << "baton-bench-corpus: cannot write " << file << '\n';
      return 1;
    }
  }

  write_file(o.out / "corpus.stamp", stamp);
  std::printf("corpus: %zu handoffs (%.1f MB), a %zu KB prompt, transcripts of %.0f MB in %s%s\n", o.files,
              static_cast<double>(handoff_bytes) / (1024 * 1024), o.prompt_kb,
              static_cast<double>(session_bytes) / (1024 * 1024), o.out.c_str(),
              seed_records.empty() ? "" : " (with real records mixed in)");
  return 0;
}
