#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Inline expectations in markdown fixtures:
//   text <!-- expect: HP102 -->                 a diagnostic of HP102 starts on this line
//   <!-- expect@+2: HP110 "malformed" -->       two lines below; message contains the text
//   <!-- expect@L42: HP001 -->                  on line 42
//   <!-- expect: HP201 HP201 -->                two diagnostics of HP201 on this line
//   <!-- expect-no-diagnostics -->              required when nothing is expected
//   <!-- fixture-rules: HP401 HP402 -->         lint with only these rules (closed-world
//                                               over them); for focused Section 1 fixtures
//   <!-- fixture-check-fs -->                   lint as with --check-fs (real file system)
//   <!-- fixture-max-file-size: 64 -->          build the document with this file-size
//                                               limit in bytes (HP009 without a 10 MiB file)
// Rules are named by code or name. Expectations are found by scanning raw
// lines, so they also work next to code blocks.
namespace baton::fixtures {

struct Expectation {
  std::uint32_t line = 0;
  std::string rule;  // code or name
  std::optional<std::string> message;  // substring of the message
  std::uint32_t written_on = 0;         // line of the comment, for error output
};

struct ExpectationSet {
  std::vector<Expectation> expectations;
  bool no_diagnostics = false;
  std::vector<std::string> only_rules;  // from fixture-rules; empty means every rule
  bool check_filesystem = false;        // from fixture-check-fs
  std::optional<std::uint64_t> max_file_size;  // from fixture-max-file-size
  std::vector<std::string> errors;  // malformed expectation comments
};

ExpectationSet parse_expectations(std::string_view text);

}  // namespace baton::fixtures
