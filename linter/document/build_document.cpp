#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <limits>
#include <mutex>
#include <string>

#include "document/cmark_arena.hpp"
#include "document/cmark_handle.hpp"
#include "document/document.hpp"
#include "document/text_scan.hpp"

namespace baton::doc {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// A line drawn with one character ("=====", "#####"), as plain-text banners are.
bool is_banner_rule(std::string_view line) {
  line = trim(line);
  if (line.size() < 3 || std::string_view("=-*_~#+").find(line.front()) == std::string_view::npos)
    return false;
  return line.find_first_not_of(line.front()) == std::string_view::npos;
}

bool is_block(cmark_node* node) {
  return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

std::string_view type_name(cmark_node* node) {
  const char* name = cmark_node_get_type_string(node);
  return name ? std::string_view(name) : std::string_view();
}

// Front matter: a first line "---" up to the next "---" or "..." line.
std::optional<TextRange> find_front_matter(const SourceFile& source, std::uint32_t skip) {
  const auto first = source.line_range(1);
  if (trim(source.text().substr(first.begin + skip, first.size() - skip)) != "---") {
    return std::nullopt;
  }
  for (std::uint32_t line = 2; line <= source.line_count(); ++line) {
    const auto text = trim(source.line_text(line));
    if (text == "---" || text == "...") return TextRange{0, source.line_range(line).end};
  }
  return std::nullopt;
}

class Builder {
 public:
  Builder(Document& document, std::optional<TextRange>& front_matter)
      : doc_(document), source_(document.source()), front_matter_(front_matter) {}

  explicit Builder(Document& document, std::optional<TextRange>& front_matter, int max_nesting,
                   std::optional<ExceededLimit>& exceeded)
      : Builder(document, front_matter) {
    max_nesting_ = max_nesting;
    exceeded_ = &exceeded;
  }

  void build(std::vector<Block>& blocks, std::vector<Heading>& headings,
             std::vector<Fence>& fences, std::vector<InlineCode>& inline_code,
             std::vector<HtmlComment>& comments, std::vector<Table>& tables,
             std::vector<ListItem>& items) {
    blocks_ = &blocks;
    headings_ = &headings;
    fences_ = &fences;
    inline_code_ = &inline_code;
    comments_ = &comments;
    tables_ = &tables;
    items_ = &items;

    const std::string_view text = source_.text();
    if (text.substr(0, utf8_bom.size()) == utf8_bom) bom_shift_ = utf8_bom.size();
    front_matter_ = find_front_matter(source_, bom_shift_);

    // The parser, its tree and all their buffers live in this thread's arena
    // until the scope ends; nothing of them outlives build().
    detail::ArenaScope arena;
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, detail::arena_allocator());
    // Without the arena (sanitizer builds) the parser and tree are freed as usual.
    const detail::parser_ptr parser_owner(detail::arena_enabled ? nullptr : parser);
    for (const char* name : {"table", "tasklist"}) {
      if (auto* extension = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, extension);
      }
    }
    // cmark reads the source in place; only a front matter is copied, blanked
    // (newlines kept, so positions hold) so that cmark does not read its
    // closing "---" as a setext underline.
    auto rest = text.substr(bom_shift_);
    if (front_matter_) {
      std::string blanked(rest.substr(0, front_matter_->end - bom_shift_));
      for (char& c : blanked) {
        if (c != '\n') c = ' ';
      }
      cmark_parser_feed(parser, blanked.data(), blanked.size());
      rest.remove_prefix(blanked.size());
    }
    cmark_parser_feed(parser, rest.data(), rest.size());
    cmark_node* root = cmark_parser_finish(parser);
    const detail::node_ptr root_owner(detail::arena_enabled ? nullptr : root);
    walk(root);
  }

 private:
  std::uint32_t offset(int line, int column) const {
    if (line < 1) return 0;
    const auto l = static_cast<std::uint32_t>(line);
    const auto shift = l == 1 ? bom_shift_ : 0;
    return source_.offset_of({l, static_cast<std::uint32_t>(std::max(column, 1)) + shift});
  }

  // cmark's end column is inclusive; column 0 means "the end of the previous line".
  TextRange node_range(cmark_node* node) const {
    const int start_line = cmark_node_get_start_line(node);
    int end_line = cmark_node_get_end_line(node);
    int end_column = cmark_node_get_end_column(node);
    const auto begin = offset(start_line, cmark_node_get_start_column(node));
    std::uint32_t end = 0;
    // cmark-gfm leaves some blocks (an HTML block on the first line) with an
    // end of 0:0, and ends a comment whose "-->" is alone on its line a line
    // early; an HTML block's literal tells how many lines it covers.
    if (end_line < start_line || cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      const char* literal = cmark_node_get_literal(node);
      const std::string_view text = literal ? literal : "";
      const bool last_line_open = !text.empty() && text.back() != '\n';  // the block ends the file
      const auto lines =
          std::max<int>(1, static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (last_line_open ? 1 : 0));
      end_line = start_line + lines - 1;
      end_column = static_cast<int>(source_.line_range(static_cast<std::uint32_t>(end_line)).size() + 1);
      if (end_line == 1) end_column -= static_cast<int>(bom_shift_);
    }
    if (end_column <= 0) {
      end = end_line > 1 ? source_.line_range(static_cast<std::uint32_t>(end_line - 1)).end : begin;
    } else {
      end = std::min(offset(end_line, end_column) + 1,
                     source_.line_range(static_cast<std::uint32_t>(end_line)).end);
    }
    // Trailing blank lines are not part of a block.
    const auto text = source_.text();
    while (end > begin && is_space(text[end - 1])) --end;
    return {begin, std::max(begin, end)};
  }

  static bool is_nesting_container(cmark_node* node) {
    const auto type = cmark_node_get_type(node);
    return type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM;
  }

  // Visits the blocks depth first. Not with cmark's iterator: it would also
  // step through every inline node, and baton reads inline content from the
  // text. Iterative, so deep nesting costs no stack. Block quotes and list
  // items nested past max_nesting_ stop the modelling; the walk goes on only
  // to measure the deepest nesting for the report.
  void walk(cmark_node* root) {
    int depth = 0;
    int nesting = 0;  // block quotes and list items open around the node
    int deepest = 0;
    std::optional<TextRange> first_too_deep;
    cmark_node* node = cmark_node_first_child(root);
    while (node != nullptr) {
      if (is_block(node)) {
        const bool nests = is_nesting_container(node);
        if (nests) {
          deepest = std::max(deepest, nesting + 1);
          if (nesting + 1 > max_nesting_ && !first_too_deep) first_too_deep = node_range(node);
        }
        const bool descend = first_too_deep ? true : visit(node, depth);
        if (descend) {
          if (cmark_node* child = cmark_node_first_child(node)) {
            if (nests) ++nesting;
            node = child;
            ++depth;
            continue;
          }
        }
      }
      while (node != root && cmark_node_next(node) == nullptr) {
        node = cmark_node_parent(node);
        if (node != root && is_nesting_container(node)) --nesting;
        --depth;
      }
      node = node == root ? nullptr : cmark_node_next(node);
    }
    if (first_too_deep && exceeded_) {
      *exceeded_ = ExceededLimit{ExceededLimit::Kind::nesting, static_cast<std::uint64_t>(deepest),
                                 static_cast<std::uint64_t>(max_nesting_), *first_too_deep};
    }
  }

  // Records one block; returns whether blocks may lie inside it.
  bool visit(cmark_node* node, int depth) {
    const auto range = node_range(node);
    const auto type = cmark_node_get_type(node);
    BlockKind kind = BlockKind::other;
    bool container = false;
    switch (type) {
      case CMARK_NODE_PARAGRAPH:
        kind = BlockKind::paragraph;
        // Paragraphs inside table cells do not exist; inside items they do.
        scan_inline(range);
        break;
      case CMARK_NODE_HEADING:
        kind = BlockKind::heading;
        add_heading(node, range);
        break;
      case CMARK_NODE_CODE_BLOCK:
        add_code_block(node, range, kind);
        break;
      case CMARK_NODE_HTML_BLOCK:
        kind = BlockKind::html;
        scan_comments(range);
        break;
      case CMARK_NODE_LIST:
        kind = BlockKind::list;
        container = true;
        break;
      case CMARK_NODE_ITEM: {
        // Task items keep the item type; the tasklist extension renames them.
        kind = BlockKind::item;
        container = true;
        const bool task = type_name(node) == "tasklist";
        add_item(range, task ? std::optional<bool>(cmark_gfm_extensions_get_tasklist_item_checked(node))
                             : std::nullopt);
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        kind = BlockKind::block_quote;
        container = true;
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        kind = BlockKind::thematic_break;
        break;
      default:
        if (type_name(node) == "table") {
          // Its rows and cells are read by add_table; they hold no blocks.
          kind = BlockKind::table;
          add_table(node, range);
        } else {
          return true;  // no block of its own; look inside
        }
    }
    blocks_->push_back(Block{kind, range, depth});
    return container;
  }

  void add_heading(cmark_node* node, TextRange range) {
    const int level = cmark_node_get_heading_level(node);
    const auto first_line = source_.line_of(range.begin);
    const auto line = source_.line_range(first_line);
    std::string_view text = source_.text();
    std::uint32_t begin = std::max(range.begin, line.begin);
    std::uint32_t end = line.end;
    bool setext = true;
    // ATX: skip the opening #s and an optional closing sequence of #s.
    auto cursor = begin;
    while (cursor < end && is_blank(text[cursor])) ++cursor;
    if (cursor < end && text[cursor] == '#') {
      setext = false;
      while (cursor < end && text[cursor] == '#') ++cursor;
      begin = cursor;
      auto tail = end;
      while (tail > begin && is_blank(text[tail - 1])) --tail;
      auto hashes = tail;
      while (hashes > begin && text[hashes - 1] == '#') --hashes;
      if (hashes < tail && (hashes == begin || is_blank(text[hashes - 1]))) end = hashes;
    } else if (range.end > line.end) {
      // Setext: the title is every line but the underline.
      end = source_.line_range(source_.line_of(range.end) - 1).end;
      // A banner ("=====" above the title, "=====" below) is a setext heading
      // whose first line is the rule: the title is the lines after it.
      for (auto title_line = first_line; title_line + 1 < source_.line_of(range.end); ++title_line) {
        const auto rule = source_.line_range(title_line);
        if (!is_banner_rule(text.substr(rule.begin, rule.end - rule.begin))) break;
        begin = source_.line_range(title_line + 1).begin;
      }
    }
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    headings_->push_back(Heading{level, range, {begin, end}, setext});
    scan_inline({begin, end});
  }

  void add_code_block(cmark_node* node, TextRange range, BlockKind& kind) {
    int fence_length = 0;
    int fence_offset = 0;
    char fence_char = 0;
    if (!cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char)) {
      kind = BlockKind::indented_code;
      return;
    }
    kind = BlockKind::fence;
    const auto text = source_.text();
    const auto first_line = source_.line_of(range.begin);
    auto last_line = source_.line_of(range.end == range.begin ? range.begin : range.end - 1);
    // cmark's range may stop short of the container's end for an unclosed fence.
    if (last_line < first_line) last_line = first_line;

    Fence fence;
    fence.range = {range.begin, source_.line_range(last_line).end};
    // A closed fence ends with a line of at least fence_length fence characters.
    bool closed = false;
    if (last_line > first_line) {
      const auto closing = trim(source_.line_text(last_line));
      std::size_t run = 0;
      while (run < closing.size() && closing[run] == fence_char) ++run;
      // Strip container prefixes such as "> " before the run.
      if (run == 0) {
        auto stripped = closing;
        while (!stripped.empty() && (stripped.front() == '>' || is_blank(stripped.front()))) {
          stripped.remove_prefix(1);
        }
        while (run < stripped.size() && stripped[run] == fence_char) ++run;
        closed = run >= static_cast<std::size_t>(fence_length) &&
                 trim(stripped.substr(run)).empty();
      } else {
        closed = run >= static_cast<std::size_t>(fence_length) && trim(closing.substr(run)).empty();
      }
    }
    fence.closed = closed;
    const auto content_first = first_line + 1;
    const auto content_last = closed ? last_line - 1 : last_line;
    if (content_first <= content_last && content_first <= source_.line_count()) {
      fence.content = {source_.line_start(content_first), source_.line_range(content_last).end};
    } else {
      const auto at = closed ? source_.line_start(last_line) : fence.range.end;
      fence.content = {at, at};
    }

    // The info string follows the opening fence characters on the first line.
    const auto opening = source_.line_range(first_line);
    auto cursor = std::max(range.begin, opening.begin);
    while (cursor < opening.end && is_blank(text[cursor])) ++cursor;
    while (cursor < opening.end && text[cursor] == fence_char) ++cursor;
    while (cursor < opening.end && is_blank(text[cursor])) ++cursor;
    auto info_end = cursor;
    while (info_end < opening.end && !is_space(text[info_end]) && text[info_end] != '{') ++info_end;
    fence.info_range = {cursor, info_end};
    for (char c : text.substr(cursor, info_end - cursor)) fence.info.push_back(to_lower(c));

    fences_->push_back(fence);
  }

  void add_item(TextRange range, std::optional<bool> checked) {
    const auto text = source_.text();
    ListItem item;
    item.range = range;
    auto cursor = range.begin;
    while (cursor < range.end && is_blank(text[cursor])) ++cursor;
    const auto marker_begin = cursor;
    if (cursor < range.end && (text[cursor] == '-' || text[cursor] == '*' || text[cursor] == '+')) {
      ++cursor;
    } else {
      while (cursor < range.end && is_digit(text[cursor])) ++cursor;
      if (cursor < range.end && (text[cursor] == '.' || text[cursor] == ')')) ++cursor;
    }
    item.marker = {marker_begin, cursor};
    while (cursor < range.end && is_blank(text[cursor])) ++cursor;
    if (checked) {
      // Skip the "[ ]" / "[x]" box.
      const auto box = text.substr(0, range.end).find(']', cursor);
      if (box != std::string_view::npos) cursor = static_cast<std::uint32_t>(box + 1);
      while (cursor < range.end && is_blank(text[cursor])) ++cursor;
    }
    item.checked = checked;
    item.content = {cursor, range.end};
    items_->push_back(item);
  }

  // Splits a table line on unescaped pipes (GFM splits inside code spans too).
  TableRow split_row(std::uint32_t line) {
    const auto text = source_.text();
    const auto range = source_.line_range(line);
    TableRow row;
    row.range = range;
    auto cursor = range.begin;
    while (cursor < range.end && is_blank(text[cursor])) ++cursor;
    auto cell_begin = cursor;
    if (cursor < range.end && text[cursor] == '|') cell_begin = ++cursor;
    auto emit = [&](std::uint32_t end) {
      auto begin = cell_begin;
      auto content_begin = begin;
      auto content_end = end;
      while (content_begin < content_end && is_blank(text[content_begin])) ++content_begin;
      while (content_end > content_begin && is_blank(text[content_end - 1])) --content_end;
      row.cells.push_back(TableCell{{begin, end}, {content_begin, content_end}});
    };
    for (; cursor < range.end; ++cursor) {
      if (text[cursor] == '\\') {
        ++cursor;
      } else if (text[cursor] == '|') {
        emit(cursor);
        cell_begin = cursor + 1;
      }
    }
    // A trailing pipe closes the last cell; otherwise the rest is a cell.
    if (cell_begin < range.end && !trim(text.substr(cell_begin, range.end - cell_begin)).empty()) {
      emit(range.end);
    }
    return row;
  }

  void add_table(cmark_node* node, TextRange range) {
    Table table;
    table.range = range;
    bool have_header = false;
    for (auto* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      const auto line = static_cast<std::uint32_t>(cmark_node_get_start_line(row));
      auto parsed = split_row(line);
      for (const auto& cell : parsed.cells) scan_inline(cell.content);
      if (!have_header) {
        table.header = std::move(parsed);
        have_header = true;
      } else {
        table.rows.push_back(std::move(parsed));
      }
    }
    tables_->push_back(std::move(table));
  }

  static bool starts_inline(char c) { return c == '\\' || c == '`' || c == '<'; }

  // Finds code spans and HTML comments in inline content, by the raw text:
  // cmark's inline positions are not reliable.
  void scan_inline(TextRange range) {
    const auto text = source_.text();
    auto cursor = range.begin;
    while (cursor < range.end) {
      // Most bytes start nothing: skip to the next one that may.
      while (cursor < range.end && !starts_inline(text[cursor])) ++cursor;
      if (cursor >= range.end) break;
      const char c = text[cursor];
      if (c == '\\') {
        cursor += 2;
      } else if (c == '`') {
        auto run_end = cursor;
        while (run_end < range.end && text[run_end] == '`') ++run_end;
        const auto run = run_end - cursor;
        // Look for a closing run of exactly the same length.
        auto search = run_end;
        std::uint32_t close = range.end;
        while (search < range.end) {
          if (text[search] != '`') {
            ++search;
            continue;
          }
          auto other_end = search;
          while (other_end < range.end && text[other_end] == '`') ++other_end;
          if (other_end - search == run) {
            close = search;
            break;
          }
          search = other_end;
        }
        if (close == range.end) {
          cursor = run_end;  // no closer: the backticks are literal
          continue;
        }
        inline_code_->push_back(InlineCode{{cursor, close + run}, {run_end, close}});
        cursor = close + run;
      } else if (c == '<' && text.substr(cursor, 4) == "<!--") {
        const auto close = text.substr(0, range.end).find("-->", cursor + 4);
        if (close == std::string_view::npos) {
          cursor += 4;
          continue;
        }
        const auto end = static_cast<std::uint32_t>(close + 3);
        comments_->push_back(HtmlComment{{cursor, end}, {cursor + 4, static_cast<std::uint32_t>(close)}});
        cursor = end;
      } else {
        ++cursor;
      }
    }
  }

  void scan_comments(TextRange range) {
    const auto text = source_.text().substr(0, range.end);
    auto cursor = text.find("<!--", range.begin);
    while (cursor != std::string_view::npos) {
      const auto close = text.find("-->", cursor + 4);
      if (close == std::string_view::npos) break;
      comments_->push_back(HtmlComment{{static_cast<std::uint32_t>(cursor), static_cast<std::uint32_t>(close + 3)},
                                       {static_cast<std::uint32_t>(cursor + 4), static_cast<std::uint32_t>(close)}});
      cursor = text.find("<!--", close + 3);
    }
  }

  Document& doc_;
  const SourceFile& source_;
  int max_nesting_ = std::numeric_limits<int>::max();
  std::optional<ExceededLimit>* exceeded_ = nullptr;
  std::optional<TextRange>& front_matter_;
  std::uint32_t bom_shift_ = 0;
  std::vector<Block>* blocks_ = nullptr;
  std::vector<Heading>* headings_ = nullptr;
  std::vector<Fence>* fences_ = nullptr;
  std::vector<InlineCode>* inline_code_ = nullptr;
  std::vector<HtmlComment>* comments_ = nullptr;
  std::vector<Table>* tables_ = nullptr;
  std::vector<ListItem>* items_ = nullptr;
};

// Reads "SECTION 0: title", "0.1 title", "1.1.1 title" or "Step 3.5: title".
std::optional<Section> parse_section_heading(std::string_view text, TextRange title_range) {
  Section section;
  std::size_t cursor = 0;
  auto read_number = [&](bool dotted) {
    const auto start = cursor;
    while (cursor < text.size() && is_digit(text[cursor])) ++cursor;
    if (cursor == start) return std::string_view();
    while (dotted && cursor + 1 < text.size() && text[cursor] == '.' && is_digit(text[cursor + 1])) {
      ++cursor;
      while (cursor < text.size() && is_digit(text[cursor])) ++cursor;
    }
    return text.substr(start, cursor - start);
  };
  std::string_view number;
  std::size_t number_begin = 0;
  if (istarts_with(text, "section") && text.size() > 7 && is_blank(text[7])) {
    section.kind = SectionKind::part;
    cursor = 7;
    while (cursor < text.size() && is_blank(text[cursor])) ++cursor;
    number = read_number(false);
  } else if (istarts_with(text, "step") && text.size() > 4 && is_blank(text[4])) {
    section.kind = SectionKind::step;
    cursor = 4;
    while (cursor < text.size() && is_blank(text[cursor])) ++cursor;
    number = read_number(true);
  } else {
    section.kind = SectionKind::sub;
    number = read_number(true);
    // A sub-section number has at most three parts and at least two.
    const auto dots = std::count(number.begin(), number.end(), '.');
    if (dots < 1 || dots > 2) return std::nullopt;
  }
  if (number.empty()) return std::nullopt;
  // The number must end the word: "1.2x" or "SECTION 12b" are not section numbers.
  if (cursor < text.size() && !is_blank(text[cursor]) && text[cursor] != ':' &&
      text[cursor] != '.' && text[cursor] != '-' && text[cursor] != ')' &&
      static_cast<unsigned char>(text[cursor]) < 0x80) {
    return std::nullopt;
  }
  section.number = std::string(number);
  section.number_range = {title_range.begin + static_cast<std::uint32_t>(number_begin),
                          title_range.begin + static_cast<std::uint32_t>(cursor)};
  // Skip separators between the number and the title: ":", ".", "-", dashes, blanks.
  while (cursor < text.size()) {
    const char c = text[cursor];
    if (is_blank(c) || c == ':' || c == '.' || c == '-' || c == ')') {
      ++cursor;
    } else if (text.substr(cursor, 3) == "\xE2\x80\x94" || text.substr(cursor, 3) == "\xE2\x80\x93") {
      cursor += 3;  // em dash, en dash
    } else {
      break;
    }
  }
  section.title = {title_range.begin + static_cast<std::uint32_t>(cursor), title_range.end};
  return section;
}

void build_sections(const Document& document, std::span<const Heading> headings,
                    std::vector<Section>& sections) {
  const auto text_end = document.source().size();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const auto& heading = headings[i];
    auto section = parse_section_heading(document.text(heading.text), heading.text);
    if (!section) continue;
    section->heading = i;
    std::uint32_t end = text_end;
    for (std::size_t j = i + 1; j < headings.size(); ++j) {
      if (headings[j].level <= heading.level) {
        end = headings[j].range.begin;
        break;
      }
    }
    section->body = {std::min(heading.range.end, end), end};
    sections.push_back(std::move(*section));
  }
}

template <typename T>
bool inside(std::span<const T> items, std::uint32_t offset) {
  // Items are in source order and do not overlap.
  auto it = std::upper_bound(items.begin(), items.end(), offset,
                             [](std::uint32_t value, const T& item) { return value < item.range.begin; });
  return it != items.begin() && std::prev(it)->range.contains(offset);
}

}  // namespace

void initialize_markdown() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

Document oversized_document(std::string path, std::uint64_t size, std::uint64_t limit) {
  Document document(SourceFile(std::move(path), std::string()));
  document.exceeded_limit_ = ExceededLimit{ExceededLimit::Kind::file_size, size, limit, {0, 0}};
  return document;
}

Document build_document(SourceFile source, const Limits& limits) {
  if (source.size() > limits.max_file_size) {
    const auto size = source.size();
    return oversized_document(source.path(), size, limits.max_file_size);
  }
  initialize_markdown();
  Document document(std::move(source));
  Builder builder(document, document.front_matter_, limits.max_nesting, document.exceeded_limit_);
  builder.build(document.blocks_, document.headings_, document.fences_, document.inline_code_,
                document.html_comments_, document.tables_, document.list_items_);
  // A document past a limit is reported, not checked: calls are not scanned.
  if (document.exceeded_limit_) return document;
  // Inline elements are found per block; keep every list in source order.
  auto by_begin = [](const auto& a, const auto& b) { return a.range.begin < b.range.begin; };
  std::stable_sort(document.inline_code_.begin(), document.inline_code_.end(), by_begin);
  std::stable_sort(document.html_comments_.begin(), document.html_comments_.end(), by_begin);
  build_sections(document, document.headings_, document.sections_);

  const auto text = document.source().text();
  for (std::size_t i = 0; i < document.fences_.size(); ++i) {
    const auto& fence = document.fences_[i];
    auto scan = grammar::scan_calls(text.substr(fence.content.begin, fence.content.size()),
                                    fence.content.begin);
    for (auto& call : scan.calls) document.calls_.push_back({std::move(call), CallSite::fence, i});
    for (auto& error : scan.errors) document.call_errors_.push_back(std::move(error));
  }
  for (std::size_t i = 0; i < document.inline_code_.size(); ++i) {
    const auto& code = document.inline_code_[i];
    const auto content = trim(text.substr(code.content.begin, code.content.size()));
    const bool starts_with_call = std::any_of(
        std::begin(grammar::call_names), std::end(grammar::call_names),
        [&](std::string_view name) { return content.substr(0, name.size()) == name; });
    if (!starts_with_call) continue;
    auto scan = grammar::scan_calls(text.substr(code.content.begin, code.content.size()),
                                    code.content.begin);
    for (auto& call : scan.calls) document.calls_.push_back({std::move(call), CallSite::inline_code, i});
  }
  std::stable_sort(document.calls_.begin(), document.calls_.end(),
                   [](const LocatedCall& a, const LocatedCall& b) {
                     return a.call.range.begin < b.call.range.begin;
                   });
  return document;
}

const Section* Document::find_section(SectionKind kind, std::string_view number) const {
  for (const auto& section : sections_) {
    if (section.kind == kind && section.number == number) return &section;
  }
  return nullptr;
}

std::vector<const LocatedCall*> Document::calls_in(TextRange range) const {
  std::vector<const LocatedCall*> found;
  for (const auto& located : calls_) {
    if (range.contains(located.call.range)) found.push_back(&located);
  }
  return found;
}

bool Document::in_code(std::uint32_t offset) const {
  return inside<Fence>(fences_, offset) || inside<InlineCode>(inline_code_, offset);
}

bool Document::in_comment(std::uint32_t offset) const {
  return inside<HtmlComment>(html_comments_, offset);
}

}  // namespace baton::doc
