#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/call_ast.hpp"
#include "source/source_file.hpp"

namespace baton::doc {

using source::SourceFile;
using source::TextRange;

enum class BlockKind {
  paragraph,
  heading,
  fence,
  indented_code,
  html,
  list,
  item,
  block_quote,
  table,
  thematic_break,
  other,
};

// Every block of the document in source order; `depth` 0 is a top-level block.
struct Block {
  BlockKind kind;
  TextRange range;  // whole lines covered by the block, without the final line terminator
  int depth = 0;
};

struct Heading {
  int level = 1;
  TextRange range;  // the heading line(s)
  TextRange text;   // the title text: no '#' marks, trimmed
  bool setext = false;
};

// A numbered heading: `SECTION 0: ...`, `0.1 ...`, `1.1.1 ...`, `Step 3.5: ...`.
enum class SectionKind { part, sub, step };

struct Section {
  SectionKind kind = SectionKind::sub;
  std::string number;  // "0" for SECTION 0, "0.1", "1.1.1", "3.5" for Step 3.5
  std::size_t heading = 0;  // index into Document::headings()
  TextRange number_range;   // the number (and "SECTION"/"Step" word) in the heading
  TextRange title;          // the title after the number and its separator
  // From the end of the heading to the next heading of the same or a higher
  // level (or the end of the document): the section with its subsections.
  TextRange body;
};

struct Fence {
  TextRange range;    // opening fence line to closing fence line (or the end of its container)
  TextRange content;  // the lines between the fences
  std::string info;   // first word of the info string, lower-cased ("yaml", "" when none)
  TextRange info_range;
  bool closed = true;
};

struct InlineCode {
  TextRange range;    // with the backticks
  TextRange content;  // without them, not trimmed
};

struct HtmlComment {
  TextRange range;    // "<!--" to "-->"
  TextRange content;  // between them
};

struct TableCell {
  TextRange range;    // between the pipes
  TextRange content;  // trimmed
};

struct TableRow {
  TextRange range;
  std::vector<TableCell> cells;
};

struct Table {
  TextRange range;
  TableRow header;
  std::vector<TableRow> rows;  // body rows, delimiter row excluded
};

struct ListItem {
  TextRange range;
  TextRange marker;               // "-", "*", "+", "1." or "1)"
  std::optional<bool> checked;    // set for task items "- [ ]" / "- [x]"
  TextRange content;              // after the marker (and the task box)
};

// Limits that bound the time and memory spent on one input (DESIGN.md §11).
inline constexpr std::uint64_t default_max_file_size = std::uint64_t{10} << 20;  // 10 MiB
// Block quotes and list items inside one another; real prompts nest a few levels.
inline constexpr int default_max_nesting = 50;

struct Limits {
  std::uint64_t max_file_size = default_max_file_size;
  int max_nesting = default_max_nesting;
};

// An input that exceeded a limit. Only the limit rules (HP009, HP010) report
// on such a document; the rest of its model is not to be trusted.
struct ExceededLimit {
  enum class Kind { file_size, nesting };
  Kind kind = Kind::file_size;
  // The input's size in bytes (0 when unknown, e.g. stdin) or the nesting depth reached.
  std::uint64_t found = 0;
  std::uint64_t limit = 0;
  TextRange range;  // the first block past the nesting limit; empty at 0 for the file size
};

// Where a call was found.
enum class CallSite { fence, inline_code };

struct LocatedCall {
  grammar::Call call;
  CallSite site = CallSite::fence;
  std::size_t container = 0;  // index into fences() or inline_code()
};

// The markdown of one input as baton sees it: blocks and the things rules look
// at, each with exact byte ranges into the source text.
class Document {
 public:
  explicit Document(SourceFile source) : source_(std::move(source)) {}

  const SourceFile& source() const { return source_; }
  // Moves the source out, ending the document's use: for callers that keep
  // the text (and diagnostics) but not the model.
  SourceFile take_source() && { return std::move(source_); }
  std::string_view text(TextRange range) const { return source_.slice(range); }

  std::optional<TextRange> front_matter() const { return front_matter_; }
  std::span<const Block> blocks() const { return blocks_; }
  std::span<const Heading> headings() const { return headings_; }
  std::span<const Section> sections() const { return sections_; }
  std::span<const Fence> fences() const { return fences_; }
  std::span<const InlineCode> inline_code() const { return inline_code_; }
  std::span<const HtmlComment> html_comments() const { return html_comments_; }
  std::span<const Table> tables() const { return tables_; }
  std::span<const ListItem> list_items() const { return list_items_; }
  std::span<const LocatedCall> calls() const { return calls_; }
  // Malformed calls in fenced blocks (inline code fragments are not reported).
  std::span<const grammar::CallError> call_errors() const { return call_errors_; }
  // Set when the input exceeded one of the Limits it was built with.
  const std::optional<ExceededLimit>& exceeded_limit() const { return exceeded_limit_; }

  // The first section with this kind and number, or nullptr.
  const Section* find_section(SectionKind kind, std::string_view number) const;
  const Heading& heading_of(const Section& section) const { return headings_[section.heading]; }

  // Elements whose range lies inside `range`. Every list of the document is
  // in source order (by range.begin), so the search starts at the first
  // element that can lie inside and stops after the range: rules call this
  // once per section, and a scan from the start would be quadratic.
  template <typename T>
  static std::vector<const T*> within(std::span<const T> items, TextRange range) {
    auto it = std::lower_bound(items.begin(), items.end(), range.begin,
                               [](const T& item, std::uint32_t offset) { return item.range.begin < offset; });
    std::vector<const T*> found;
    for (; it != items.end() && it->range.begin <= range.end; ++it) {
      if (range.contains(it->range)) found.push_back(&*it);
    }
    return found;
  }
  std::vector<const LocatedCall*> calls_in(TextRange range) const;

  // True when `offset` lies inside a fenced block, inline code or an HTML comment.
  bool in_code(std::uint32_t offset) const;
  bool in_comment(std::uint32_t offset) const;

 private:
  friend Document build_document(SourceFile source, const Limits& limits);
  friend Document oversized_document(std::string path, std::uint64_t size, std::uint64_t limit);

  SourceFile source_;
  std::optional<TextRange> front_matter_;
  std::vector<Block> blocks_;
  std::vector<Heading> headings_;
  std::vector<Section> sections_;
  std::vector<Fence> fences_;
  std::vector<InlineCode> inline_code_;
  std::vector<HtmlComment> html_comments_;
  std::vector<Table> tables_;
  std::vector<ListItem> list_items_;
  std::vector<LocatedCall> calls_;
  std::vector<grammar::CallError> call_errors_;
  std::optional<ExceededLimit> exceeded_limit_;
};

// Parses the source with cmark-gfm (source positions on, table and tasklist
// extensions) and builds the document model. Never fails: any byte string is
// some markdown document. A source larger than limits.max_file_size becomes
// an oversized_document; nesting past limits.max_nesting sets exceeded_limit().
Document build_document(SourceFile source, const Limits& limits = {});

// The document of an input larger than `limit` bytes, read no further than
// that: no text, no model, only the exceeded limit. `size` is the input's
// size when known, 0 otherwise.
Document oversized_document(std::string path, std::uint64_t size, std::uint64_t limit);

// Call once before any thread parses: registers cmark-gfm's core extensions.
void initialize_markdown();

}  // namespace baton::doc
