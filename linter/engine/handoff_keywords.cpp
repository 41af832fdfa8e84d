#include "engine/handoff_keywords.hpp"

#include <array>

#include "document/text_scan.hpp"

namespace baton::engine::keywords {

namespace {

constexpr std::string_view name_parts[] = {
    "handoff",
    "hand-off",
    "hand_off",
    "handover",
    "context_for_next_session",
    "context-for-next-session",
};

constexpr std::string_view name_prefixes[] = {"next_session", "next-session", "nextsession"};

constexpr std::string_view handoff_heading_entries[] = {
    "handoff",
    "hand-off",
    "hand off",
    "handover",
    "hand-over",
    "where we left off",
    "where i left off",
    "next session",
    "next-session",
    "resume here",
    "continuation prompt",
    "passation",
    "übergabe",
    "交接",
    "인수인계",
    "引き継ぎ",
};

// Resume headings that name a position rather than a list of tasks; the
// resume headings are these and the task headings. Most specific first: the
// first match names the section in messages.
constexpr std::string_view position_heading_entries[] = {
    "next session",    "resume",         "resuming",    "where we left off", "where i left off",
    "where to resume", "where to start", "start here",  "how to start",      "current task",
    "current focus",   "current work",   "in progress", "work in progress", "where we are",
    "where we stand",  "where things stand",
    // Cyrillic is not case-folded: the capitalised form a heading starts with too.
    "с чего начать",   "С чего начать",
    "여기서부터 시작", "결정해야 할",     "현재 위치",
};

constexpr std::string_view task_heading_entries[] = {
    "next steps",
    "next step",
    "next actions",
    "next action",
    "next tasks",
    "next up",
    "next",
    "what's next",
    "what\u2019s next",
    "whats next",
    "what is next",
    "up next",
    "pending",
    "still pending",
    "todo",
    "todos",
    "to do",
    "to-do",
    "open items",
    "open tasks",
    "open issues",
    "issues to fix",
    "what still needs",
    "still needs",
    "what needs",
    "needs doing",
    "still to do",
    "to be done",
    "what to work on",
    "what to build",
    "what's left",
    "what\u2019s left",
    "what is left",
    "left to do",
    "remaining work",
    "remaining",
    "priorities",
    "do these first",
    "do this first",
    "action items",
    "follow-up",
    "follow up",
    "outstanding",
    "immediate",
    "carry forward",
    "próximos passos",
    "prochaines étapes",
    "nächste schritte",
    "下一步",
    "待办",
    "다음 할 일",
    "다음 단계",
    "다음 작업",
    "남은 작업",
    "次のステップ",
    "残タスク",
    "próximos pasos",
    "pendientes",
    "следующие шаги",
    "Следующие шаги",
    "дальнейшие шаги",
    "Дальнейшие шаги",
    "что дальше",
    "Что дальше",
    "осталось сделать",
    "Осталось сделать",
    "prossimi passi",
    "passi successivi",
    "da fare",
    "고쳐야 할",
    "해야 할 일",
    "งานค้าง",
    "ขั้นตอนถัดไป",
    "สิ่งที่ต้องทำ",
    "keyingi qadamlar",
};

constexpr std::string_view reading_heading_entries[] = {
    "key files",         "files to read",    "read first",        "read these",   "reading list",
    "required reading",  "key documents",    "documents to read", "docs to read", "files to edit",
    "files to change",   "relevant files",   "important files",   "key paths",    "file map",
    "where things live", "where things are",
};

constexpr std::string_view front_matter_keys[] = {"description", "argument-hint", "allowed-tools"};

constexpr std::string_view template_tag_entries[] = {"<role>"};

constexpr std::array<Table, 8> all_tables{{
    {"handoff file names", "the base name, lower-cased, contains the entry", name_parts},
    {"handoff file name prefixes", "the base name, lower-cased, starts with the entry",
     name_prefixes},
    {"handoff headings", "a phrase anywhere in a heading of level 1 to 3", handoff_heading_entries},
    {"position headings", "the first words of a heading or of a part of it between ` / `, ` & `, ` + `, ` | `, ` — ` or ` – `, after emoji and punctuation",
     position_heading_entries},
    {"task headings",
     "the first words of a heading or of a bold label, or of a part of it between ` / `, ` & `, ` + `, ` | `, ` — ` or ` – `, after emoji and punctuation and a leading `Specific`, `Suggested`, `Recommended` or `Concrete`",
     task_heading_entries},
    {"reading headings", "the first words of a heading or of a part of it between ` / `, ` & `, ` + `, ` | `, ` — ` or ` – `, after emoji and punctuation",
     reading_heading_entries},
    {"template front-matter keys", "a key of the YAML front matter", front_matter_keys},
    {"template tags", "a line that is the tag alone, outside code", template_tag_entries},
}};

bool is_word_byte(char c) {
  // Bytes of multi-byte UTF-8 characters count as letters: "下一步" is one word.
  return doc::is_alpha(c) || doc::is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Words that qualify a task heading without changing what it is:
// "Specific TODOs the next agent can pick up", "Suggested next steps".
constexpr std::string_view task_qualifiers[] = {"specific", "suggested", "recommended", "concrete"};

std::string_view first_match(std::string_view title, std::span<const std::string_view> entries,
                             bool qualified = false) {
  // "Open Issues / Next Steps" names two things: each part is read.
  while (true) {
    std::size_t cut = std::string_view::npos, width = 0;
    // Dashes between spaces too ("Hand-off — what needs a decision"); a
    // hyphen between spaces is left alone: "Phase 2 - 11 tools" is one title.
    for (auto separator : {" / ", " & ", " + ", " | ", " \u2014 ", " \u2013 "}) {
      const auto at = title.find(separator);
      if (at < cut) {
        cut = at;
        width = std::string_view(separator).size();
      }
    }
    auto words = heading_words(title.substr(0, cut));
    if (qualified) {
      for (auto qualifier : task_qualifiers) {
        if (starts_with_phrase(words, qualifier) && words.size() > qualifier.size() &&
            words[qualifier.size()] == ' ') {
          words.remove_prefix(qualifier.size() + 1);
          break;
        }
      }
    }
    for (auto entry : entries) {
      if (starts_with_phrase(words, entry))
        return entry;
    }
    if (cut == std::string_view::npos)
      return {};
    title.remove_prefix(cut + width);
  }
}

}  // namespace

std::span<const std::string_view> handoff_name_parts() {
  return name_parts;
}
std::span<const std::string_view> handoff_name_prefixes() {
  return name_prefixes;
}
std::span<const std::string_view> handoff_headings() {
  return handoff_heading_entries;
}
std::span<const std::string_view> template_front_matter_keys() {
  return front_matter_keys;
}
std::span<const std::string_view> template_tags() {
  return template_tag_entries;
}
std::span<const Table> tables() {
  return all_tables;
}

bool starts_with_phrase(std::string_view text, std::string_view phrase) {
  if (text.size() < phrase.size() || !doc::istarts_with(text, phrase))
    return false;
  if (text.size() == phrase.size())
    return true;
  const char next = text[phrase.size()];
  // "Next.js" and "next-gen" are other words; a CJK phrase needs no boundary.
  if (static_cast<unsigned char>(phrase.back()) >= 0x80)
    return true;
  return !is_word_byte(next) && next != '.' && next != '-' && next != '_' && next != '\'';
}

std::string_view heading_words(std::string_view title) {
  // Skip emoji, arrows, list numbers and punctuation up to the first letter.
  std::size_t at = 0;
  while (at < title.size()) {
    const auto byte = static_cast<unsigned char>(title[at]);
    if (doc::is_alpha(title[at]))
      break;
    if (byte >= 0x80) {
      // A letter of another script starts the words; a symbol (emoji, dash,
      // check mark: E2 and F0 lead bytes, variation selectors EF B8) does not.
      if (byte != 0xE2 && byte != 0xF0 && byte != 0xEF)
        break;
      std::size_t length = byte >= 0xF0 ? 4 : 3;
      at += length;
      continue;
    }
    ++at;
  }
  return title.substr(std::min(at, title.size()));
}

std::string_view resume_keyword(std::string_view title) {
  const auto task = first_match(title, task_heading_entries, true);
  return task.empty() ? first_match(title, position_heading_entries) : task;
}
std::string_view reading_keyword(std::string_view title) {
  return first_match(title, reading_heading_entries);
}
std::string_view task_keyword(std::string_view title) {
  return first_match(title, task_heading_entries, true);
}

}  // namespace baton::engine::keywords
