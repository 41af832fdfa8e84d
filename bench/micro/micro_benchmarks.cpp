// Google Benchmark micro-benchmarks of baton's stages: document build, the
// call grammar, each rule family, the whole lint, the session reader (skim)
// and the language server's re-lint after an edit. Inputs come from the
// seeded corpus generator, so runs compare like with like.
//
//   build-bench/bench/baton-microbench [--benchmark_filter=REGEX] ...

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "corpus/corpus.hpp"
#include "document/document.hpp"
#include "engine/lint.hpp"
#include "grammar/call_ast.hpp"
#include "lsp/server.hpp"
#include "rules/registry.hpp"
#include "session/jsonl_reader.hpp"
#include "session/python_json.hpp"
#include "session/toolkit.hpp"

namespace {

namespace fs = std::filesystem;
using baton::bench::HandoffOptions;
using baton::bench::Rng;

const std::string& handoff(std::size_t bytes) {
  static std::map<std::size_t, std::string> cache;
  auto& text = cache[bytes];
  if (text.empty()) {
    Rng rng(42 + bytes);
    HandoffOptions options;
    options.target_bytes = bytes;
    text = baton::bench::make_handoff(rng, options);
  }
  return text;
}

baton::doc::Document build(const std::string& text) {
  return baton::doc::build_document(baton::source::SourceFile("bench-handoff.md", text));
}

// -- document build --------------------------------------------------------------

void BM_DocumentBuild(benchmark::State& state) {
  const auto& text = handoff(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto document = build(text);
    benchmark::DoNotOptimize(document.blocks().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DocumentBuild)->Arg(8 << 10)->Arg(100 << 10)->Arg(1 << 20)->Unit(benchmark::kMicrosecond);

// -- call grammar ---------------------------------------------------------------

std::string call_block(std::size_t todos) {
  std::string text = "Skill(\"develop\", \"--resume Phase3.Task4 --impl-plan /home/dev/p/docs/impl.md\")\n";
  for (int i = 0; i < 4; ++i)
    text += "Read(\"/home/dev/projects/tinyparse/docs/plans/part-" + std::to_string(i) + ".md\")  # why\n";
  text += "TodoWrite([\n";
  for (std::size_t i = 0; i < todos; ++i) {
    text += "  {\"content\": \"Port the scanner step " + std::to_string(i) +
            "\", \"status\": \"pending\", \"activeForm\": \"Porting the scanner\"}";
    text += i + 1 < todos ? ",\n" : "\n";
  }
  text += "])\n";
  return text;
}

void BM_CallGrammar(benchmark::State& state) {
  const auto text = call_block(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto scan = baton::grammar::scan_calls(text, 0);
    benchmark::DoNotOptimize(scan.calls.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CallGrammar)->Arg(3)->Arg(40)->Unit(benchmark::kMicrosecond);

// -- rule families ----------------------------------------------------------------

// Rules by the family of their code: HP0, HP1, ... as DESIGN.md §5 lists them.
std::map<std::string, std::vector<const baton::engine::RuleMeta*>>& families() {
  static std::map<std::string, std::vector<const baton::engine::RuleMeta*>> grouped = [] {
    std::map<std::string, std::vector<const baton::engine::RuleMeta*>> result;
    for (const auto* rule : baton::rules::registry()) {
      std::string name = std::string(rule->code.substr(0, 3)) + "xx_" + std::string(rule->family);
      for (char& c : name) c = c == ' ' ? '_' : c;
      result[name].push_back(rule);
    }
    return result;
  }();
  return grouped;
}

void lint_with(benchmark::State& state, baton::engine::Registry registry, std::size_t bytes) {
  const auto& text = handoff(bytes);
  const auto document = build(text);
  baton::engine::LintOptions options;
  for (auto _ : state) {
    auto result = baton::engine::lint(document, registry, options);
    benchmark::DoNotOptimize(result.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_LintAllRules(benchmark::State& state) {
  lint_with(state, baton::rules::registry(), static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_LintAllRules)->Arg(8 << 10)->Arg(100 << 10)->Unit(benchmark::kMicrosecond);

// Document build plus lint: what `baton check` does per file.
void BM_CheckOneFile(benchmark::State& state) {
  const auto& text = handoff(static_cast<std::size_t>(state.range(0)));
  baton::engine::LintOptions options;
  for (auto _ : state) {
    auto document = build(text);
    auto result = baton::engine::lint(document, baton::rules::registry(), options);
    benchmark::DoNotOptimize(result.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckOneFile)->Arg(8 << 10)->Arg(100 << 10)->Unit(benchmark::kMicrosecond);

// -- session reader ------------------------------------------------------------------

struct TranscriptFile {
  fs::path directory;
  fs::path file;
  std::size_t bytes = 0;
  TranscriptFile() {
    char pattern[] = "/tmp/baton-microbench-XXXXXX";
    directory = ::mkdtemp(pattern);
    file = directory / "5e55a0b7-0000-4000-8000-000000000042.jsonl";
    Rng rng(7);
    baton::bench::TranscriptOptions options;
    options.target_bytes = 32u << 20;
    std::ofstream out(file, std::ios::binary);
    bytes = baton::bench::write_transcript(rng, options, out);
  }
  ~TranscriptFile() {
    std::error_code error;
    fs::remove_all(directory, error);
  }
};

const TranscriptFile& transcript() {
  static TranscriptFile file;
  return file;
}

// The skim under every session command: lines, JSON validation and the
// re-serialised length, top-level members.
void BM_SessionSkim(benchmark::State& state) {
  const auto& file = transcript();
  for (auto _ : state) {
    baton::session::RecordReader reader(file.file, {});
    std::size_t records = 0;
    while (reader.next()) records += reader.python_length() > 0;
    benchmark::DoNotOptimize(records);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(BM_SessionSkim)->Unit(benchmark::kMillisecond);

void BM_SessionsList(benchmark::State& state) {
  const auto& file = transcript();
  for (auto _ : state) {
    auto sessions = baton::session::list_sessions(file.directory, 10);
    benchmark::DoNotOptimize(sessions.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(BM_SessionsList)->Unit(benchmark::kMillisecond);

// -- language server -------------------------------------------------------------------

// didChange of a 100 KB prompt to the publishDiagnostics it triggers, in process
// (no pipes, no framing): the re-lint and the diagnostics' JSON.
void BM_LspRelint(benchmark::State& state) {
  const auto& text = handoff(100 << 10);
  std::size_t published = 0;
  baton::lsp::Server server([&](const baton::lsp::json&) { ++published; });
  server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                 {"params", {{"processId", nullptr}, {"capabilities", baton::lsp::json::object()}}}});
  server.handle({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", baton::lsp::json::object()}});
  const std::string uri = "file:///home/dev/projects/tinyparse/prompt-handoff.md";
  server.handle({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}}});
  // A line of prose past Section 0 to edit: "Also " goes in, then out again.
  int line = 0;
  {
    int number = 0;
    bool in_fence = false;
    for (std::size_t at = 0; at < text.size(); ++number) {
      auto end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      const std::string_view current(text.data() + at, end - at);
      if (current.substr(0, 3) == "```") in_fence = !in_fence;
      if (number > 100 && !in_fence && !current.empty() && current[0] >= 'A' && current[0] <= 'Z') {
        line = number;
        break;
      }
      at = end + 1;
    }
  }
  std::int64_t version = 1;
  for (auto _ : state) {
    const bool insert = version % 2 == 1;
    const baton::lsp::json range = {{"start", {{"line", line}, {"character", 0}}},
                                    {"end", {{"line", line}, {"character", insert ? 0 : 5}}}};
    server.handle({{"jsonrpc", "2.0"},
                   {"method", "textDocument/didChange"},
                   {"params",
                    {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                     {"contentChanges", baton::lsp::json::array({{{"range", range}, {"text", insert ? "Also " : ""}}})}}}});
  }
  benchmark::DoNotOptimize(published);
}
BENCHMARK(BM_LspRelint)->Unit(benchmark::kMillisecond);

// One benchmark per rule (BM_Rule/HP102...), for profiling; `make bench`
// leaves them out.
void register_rule_benchmarks() {
  const auto all = baton::rules::registry();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto registry = all.subspan(i, 1);
    benchmark::RegisterBenchmark(("BM_Rule/" + std::string(all[i]->code)).c_str(),
                                 [registry](benchmark::State& state) { lint_with(state, registry, 20 << 10); })
        ->Unit(benchmark::kMicrosecond);
  }
}

void register_family_benchmarks() {
  for (auto& [name, rules] : families()) {
    const baton::engine::Registry registry(rules.data(), rules.size());
    benchmark::RegisterBenchmark(("BM_RuleFamily/" + name).c_str(),
                                 [registry](benchmark::State& state) {
                                   lint_with(state, registry, static_cast<std::size_t>(state.range(0)));
                                 })
        ->Arg(8 << 10)
        ->Arg(100 << 10)
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  baton::doc::initialize_markdown();
  register_family_benchmarks();
  register_rule_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
