// Protocol transcripts: fixtures/lsp/*.lsp hold the client's messages in the
// delimited framing (messages separated by "---", '#' lines are comments),
// followed by what the server must send:
//
//   #> {"id": 1, "result": {...}}     one expected message; consecutive "#>"
//   #>   ...                          lines continue it
//   # exit-code: 0                    the server's exit code
//
// Every server message must be expected, in order. Expected JSON is matched
// as a subset: objects may leave keys out, "<any>" matches any value,
// "<absent>" requires the key to be missing, and an array whose first element
// is "<contains>" matches when each further element matches some actual one,
// one whose first element is "<lacks>" when no further element matches any;
// a string "<has>TEXT" matches a string containing TEXT.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lsp/protocol.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace {

namespace fs = std::filesystem;
using baton::lsp::json;

struct Transcript {
  std::string input;
  std::vector<json> expected;
  int exit_code = 0;
};

Transcript load(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  Transcript transcript;
  transcript.input = buffer.str();
  std::istringstream lines(transcript.input);
  std::string line;
  std::string block;
  auto flush = [&] {
    if (block.empty())
      return;
    transcript.expected.push_back(json::parse(block));
    block.clear();
  };
  while (std::getline(lines, line)) {
    if (line.starts_with("#>")) {
      block += line.substr(2) + "\n";
      continue;
    }
    flush();
    if (line.starts_with("# exit-code:"))
      transcript.exit_code = std::stoi(line.substr(12));
  }
  flush();
  return transcript;
}

bool matches(const json& expected, const json& actual, const std::string& where, std::string& why) {
  if (expected == "<any>")
    return true;
  if (expected.is_string() && expected.get_ref<const std::string&>().starts_with("<has>")) {
    const auto wanted = expected.get_ref<const std::string&>().substr(5);
    if (actual.is_string() &&
        actual.get_ref<const std::string&>().find(wanted) != std::string::npos)
      return true;
    why = where + ": expected a string containing " + json(wanted).dump() + ", got " +
          actual.dump().substr(0, 400);
    return false;
  }
  if (expected.is_object()) {
    if (!actual.is_object()) {
      why = where + ": expected an object, got " + actual.dump();
      return false;
    }
    for (const auto& [key, value] : expected.items()) {
      if (value == "<absent>") {
        if (actual.contains(key)) {
          why = where + "." + key + ": expected absent, got " + actual[key].dump();
          return false;
        }
        continue;
      }
      if (!actual.contains(key)) {
        why = where + "." + key + ": missing in " + actual.dump().substr(0, 400);
        return false;
      }
      if (!matches(value, actual[key], where + "." + key, why))
        return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) {
      why = where + ": expected an array, got " + actual.dump().substr(0, 400);
      return false;
    }
    if (!expected.empty() && expected[0] == "<contains>") {
      for (std::size_t i = 1; i < expected.size(); ++i) {
        bool found = false;
        for (const auto& element : actual) {
          std::string ignored;
          if (matches(expected[i], element, where, ignored)) {
            found = true;
            break;
          }
        }
        if (!found) {
          why = where + ": no element matches " + expected[i].dump() + " in " + actual.dump();
          return false;
        }
      }
      return true;
    }
    if (!expected.empty() && expected[0] == "<lacks>") {
      for (std::size_t i = 1; i < expected.size(); ++i) {
        for (const auto& element : actual) {
          std::string ignored;
          if (matches(expected[i], element, where, ignored)) {
            why = where + ": an element matches " + expected[i].dump() + ": " + element.dump();
            return false;
          }
        }
      }
      return true;
    }
    if (expected.size() != actual.size()) {
      why = where + ": expected " + std::to_string(expected.size()) + " elements, got " +
            std::to_string(actual.size()) + ": " + actual.dump().substr(0, 600);
      return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!matches(expected[i], actual[i], where + "[" + std::to_string(i) + "]", why))
        return false;
    }
    return true;
  }
  if (expected != actual) {
    why = where + ": expected " + expected.dump() + ", got " + actual.dump().substr(0, 400);
    return false;
  }
  return true;
}

std::vector<fs::path> transcripts() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(fs::path(BATON_SOURCE_DIR) / "fixtures/lsp")) {
    if (entry.path().extension() == ".lsp")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

class TranscriptTest : public testing::TestWithParam<fs::path> {};

TEST_P(TranscriptTest, ServerRepliesAsRecorded) {
  const auto transcript = load(GetParam());
  std::istringstream in(transcript.input);
  std::ostringstream out;
  baton::lsp::Transport transport(in, out, baton::lsp::Framing::delimited);
  std::ostringstream log;
  const int code = baton::lsp::serve(transport, &log);
  EXPECT_EQ(code, transcript.exit_code);

  std::istringstream replies(out.str());
  std::ostringstream unused;
  baton::lsp::Transport reader(replies, unused, baton::lsp::Framing::delimited);
  std::vector<json> actual;
  for (auto message = reader.read(); message.status != baton::lsp::ReadResult::Status::eof;
       message = reader.read()) {
    ASSERT_EQ(message.status, baton::lsp::ReadResult::Status::message) << message.error;
    actual.push_back(json::parse(message.body));
  }
  const auto count = std::min(actual.size(), transcript.expected.size());
  for (std::size_t i = 0; i < count; ++i) {
    std::string why;
    EXPECT_TRUE(matches(transcript.expected[i], actual[i], "message " + std::to_string(i + 1), why))
        << why;
  }
  for (std::size_t i = count; i < actual.size(); ++i)
    ADD_FAILURE() << "unexpected message " << i + 1 << ": " << actual[i].dump();
  for (std::size_t i = count; i < transcript.expected.size(); ++i)
    ADD_FAILURE() << "missing message " << i + 1 << ": " << transcript.expected[i].dump();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TranscriptTest, testing::ValuesIn(transcripts()),
                         [](const testing::TestParamInfo<fs::path>& param) {
                           auto name = param.param.stem().string();
                           for (auto& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return name;
                         });

}  // namespace
