// The session (.jsonl transcript) reader and the commands built on it, in
// the lenient mode `baton sessions` uses by default and in strict mode.
#include "fuzz_support.hpp"
#include "session/jsonl_reader.hpp"
#include "session/records.hpp"
#include "session/toolkit.hpp"

namespace baton::fuzz {

int session_reader(const std::uint8_t* data, std::size_t size) {
  MemoryFile file(data, size);
  if (!file.ok()) return 0;
  for (const bool strict : {false, true}) {
    session::ReadOptions options;
    options.strict_json = strict;
    try {
      session::RecordReader reader(file.path(), options);
      while (reader.next()) {
        const auto record = session::parse_record(reader.text(), reader.index(), reader.line_number());
        for (const auto& tool_use : record.tool_uses) {
          (void)session::skill_call(tool_use);
          (void)session::todo_items(tool_use);
        }
        (void)session::content_text(record.content);
      }
      (void)session::last_compact(file.path(), options);
      (void)session::chunk_boundaries(file.path(), 0, 200, options);
      NullStream out;
      session::write_all(file.path(), options, out);
    } catch (const session::SessionError&) {
      // A documented failure with its own exit code.
    }
  }
  return 0;
}

}  // namespace baton::fuzz

BATON_FUZZ_ENTRY(session_reader)
