#include "engine/profile_spec.hpp"

#include "document/document.hpp"

namespace baton::engine {

namespace {

constexpr auto pattern_flags = std::regex::ECMAScript | std::regex::icase;
// Longer heading titles match no pattern (see HeadingPattern::matches).
constexpr std::size_t max_title_size = 1024;

bool is_regex_special(char c) {
  return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

// Builds the spec of spellbook's develop-workflow handoff: the facts of its
// schema (title, eight level-2 sections in this order, artifacts as absolute paths).
ProfileSpecPtr make_spellbook_develop_spec() {
  auto spec = std::make_shared<ProfileSpec>();
  spec->name = "spellbook-develop";
  spec->description = "The light handoff of spellbook's develop workflow";
  spec->title = std::get<HeadingPattern>(compile_heading_pattern(R"(^Handoff:\s*\S)"));
  spec->ordered = true;
  auto section = [&](std::string_view name, std::vector<std::string> markers = {}) -> SectionSpec& {
    SectionSpec entry;
    entry.name = std::string(name);
    entry.heading = literal_heading_pattern(name);
    entry.level = 2;
    entry.empty_markers = std::move(markers);
    return spec->sections.emplace_back(std::move(entry));
  };
  section("Resume At");
  section("Completed", {"None"});
  section("Pending", {"None"});
  section("Blockers", {"None"});
  section("Artifacts").absolute_paths = true;
  section("Git State");
  section("Test Status", {"No tests"});
  section("Next Dispatch", {"None"});
  return spec;
}

// A heading's title without inline HTML comments (a trailing
// `<!-- baton-... -->` on a heading line is not part of its title).
std::string title_text(const doc::Document& document, const doc::Heading& heading) {
  std::string_view text = document.text(heading.text);
  std::string title;
  for (auto open = text.find("<!--"); open != std::string_view::npos; open = text.find("<!--")) {
    const auto close = text.find("-->", open + 4);
    if (close == std::string_view::npos)
      break;
    title += text.substr(0, open);
    text.remove_prefix(close + 3);
  }
  title += text;
  const auto begin = title.find_first_not_of(" \t");
  const auto end = title.find_last_not_of(" \t");
  return begin == std::string::npos ? std::string() : title.substr(begin, end - begin + 1);
}

}  // namespace

bool HeadingPattern::matches(std::string_view text) const {
  // libstdc++'s regex recurses per character matched: a hostile heading of
  // megabytes against `.*` would exhaust the stack. No title is that long.
  if (text.size() > max_title_size) return false;
  return std::regex_search(text.begin(), text.end(), regex);
}

std::variant<HeadingPattern, std::string> compile_heading_pattern(std::string_view source) {
  if (source.empty())
    return std::string("the pattern is empty");
  try {
    return HeadingPattern{std::string(source),
                          std::regex(source.begin(), source.end(), pattern_flags)};
  } catch (const std::regex_error& error) {
    return std::string("not a valid regular expression: ") + error.what();
  }
}

HeadingPattern literal_heading_pattern(std::string_view title) {
  std::string source = R"(^\s*)";
  for (char c : title) {
    if (is_regex_special(c))
      source += '\\';
    source += c;
  }
  source += R"(\s*$)";
  return HeadingPattern{source, std::regex(source, pattern_flags)};
}

const ProfileSpecPtr& spellbook_develop_spec() {
  static const ProfileSpecPtr spec = make_spellbook_develop_spec();
  return spec;
}

ProfileSpecPtr find_definition(std::span<const ProfileSpecPtr> definitions, std::string_view name) {
  for (const auto& spec : definitions) {
    if (spec && spec->name == name)
      return spec;
  }
  return nullptr;
}

std::vector<MatchedSection> match_sections(const doc::Document& document, const ProfileSpec& spec) {
  const auto headings = document.headings();
  std::vector<MatchedSection> matched;
  std::size_t first = 0;
  if (spec.title && !headings.empty() && spec.title->matches(title_text(document, headings[0])))
    first = 1;
  for (std::size_t h = first; h < headings.size(); ++h) {
    const auto& heading = headings[h];
    const auto title = title_text(document, heading);
    for (std::size_t s = 0; s < spec.sections.size(); ++s) {
      const auto& section = spec.sections[s];
      if (section.level && *section.level != heading.level)
        continue;
      if (!section.heading.matches(title))
        continue;
      // The body runs to the next heading of the same or a higher level.
      auto end = static_cast<std::uint32_t>(document.source().text().size());
      for (std::size_t next = h + 1; next < headings.size(); ++next) {
        if (headings[next].level <= heading.level) {
          end = headings[next].range.begin;
          break;
        }
      }
      const auto begin = std::min(heading.range.end, end);
      matched.push_back({s, h, {begin, end}});
      break;
    }
  }
  return matched;
}

bool spec_detects(const doc::Document& document, const ProfileSpec& spec) {
  const auto headings = document.headings();
  if (!spec.title || headings.empty() || !spec.title->matches(title_text(document, headings[0]))) {
    return false;
  }
  return !match_sections(document, spec).empty();
}

}  // namespace baton::engine
