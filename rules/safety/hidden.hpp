#pragma once

#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/rule_context.hpp"

// Text a reader of the rendered markdown does not see but the agent reads:
// HTML comments, link titles (a tooltip at most) and link reference
// definitions (`[label]: url "title"`, including the `[//]: # (...)` comment
// idiom). Shared by hidden-instruction (HP603) and prompt-injection (HP604).
namespace baton::rules::safety {

enum class HiddenKind { html_comment, link_title, link_definition };

struct HiddenText {
  HiddenKind kind = HiddenKind::html_comment;
  source::TextRange content;  // what is hidden: a comment's inside, a title, a whole definition
  // baton's own comments: directives, the profile marker, and the
  // expectations of baton's fixtures (<!-- expect: ... -->, <!-- fixture-... -->).
  bool baton_comment = false;
};

struct HiddenTexts {
  std::vector<HiddenText> items;  // by content.begin
};

// The hidden text of the document, found once per lint (LintCache).
const HiddenTexts& hidden_texts(const engine::RuleContext& context);

// Every hidden text, outside code; for tests and the fuzz target.
HiddenTexts find_hidden_texts(const doc::Document& document);

// "an HTML comment", "a link title", "a link reference definition".
std::string_view hidden_kind_name(HiddenKind kind);

// The hidden text that holds `offset`, or nullptr.
const HiddenText* hidden_at(const HiddenTexts& hidden, std::uint32_t offset);

}  // namespace baton::rules::safety
