#include <algorithm>
#include <string>

#include "engine/rule.hpp"
#include "format/renderers.hpp"

namespace baton::format::detail {

namespace {

constexpr std::string_view ansi_reset = "\x1b[0m";
constexpr std::string_view ansi_bold = "\x1b[1m";
constexpr std::string_view ansi_red = "\x1b[1;31m";
constexpr std::string_view ansi_yellow = "\x1b[1;33m";
constexpr std::string_view ansi_blue = "\x1b[1;34m";

// The source lines a frame shows for one range, at most.
constexpr std::uint32_t max_frame_lines = 3;
// Longer lines are cut to a window around the range, so a 100 MB line does
// not end up in the terminal.
constexpr std::uint32_t max_frame_codepoints = 240;
constexpr std::uint32_t window_lead_codepoints = 40;
constexpr std::uint32_t tab_width = 4;
constexpr std::string_view ellipsis = "\u2026";
constexpr std::string_view replacement_character = "\uFFFD";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}

  std::string paint(std::string_view style, std::string_view text) const {
    if (!color_ || text.empty())
      return std::string(text);
    std::string painted;
    painted.reserve(style.size() + text.size() + ansi_reset.size());
    painted.append(style).append(text).append(ansi_reset);
    return painted;
  }

 private:
  bool color_;
};

std::string_view severity_style(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::error:
      return ansi_red;
    case engine::Severity::warning:
      return ansi_yellow;
    case engine::Severity::info:
      return ansi_blue;
  }
  return ansi_red;
}

// One source line as shown in a frame: printable, tabs expanded, maybe cut to
// a window, with the underline's place in display columns (one per code point).
struct FrameLine {
  std::string text;
  std::uint32_t underline_start = 0;
  std::uint32_t underline_width = 0;
};

// Appends how one code point is shown. Control characters would act on the
// terminal, so C0 ones become their Unicode control pictures and C1 ones and
// bytes that are not UTF-8 become U+FFFD.
std::uint32_t append_glyph(std::string& text, std::string_view code_point) {
  const auto lead = static_cast<unsigned char>(code_point.front());
  if (lead == '\t') {
    text.append(tab_width, ' ');
    return tab_width;
  }
  if (lead < 0x20 || lead == 0x7F) {
    // U+2400 + c (U+2421 for DEL), encoded as E2 90 xx.
    const unsigned picture = lead == 0x7F ? 0x21 : lead;
    text += '\xE2';
    text += '\x90';
    text += static_cast<char>(0x80 + picture);
    return 1;
  }
  const bool c1_control =
      lead == 0xC2 && code_point.size() == 2 && static_cast<unsigned char>(code_point[1]) < 0xA0;
  if ((lead >= 0x80 && code_point.size() == 1) || c1_control) {
    text += replacement_character;
    return 1;
  }
  text += code_point;
  return 1;
}

// `from` and `to` are byte offsets into `line`, from <= to <= line.size().
FrameLine frame_line(std::string_view line, std::size_t from, std::size_t to) {
  const auto total = source::count_codepoints(line);
  std::uint32_t first_shown = 0;
  std::uint32_t last_shown = total;  // exclusive, in code points
  if (total > max_frame_codepoints) {
    const auto from_index = source::count_codepoints(line.substr(0, from));
    first_shown = from_index > window_lead_codepoints ? from_index - window_lead_codepoints : 0;
    last_shown = std::min(total, first_shown + max_frame_codepoints);
    if (last_shown - first_shown < max_frame_codepoints) {
      first_shown = last_shown - max_frame_codepoints;
    }
  }

  FrameLine frame;
  std::uint32_t column = 0;
  if (first_shown > 0) {
    frame.text += ellipsis;
    column = 1;
  }
  bool underline_started = false;
  bool underline_ended = false;
  std::uint32_t underline_end = 0;
  std::uint32_t index = 0;
  std::size_t offset = 0;
  while (offset < line.size() && index < last_shown) {
    const auto length = codepoint_length(line, offset);
    if (index >= first_shown) {
      if (!underline_started && offset >= from) {
        frame.underline_start = column;
        underline_started = true;
      }
      if (!underline_ended && offset >= to) {
        underline_end = column;
        underline_ended = true;
      }
      column += append_glyph(frame.text, line.substr(offset, length));
    }
    offset += length;
    ++index;
  }
  if (!underline_started)
    frame.underline_start = column;
  if (!underline_ended)
    underline_end = column;
  if (offset < line.size())
    frame.text += ellipsis;
  frame.underline_width =
      underline_end > frame.underline_start ? underline_end - frame.underline_start : 0;
  return frame;
}

std::uint32_t digit_count(std::uint32_t number) {
  std::uint32_t digits = 1;
  while (number >= 10) {
    number /= 10;
    ++digits;
  }
  return digits;
}

// Writes one diagnostic as a block in the style of rustc and ruff.
class DiagnosticWriter {
 public:
  DiagnosticWriter(const source::SourceFile& source, const Painter& painter, std::ostream& out)
      : source_(source), painter_(painter), out_(out) {}

  void write(const engine::Diagnostic& diagnostic) {
    const auto main_lines = lines_of(diagnostic.range);
    std::uint32_t widest = main_lines.last;
    for (const auto& related : diagnostic.related) {
      widest = std::max(widest, lines_of(related.range).first);
    }
    gutter_width_ = digit_count(widest);

    const auto severity = engine::to_string(diagnostic.severity);
    const auto style = severity_style(diagnostic.severity);
    std::string label(severity);
    if (diagnostic.rule) {
      label += '[';
      label.append(diagnostic.rule->code).append("/").append(diagnostic.rule->name);
      label += ']';
    }
    out_ << painter_.paint(style, label) << painter_.paint(ansi_bold, ": " + diagnostic.message)
         << '\n';
    write_arrow(diagnostic.range.begin);
    write_empty_gutter();
    write_frame(diagnostic.range, main_lines, '^', style, true);

    if (diagnostic.rule) {
      std::string help;
      if (!diagnostic.rule->summary.empty())
        help.append(diagnostic.rule->summary).append(" \u2014 ");
      help.append("`baton explain ").append(diagnostic.rule->name).append("`");
      write_note_line("help", help);
    }
    if (diagnostic.fix) {
      write_note_line(std::string("fix (").append(engine::to_string(diagnostic.fix->safety)) + ")",
                      diagnostic.fix->title);
    }

    for (const auto& related : diagnostic.related) {
      out_ << painter_.paint(ansi_blue, "note") << painter_.paint(ansi_bold, ": " + related.message)
           << '\n';
      write_arrow(related.range.begin);
      write_empty_gutter();
      const auto line = lines_of(related.range).first;
      write_frame(related.range, {line, line}, '-', ansi_blue, false);
    }
  }

 private:
  struct LineSpan {
    std::uint32_t first = 1;
    std::uint32_t last = 1;  // inclusive, already capped to max_frame_lines
  };

  // The lines a range touches: an exclusive end at the start of a line does
  // not touch that line.
  LineSpan lines_of(source::TextRange range) const {
    const auto begin = std::min(range.begin, source_.size());
    const auto end = std::clamp(range.end, begin, source_.size());
    const auto first = source_.line_of(begin);
    const auto last = end > begin ? source_.line_of(end - 1) : first;
    return {first, std::min(last, first + max_frame_lines - 1)};
  }

  std::string gutter(std::string_view content) const {
    std::string text(gutter_width_ > content.size() ? gutter_width_ - content.size() : 0, ' ');
    text.append(content);
    return text;
  }

  void write_arrow(std::uint32_t offset) {
    const auto location = location_of(source_, offset);
    out_ << std::string(gutter_width_, ' ') << painter_.paint(ansi_blue, "-->") << ' '
         << source_.path() << ':' << location.line << ':' << location.column << '\n';
  }

  void write_empty_gutter() { out_ << painter_.paint(ansi_blue, gutter("") + " |") << '\n'; }

  void write_note_line(std::string_view kind, std::string_view text) {
    out_ << painter_.paint(ansi_blue, gutter("") + " =") << ' ' << painter_.paint(ansi_bold, kind)
         << ": " << text << '\n';
  }

  // `mark_cut` adds a "..." line when the range goes on past the lines shown.
  void write_frame(source::TextRange range, LineSpan lines, char mark, std::string_view style,
                   bool mark_cut) {
    const auto begin = std::min(range.begin, source_.size());
    const auto end = std::clamp(range.end, begin, source_.size());
    const auto touched_last = end > begin ? source_.line_of(end - 1) : lines.first;
    for (auto line = lines.first; line <= lines.last; ++line) {
      const auto content = source_.line_range(line);
      const auto text = source_.slice(content);
      // Byte offsets of the underlined part within the line's text.
      const std::uint32_t from =
          line == lines.first ? std::clamp(begin, content.begin, content.end) - content.begin : 0;
      const std::uint32_t to =
          line == touched_last ? std::clamp(end, content.begin + from, content.end) - content.begin
                               : content.size();
      auto frame = frame_line(text, from, to);
      // The first line always gets a mark, even for an empty range.
      if (line == lines.first)
        frame.underline_width = std::max<std::uint32_t>(frame.underline_width, 1);

      out_ << painter_.paint(ansi_blue, gutter(std::to_string(line)) + " |");
      if (!frame.text.empty())
        out_ << ' ' << frame.text;
      out_ << '\n';
      if (frame.underline_width > 0) {
        out_ << painter_.paint(ansi_blue, gutter("") + " |") << ' '
             << std::string(frame.underline_start, ' ')
             << painter_.paint(style, std::string(frame.underline_width, mark)) << '\n';
      }
    }
    if (mark_cut && touched_last > lines.last)
      out_ << painter_.paint(ansi_blue, gutter("...")) << '\n';
  }

  const source::SourceFile& source_;
  const Painter& painter_;
  std::ostream& out_;
  std::size_t gutter_width_ = 1;
};

}  // namespace

void render_text(std::span<const FileReport> reports, const RenderOptions& options,
                 std::ostream& out) {
  const Painter painter(options.color);
  // Blocks are separated by a blank line, and so is the summary.
  bool first = true;
  for (const auto& [report, diagnostic] : ordered_diagnostics(reports)) {
    if (!first)
      out << '\n';
    first = false;
    DiagnosticWriter(*report->source, painter, out).write(*diagnostic);
  }
  if (!first && options.summary)
    out << '\n';
  if (!options.summary)
    return;

  // Which profile each file was checked under, and why: for the files with
  // findings (a finding means little without it), or every file with --verbose.
  std::vector<const FileReport*> profiled;
  for (const auto& report : reports) {
    if (!report.profile.name.empty() && (options.verbose || !report.diagnostics.empty()))
      profiled.push_back(&report);
  }
  std::sort(profiled.begin(), profiled.end(), [](const FileReport* a, const FileReport* b) {
    return a->source->path() < b->source->path();
  });
  for (const auto* report : profiled) {
    const auto& profile = report->profile;
    out << painter.paint(ansi_bold, std::string(report->source->path())) << ": checked as "
        << profile.name;
    if (!profile.reason.empty()) out << " (" << profile.detected_by << ": " << profile.reason << ')';
    out << '\n';
  }
  if (!profiled.empty()) out << '\n';

  const auto counts = count_severities(reports);
  const auto files = count_phrase(reports.size(), "file");
  if (counts.errors + counts.warnings + counts.infos == 0) {
    out << "No problems found in " << files << ".\n";
    return;
  }
  out << "Found " << count_phrase(counts.errors, "error") << ", "
      << count_phrase(counts.warnings, "warning") << ", " << count_phrase(counts.infos, "info")
      << " in " << files << ".\n";
}

}  // namespace baton::format::detail
