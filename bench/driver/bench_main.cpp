// baton-bench: measures baton against its references in one run and prints
// each figure as a ratio against its target (DESIGN.md §10). `make bench`
// runs it; docs/performance.md describes the method.
//
//   baton-bench --baton BIN --corpus DIR [--cmark-gfm BIN] [--cmark-parse BIN]
//               [--markdownlint BIN] [--repeat N] [--lsp-edits N]
//               [--only check,markdownlint,sessions,lsp,scaling]
//
// Every timed figure is the median of N runs, and each is measured side by
// side with its reference (runs interleaved: reference, baton, reference, ...),
// so that a noisy shared machine slows both alike.

#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "driver/process.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using baton::bench::Child;
using baton::bench::run_process;
using baton::bench::RunOptions;
using baton::bench::RunResult;

namespace {

struct Options {
  std::string baton;
  fs::path corpus;
  std::string cmark_gfm;
  std::string cmark_parse;
  std::string markdownlint;
  int repeat = 3;
  int lsp_edits = 60;
  std::vector<std::string> only;  // sections to run; empty: all
};

[[noreturn]] void usage(const std::string& message) {
  std::cerr << "baton-bench: " << message
            << "\nusage: baton-bench --baton BIN --corpus DIR [--cmark-gfm BIN] [--cmark-parse BIN] "
               "[--markdownlint BIN] [--repeat N] [--lsp-edits N] [--only SECTION,...]\n";
  std::exit(2);
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
  return values[std::min(rank, values.size() - 1)];
}

std::string read_command_output(const std::string& command) {
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    ::pclose(pipe);
  }
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
  }
  return "unknown CPU";
}

int cores() {
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
  return static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
}

std::uintmax_t total_size(const std::vector<std::string>& files) {
  std::uintmax_t total = 0;
  for (const auto& file : files) total += fs::file_size(file);
  return total;
}

std::vector<std::string> markdown_files(const fs::path& directory) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(directory))
    if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

fs::path only_file(const fs::path& directory, const std::string& extension) {
  for (const auto& entry : fs::recursive_directory_iterator(directory))
    if (entry.is_regular_file() && entry.path().extension() == extension) return entry.path();
  throw std::runtime_error("no " + extension + " file under " + directory.string());
}

// Exit codes a command may end with and still count as a run.
using Accept = std::function<bool(int)>;
const Accept lint_exit = [](int code) { return code == 0 || code == 1; };
const Accept zero_exit = [](int code) { return code == 0; };

struct Measured {
  double seconds = 0;      // median wall time
  double cpu_seconds = 0;  // median user + system time
  long max_rss_kib = 0;    // largest peak RSS over the runs
  bool ok = true;
  std::string failure;
};

struct Command {
  std::string label;
  std::vector<std::string> argv;
  Accept accept = zero_exit;
  RunOptions options;
};

// Runs the commands interleaved, `repeat` times each after one warm-up run
// each (page cache, lazy binding) unless told not to, and returns their medians.
std::vector<Measured> side_by_side(const std::vector<Command>& commands, int repeat, bool warm_up = true) {
  std::vector<std::vector<double>> times(commands.size());
  std::vector<std::vector<double>> cpu_times(commands.size());
  std::vector<Measured> measured(commands.size());
  for (int round = warm_up ? -1 : 0; round < repeat; ++round) {
    for (std::size_t i = 0; i < commands.size(); ++i) {
      if (!measured[i].ok) continue;
      const auto result = run_process(commands[i].argv, commands[i].options);
      if (!commands[i].accept(result.exit_code)) {
        measured[i].ok = false;
        measured[i].failure = commands[i].label + " exited with " + std::to_string(result.exit_code) +
                              (result.stderr_head.empty() ? "" : ": " + result.stderr_head.substr(0, 400));
        continue;
      }
      if (round >= 0) {
        times[i].push_back(result.seconds);
        cpu_times[i].push_back(result.cpu_seconds);
      }
      measured[i].max_rss_kib = std::max(measured[i].max_rss_kib, result.max_rss_kib);
    }
  }
  for (std::size_t i = 0; i < commands.size(); ++i)
    if (measured[i].ok) {
      measured[i].seconds = median(times[i]);
      measured[i].cpu_seconds = median(cpu_times[i]);
    }
  return measured;
}

// ---------------------------------------------------------------------------
// Report lines
// ---------------------------------------------------------------------------

int misses = 0;
int passes = 0;

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string seconds_text(double seconds) {
  if (seconds < 0.01) return format("%.2f ms", seconds * 1000);
  return format("%.3f s", seconds);
}

void line(const std::string& label, const std::string& figure, const std::string& comparison = "",
          const std::string& target = "", std::optional<bool> pass = std::nullopt) {
  std::printf("  %-44s %11s  %-46s %-20s %s\n", label.c_str(), figure.c_str(), comparison.c_str(),
              target.c_str(), !pass ? "" : (*pass ? "PASS" : "MISS"));
  if (pass) ++(*pass ? passes : misses);
}

void failed(const Measured& measured) { std::printf("  FAILED: %s\n", measured.failure.c_str()); }

// ---------------------------------------------------------------------------
// LSP
// ---------------------------------------------------------------------------

class LspClient {
 public:
  explicit LspClient(const std::string& baton) : child_({baton, "lsp"}) {}

  void send(const json& message) {
    const auto body = message.dump();
    child_.write("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }

  // The next message from the server; throws after 30 s of silence.
  json receive() {
    for (;;) {
      const auto header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const auto at = buffer_.find("Content-Length:");
        if (at == std::string::npos || at > header_end) throw std::runtime_error("bad frame from baton lsp");
        const auto length = std::stoul(buffer_.substr(at + 15, header_end - at - 15));
        if (buffer_.size() >= header_end + 4 + length) {
          auto message = json::parse(buffer_.substr(header_end + 4, length));
          buffer_.erase(0, header_end + 4 + length);
          return message;
        }
      }
      if (!child_.read_some(buffer_, std::chrono::seconds(30)))
        throw std::runtime_error("baton lsp did not answer");
    }
  }

  // Waits for publishDiagnostics of `version`; returns its diagnostic count.
  std::size_t await_diagnostics(std::int64_t version) {
    for (;;) {
      const auto message = receive();
      if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
      const auto& params = message["params"];
      if (params.value("version", std::int64_t{-1}) == version) return params["diagnostics"].size();
    }
  }

  int finish() { return child_.finish(); }

 private:
  Child child_;
  std::string buffer_;
};

struct LspFigures {
  double open_ms = 0;
  std::vector<double> change_ms;
  std::size_t diagnostics = 0;
};

LspFigures measure_lsp(const std::string& baton, const fs::path& prompt_path, int edits) {
  std::ifstream in(prompt_path, std::ios::binary);
  std::ostringstream whole;
  whole << in.rdbuf();
  const std::string text = std::move(whole).str();
  // Edit paragraph lines of prose: insert a word at the start, then remove it.
  std::vector<int> prose_lines;
  {
    int number = 0;
    std::istringstream lines(text);
    std::string current;
    bool in_fence = false;
    while (std::getline(lines, current)) {
      if (current.rfind("```", 0) == 0) in_fence = !in_fence;
      if (!in_fence && !current.empty() && current[0] >= 'A' && current[0] <= 'Z') prose_lines.push_back(number);
      ++number;
    }
  }
  if (prose_lines.empty()) throw std::runtime_error("the prompt has no prose line to edit");

  LspClient client(baton);
  const std::string uri = "file://" + fs::absolute(prompt_path).string();
  client.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
               {"params", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}}});
  while (!client.receive().contains("result")) {
  }
  client.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});

  LspFigures figures;
  auto start = std::chrono::steady_clock::now();
  client.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}}});
  figures.diagnostics = client.await_diagnostics(1);
  figures.open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  for (int i = 0; i < edits; ++i) {
    const int line_number = prose_lines[static_cast<std::size_t>(i / 2) * 7919 % prose_lines.size()];
    const bool insert = i % 2 == 0;
    const json range = {{"start", {{"line", line_number}, {"character", 0}}},
                        {"end", {{"line", line_number}, {"character", insert ? 0 : 5}}}};
    const std::int64_t version = i + 2;
    start = std::chrono::steady_clock::now();
    client.send({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didChange"},
                 {"params",
                  {{"textDocument", {{"uri", uri}, {"version", version}}},
                   {"contentChanges", json::array({{{"range", range}, {"text", insert ? "Also " : ""}}})}}}});
    client.await_diagnostics(version);
    figures.change_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  client.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}, {"params", nullptr}});
  while (!client.receive().contains("result")) {
  }
  client.send({{"jsonrpc", "2.0"}, {"method", "exit"}, {"params", nullptr}});
  client.finish();
  return figures;
}

// ---------------------------------------------------------------------------

std::string megabytes(std::uintmax_t bytes) { return format("%.1f MB", static_cast<double>(bytes) / 1e6); }

std::string ratio_text(double ratio) { return ratio >= 10 ? format("%.0fx", ratio) : format("%.2fx", ratio); }

// Linear scaling: 10x the input costs at most 12.5x the time.
constexpr double linear_limit = 12.5;

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value for " + arg);
      return argv[++i];
    };
    if (arg == "--baton") o.baton = value();
    else if (arg == "--corpus") o.corpus = value();
    else if (arg == "--cmark-gfm") o.cmark_gfm = value();
    else if (arg == "--cmark-parse") o.cmark_parse = value();
    else if (arg == "--markdownlint") o.markdownlint = value();
    else if (arg == "--repeat") o.repeat = std::max(1, std::stoi(value()));
    else if (arg == "--lsp-edits") o.lsp_edits = std::max(2, std::stoi(value()));
    else if (arg == "--only") {
      std::istringstream list(value());
      for (std::string name; std::getline(list, name, ',');) o.only.push_back(name);
    }
    else usage("unknown argument " + arg);
  }
  if (o.baton.empty() || o.corpus.empty()) usage("--baton and --corpus are required");
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

  const auto handoff_dir = o.corpus / "handoffs";
  const auto files = markdown_files(handoff_dir);
  const auto corpus_bytes = total_size(files);
  const auto shard_files = markdown_files(handoff_dir / "shard-00");
  const auto prompt = only_file(o.corpus / "prompt", ".md");
  const auto session_1x = only_file(o.corpus / "sessions" / "1x", ".jsonl");
  const auto session_10x = only_file(o.corpus / "sessions" / "10x", ".jsonl");
  const auto session_bytes = fs::file_size(session_10x);

  char date[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  struct utsname system {};
  ::uname(&system);
  std::printf("baton bench, %s\n", date);
  std::printf("machine: %s, %d cores (%s %s); %s\n", cpu_model().c_str(), cores(), system.sysname,
              system.release, read_command_output("'" + o.baton + "' --version").c_str());
  std::printf("corpus: %zu handoffs (%s), a %s prompt, a %s transcript; median of %d runs after a warm-up\n\n",
              files.size(), megabytes(corpus_bytes).c_str(), megabytes(fs::file_size(prompt)).c_str(),
              megabytes(session_bytes).c_str(), o.repeat);

  const std::string jobs_all = "--jobs=" + std::to_string(cores());
  // Shared between sections: the sessions figure is also the 10x of scaling.
  std::optional<double> sessions_10x_seconds;
  long sessions_10x_rss = 0;
  const auto want = [&](const std::string& section) {
    return o.only.empty() || std::find(o.only.begin(), o.only.end(), section) != o.only.end();
  };

  // -- baton check against cmark-gfm ------------------------------------------
  if (want("check")) {
    std::printf("baton check vs cmark-gfm over the same %zu files\n", files.size());
    {
      std::vector<Command> commands;
      std::optional<std::size_t> cli;
      std::optional<std::size_t> parse;
      if (!o.cmark_gfm.empty()) {
        Command command{"cmark-gfm", {o.cmark_gfm, "-e", "table", "-e", "tasklist", "--sourcepos"}, zero_exit, {}};
        command.argv.insert(command.argv.end(), files.begin(), files.end());
        cli = commands.size();
        commands.push_back(std::move(command));
      }
      if (!o.cmark_parse.empty()) {
        Command command{"cmark-gfm library", {o.cmark_parse}, zero_exit, {}};
        command.argv.insert(command.argv.end(), files.begin(), files.end());
        parse = commands.size();
        commands.push_back(std::move(command));
      }
      const auto all = commands.size();
      commands.push_back({"baton check", {o.baton, "check", jobs_all, handoff_dir.string()}, lint_exit, {}});
      const auto one = commands.size();
      commands.push_back({"baton check --jobs 1", {o.baton, "check", "--jobs=1", handoff_dir.string()}, lint_exit, {}});
      const auto measured = side_by_side(commands, o.repeat);
      for (const auto& m : measured)
        if (!m.ok) failed(m);
      auto cpu_text = [](const Measured& m) { return "cpu " + seconds_text(m.cpu_seconds); };
      if (cli && measured[*cli].ok)
        line("cmark-gfm -e table -e tasklist (one process)", seconds_text(measured[*cli].seconds),
             cpu_text(measured[*cli]) + "; reference");
      if (parse && measured[*parse].ok)
        line("libcmark-gfm, parse only, file by file", seconds_text(measured[*parse].seconds),
             cpu_text(measured[*parse]) + "; stricter reference");
      // Judged on the wall clock; the CPU ratio says how much work baton does
      // per byte, whatever the cores and the load.
      auto report = [&](std::size_t index, const std::string& label, bool judged) {
        if (!measured[index].ok) return;
        std::string comparison = cpu_text(measured[index]);
        std::optional<bool> pass;
        if (cli && measured[*cli].ok) {
          const double ratio = measured[index].seconds / measured[*cli].seconds;
          comparison += "; " + ratio_text(ratio) + " cmark-gfm (cpu " +
                        ratio_text(measured[index].cpu_seconds / measured[*cli].cpu_seconds) + ")";
          if (judged) pass = ratio <= 1.5;
        }
        if (parse && measured[*parse].ok)
          comparison += ", " + ratio_text(measured[index].seconds / measured[*parse].seconds) + " parse";
        line(label, seconds_text(measured[index].seconds), comparison, judged && pass ? "target <= 1.5x" : "", pass);
      };
      report(all, "baton check " + jobs_all, true);
      report(one, "baton check --jobs=1", false);
        if (measured[all].ok)
        line("  throughput", format("%.0f MB/s", static_cast<double>(corpus_bytes) / 1e6 / measured[all].seconds));
    }
  }

  // -- markdownlint-cli2 --------------------------------------------------------
  if (want("markdownlint")) {
    std::printf("\nbaton check vs markdownlint-cli2 over the same files\n");
    if (o.markdownlint.empty()) {
      std::printf("  skipped: no markdownlint-cli2 (make bench installs it with npm when npm exists; "
          "BENCH_MARKDOWNLINT=0 leaves it out)\n");
    } else {
      Command command{"markdownlint-cli2", {o.markdownlint, "handoffs/**/*.md"}, lint_exit, {}};
      command.options.cwd = o.corpus;
      // markdownlint-cli2 takes minutes: one run, no warm-up (the page cache is
      // warm from the runs above); baton again right after it, so that both
      // are measured under the same load.
      const auto measured = side_by_side({command}, 1, false);
      const auto baton_after =
          side_by_side({{"baton check", {o.baton, "check", jobs_all, handoff_dir.string()}, lint_exit, {}}}, o.repeat, false);
      if (!measured[0].ok) {
        failed(measured[0]);
      } else if (!baton_after[0].ok) {
        failed(baton_after[0]);
      } else {
        const double speedup = measured[0].seconds / baton_after[0].seconds;
        line("markdownlint-cli2 " + read_command_output("'" + o.markdownlint + "' --help | head -1 | awk '{print $2}'"),
             seconds_text(measured[0].seconds), "cpu " + seconds_text(measured[0].cpu_seconds), "reference");
        line("baton check " + jobs_all + ", right after", seconds_text(baton_after[0].seconds),
             "cpu " + seconds_text(baton_after[0].cpu_seconds) + "; " + ratio_text(speedup) + " faster (cpu " +
                 ratio_text(measured[0].cpu_seconds / baton_after[0].cpu_seconds) + ")",
             "target >= 100x", speedup >= 100);
      }
    }
  }

  // -- sessions list -------------------------------------------------------------
  if (want("sessions")) {
    std::printf("\nbaton sessions list and generate over a %s transcript\n", megabytes(session_bytes).c_str());
    {
      const std::vector<Command> commands = {
          {"wc -l", {"wc", "-l", session_10x.string()}, zero_exit, {}},
          {"baton sessions list", {o.baton, "sessions", "list", session_10x.parent_path().string()}, zero_exit, {}},
      };
      const auto measured = side_by_side(commands, o.repeat);
      for (const auto& m : measured)
        if (!m.ok) failed(m);
      if (measured[0].ok)
        line("wc -l (reads every byte once)", format("%.0f MB/s", static_cast<double>(session_bytes) / 1e6 / measured[0].seconds),
             seconds_text(measured[0].seconds), "reference");
      if (measured[1].ok) {
        const double rate = static_cast<double>(session_bytes) / 1e6 / measured[1].seconds;
        line("baton sessions list", format("%.0f MB/s", rate),
             seconds_text(measured[1].seconds) +
                 (measured[0].ok ? ", " + ratio_text(measured[1].seconds / measured[0].seconds) + " wc -l" : ""),
             "target >= 300 MB/s", rate >= 300);
        line("  peak memory", format("%.1f MiB", static_cast<double>(measured[1].max_rss_kib) / 1024), "", "target < 64 MiB",
             measured[1].max_rss_kib < 64 * 1024);
        sessions_10x_seconds = measured[1].seconds;
        sessions_10x_rss = measured[1].max_rss_kib;
      }
    }
    // DESIGN.md §10 holds `baton generate` to the same targets.
    if (run_process({o.baton, "generate", "--help"}).exit_code == 0) {
      const auto out = o.corpus / "out" / "generated-handoff.md";
      fs::create_directories(out.parent_path());
      const std::vector<Command> commands = {
          {"baton generate", {o.baton, "generate", session_10x.string(), "--out", out.string(), "--force"}, zero_exit, {}},
      };
      const auto measured = side_by_side(commands, o.repeat);
      if (!measured[0].ok) {
        failed(measured[0]);
      } else {
        const double rate = static_cast<double>(session_bytes) / 1e6 / measured[0].seconds;
        line("baton generate", format("%.0f MB/s", rate),
             seconds_text(measured[0].seconds) + ", cpu " + seconds_text(measured[0].cpu_seconds) + "; " +
                 megabytes(fs::file_size(out)) + " written",
             "target >= 300 MB/s", rate >= 300);
        line("  peak memory", format("%.1f MiB", static_cast<double>(measured[0].max_rss_kib) / 1024), "",
             "target < 64 MiB", measured[0].max_rss_kib < 64 * 1024);
        // What the handoff must be (docs/generator.md): readable in one Read
        // call, clean under `baton check`, its goal the first request.
        std::ifstream written(out, std::ios::binary);
        const std::string handoff((std::istreambuf_iterator<char>(written)), std::istreambuf_iterator<char>());
        const auto lines = static_cast<std::size_t>(std::count(handoff.begin(), handoff.end(), '\n'));
        line("  handoff size", std::to_string(lines) + " lines", megabytes(handoff.size()),
             "<= 2,000 lines, 100 kB", lines <= 2000 && handoff.size() <= 100000);
        line("  handoff goal", handoff.find("as first requested by the user") != std::string::npos ? "first request" : "other",
             "", "the first request", handoff.find("as first requested by the user") != std::string::npos);
        const auto check = run_process({o.baton, "check", "--quiet", out.string()});
        line("  baton check on the handoff", "exit " + std::to_string(check.exit_code), "", "exit 0",
             check.exit_code == 0);
      }
    }
  }

  // -- LSP ---------------------------------------------------------------------
  if (want("lsp")) {
    std::printf("\nbaton lsp: diagnostics after a change to a %s prompt (%d edits)\n",
                megabytes(fs::file_size(prompt)).c_str(), o.lsp_edits);
    try {
      const auto figures = measure_lsp(o.baton, prompt, o.lsp_edits);
      line("didOpen to publishDiagnostics", format("%.2f ms", figures.open_ms),
           std::to_string(figures.diagnostics) + " diagnostics");
      const double p50 = median(figures.change_ms);
      const double p95 = percentile(figures.change_ms, 0.95);
      line("didChange to publishDiagnostics, median", format("%.2f ms", p50), "", "target < 10 ms", p50 < 10);
      line("didChange to publishDiagnostics, p95", format("%.2f ms", p95));
    } catch (const std::exception& error) {
      std::printf("  FAILED: %s\n", error.what());
      ++misses;
    }
  }

  // -- scaling -------------------------------------------------------------------
  if (want("scaling")) {
    std::printf("\nscaling from 1x to 10x input (linear: at most %.1fx the time)\n", linear_limit);
    {
      const auto shard_bytes = total_size(shard_files);
      const std::vector<Command> commands = {
          {"check 1x", {o.baton, "check", jobs_all, (handoff_dir / "shard-00").string()}, lint_exit, {}},
          {"check 10x", {o.baton, "check", jobs_all, handoff_dir.string()}, lint_exit, {}},
          {"document 1x", {o.baton, "check", "--jobs=1", (o.corpus / "single" / "1x-handoff.md").string()}, lint_exit, {}},
          {"document 10x", {o.baton, "check", "--jobs=1", (o.corpus / "single" / "10x-handoff.md").string()}, lint_exit, {}},
          {"sessions 1x", {o.baton, "sessions", "list", session_1x.parent_path().string()}, zero_exit, {}},
      };
      const auto measured = side_by_side(commands, o.repeat);
      for (const auto& m : measured)
        if (!m.ok) failed(m);
      auto scale = [&](const std::string& label, const Measured& small, double large_seconds) {
        if (!small.ok) return;
        const double factor = large_seconds / small.seconds;
        line(label, ratio_text(factor), seconds_text(small.seconds) + " -> " + seconds_text(large_seconds),
             format("target <= %.1fx", linear_limit), factor <= linear_limit);
      };
      if (measured[1].ok)
        scale("check, " + std::to_string(shard_files.size()) + " -> " + std::to_string(files.size()) + " files (" +
                  megabytes(shard_bytes) + " -> " + megabytes(corpus_bytes) + ")",
              measured[0], measured[1].seconds);
      if (measured[3].ok)
        scale("check, one document " + megabytes(fs::file_size(o.corpus / "single" / "1x-handoff.md")) + " -> " +
                  megabytes(fs::file_size(o.corpus / "single" / "10x-handoff.md")),
              measured[2], measured[3].seconds);
      if (sessions_10x_seconds) {
        scale("sessions list, " + megabytes(fs::file_size(session_1x)) + " -> " + megabytes(session_bytes),
              measured[4], *sessions_10x_seconds);
        if (measured[4].ok)
          line("  peak memory", format("%.1f MiB", static_cast<double>(sessions_10x_rss) / 1024),
               format("%.1f MiB at 1x", static_cast<double>(measured[4].max_rss_kib) / 1024), "independent of size",
               sessions_10x_rss < 64 * 1024 &&
                   static_cast<double>(sessions_10x_rss) <= 1.5 * static_cast<double>(measured[4].max_rss_kib));
      }
    }
  }

  std::printf("\n%d PASS, %d MISS\n", passes, misses);
  return misses == 0 ? 0 : 1;
}
