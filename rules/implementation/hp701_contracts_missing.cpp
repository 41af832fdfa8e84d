#include <fmt/format.h>

#include "rules/implementation/support.hpp"
#include "rules/rules.hpp"
#include "rules/support.hpp"

namespace baton::rules {

namespace {

using implementation::is_path_token;
using implementation::is_signature_line;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const auto end = std::min(text.find('\n', begin), text.size());
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

bool any_path(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && doc::is_space(text[i])) ++i;
    const auto begin = i;
    while (i < text.size() && !doc::is_space(text[i])) ++i;
    auto word = text.substr(begin, i - begin);
    // Quotes, brackets and sentence punctuation around the path.
    while (!word.empty() &&
           std::string_view("([{\"'`*_=").find(word.front()) != std::string_view::npos)
      word.remove_prefix(1);
    while (!word.empty() &&
           std::string_view(")]}\"'`.,;:*_").find(word.back()) != std::string_view::npos)
      word.remove_suffix(1);
    if (const auto eq = word.find('='); eq != std::string_view::npos)
      word = word.substr(eq + 1);  // title="src/a.ts"
    while (!word.empty() && (word.front() == '"' || word.front() == '\'')) word.remove_prefix(1);
    if (is_path_token(word)) return true;
  }
  return false;
}

// The first signature line of a fence, or empty.
std::string_view signature_in(const doc::Document& document, const doc::Fence& fence) {
  if (!fence.info.empty() && implementation::is_shell_fence(fence)) return {};
  for (auto line : lines_of(document.text(fence.content))) {
    if (is_signature_line(line)) return doc::trim(line);
  }
  return {};
}

// A contract names its file: on the opening fence line (`ts title="src/a.ts"`),
// in a comment inside (`// src/a.ts`, or a first line that is only the path),
// or in the paragraph or heading right above the fence.
bool names_its_file(const doc::Document& document, const doc::Fence& fence) {
  const auto& source = document.source();
  if (any_path(source.line_text(source.line_of(fence.range.begin)))) return true;
  const auto lines = lines_of(document.text(fence.content));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto t = doc::trim(lines[i]);
    const bool comment = t.starts_with("//") || t.starts_with("#") || t.starts_with("--") ||
                         t.starts_with("/*") || t.starts_with("*") || t.starts_with("<!--") ||
                         t.starts_with(";");
    if (comment && any_path(t)) return true;
    if (i == 0 && t.find(' ') == std::string_view::npos && any_path(t)) return true;
  }
  // The nearest paragraph or heading before the fence, unless another fence
  // comes between them (then it introduced that one).
  const doc::Block* above = nullptr;
  for (const auto& block : document.blocks()) {
    if (block.range.begin >= fence.range.begin) break;
    if (block.range.end > fence.range.begin) continue;  // a list or quote around the fence
    if (block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading) {
      above = &block;
    } else if (block.kind == doc::BlockKind::fence) {
      above = nullptr;
    }
  }
  return above && any_path(implementation::visible_text(document, above->range));
}

// A section that declares a surface other than types: a command-line tool's
// commands and flags, an HTTP API's endpoints ("## Public commands",
// "## API", "### 六、公共命令"), given in a fence.
bool is_surface_title(std::string_view title) {
  for (auto word : {"interface", "interfaces", "contract", "contracts", "api", "cli",
                    "endpoints", "public commands", "commands and flags"}) {
    if (implementation::contains_word(title, word)) return true;
  }
  for (auto word : {"公共命令", "命令行", "接口"}) {
    if (title.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool declares_surface(const doc::Document& document) {
  const auto headings = document.headings();
  for (std::size_t i = 0; i < headings.size(); ++i) {
    if (!is_surface_title(implementation::visible_text(document, headings[i].text))) continue;
    const auto body = implementation::heading_body(document, i);
    for (const auto* fence : doc::Document::within(document.fences(), body)) {
      if (!doc::trim(document.text(fence->content)).empty()) return true;
    }
  }
  return false;
}

// A location written in inline code: a file (`src/lots.ts`) or a module
// directory (`packages/registry`, `src/lots/`).
bool is_code_location(std::string_view code) {
  code = doc::trim(code);
  if (is_path_token(code)) return true;
  return code.find('/') != std::string_view::npos && code.find("//") == std::string_view::npos &&
         support::looks_like_path(code) &&
         std::any_of(code.begin(), code.end(), [](char c) { return doc::is_alpha(c); });
}

bool names_a_location(const doc::Document& document, source::TextRange range) {
  for (const auto* code : doc::Document::within(document.inline_code(), range)) {
    if (is_code_location(document.text(code->content))) return true;
  }
  return any_path(implementation::visible_text(document, range));
}

// A signature in inline code is a contract when the text around it says where
// it lives: the list items that hold it ("Create `packages/registry`
// exporting:" over "- `listProtocols(): Protocol[]`"), else its paragraph, or
// the paragraph or heading just above that list or paragraph.
bool inline_contract_has_location(const doc::Document& document, const doc::InlineCode& code) {
  const doc::Block* outermost = nullptr;
  for (const auto& block : document.blocks()) {
    if (block.range.begin > code.range.begin) break;
    if (block.range.end < code.range.end) continue;
    if (block.kind != doc::BlockKind::item && block.kind != doc::BlockKind::paragraph &&
        block.kind != doc::BlockKind::list) {
      continue;
    }
    if (!outermost) outermost = &block;
    if (block.kind == doc::BlockKind::list) continue;
    // An item's own first line, not its other sub-items: a sibling's path
    // says nothing about this signature.
    const auto& source = document.source();
    const auto own = block.kind == doc::BlockKind::item
                         ? source.line_range(source.line_of(block.range.begin))
                         : block.range;
    if (names_a_location(document, own)) return true;
  }
  if (!outermost) return false;
  const doc::Block* above = nullptr;
  for (const auto& block : document.blocks()) {
    if (block.range.begin >= outermost->range.begin) break;
    if (block.range.end > outermost->range.begin) continue;
    if (block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading) above = &block;
  }
  return above && names_a_location(document, above->range);
}

void check(engine::RuleContext& context) {
  const auto& document = context.document();
  if (implementation::named_but_not_shaped(context)) return;  // implementation-parts-missing
  if (implementation::is_small_task(context)) return;  // see docs/implementation-prompts.md
  bool any_contract = false;
  // One omission, one finding: the first contract without its file, with the
  // others as related locations.
  const auto& source = document.source();
  std::vector<std::pair<const doc::Fence*, std::string_view>> unnamed;
  for (const auto& fence : document.fences()) {
    const auto signature = signature_in(document, fence);
    if (signature.empty()) continue;
    any_contract = true;
    if (!names_its_file(document, fence)) unnamed.emplace_back(&fence, signature);
  }
  // Where each contract goes is the format's demand; a sketch in a prompt
  // that never adopted it (only its name) is left alone.
  if (!unnamed.empty() && implementation::asks_for_every_part(context)) {
    const auto& [first, signature] = unnamed.front();
    const auto others = unnamed.size() - 1;
    auto& finding = context.report(
        source.line_range(source.line_of(first->range.begin)),
        fmt::format("the contract `{}`{} does not say which file it belongs in; name the "
                    "path in a comment on its first line (`// src/lots.ts`) or in the "
                    "sentence above the fence",
                    support::excerpt(signature, 60),
                    others == 0 ? std::string() : fmt::format(" (and {} more contract{})", others, others == 1 ? "" : "s")));
    for (std::size_t i = 1; i < unnamed.size(); ++i) {
      finding.related.push_back({source.line_range(source.line_of(unnamed[i].first->range.begin)),
                                 fmt::format("`{}` names no file either", support::excerpt(unnamed[i].second, 60))});
    }
  }
  if (any_contract || declares_surface(document) || !implementation::asks_for_every_part(context))
    return;
  // Signatures in inline code next to the module they belong in are the
  // contract written as a list; without a location they are a near miss.
  const doc::InlineCode* unplaced = nullptr;
  for (const auto& code : document.inline_code()) {
    if (!is_signature_line(doc::trim(document.text(code.content)))) continue;
    if (inline_contract_has_location(document, code)) return;
    if (!unplaced) unplaced = &code;
  }
  if (unplaced) {
    const auto& code = *unplaced;
    const auto content = doc::trim(document.text(code.content));
    context.report(code.range,
                   fmt::format("no contracts: `{}` is a signature in running text with no file "
                               "named near it; say which file or module it belongs in (\"Create "
                               "`src/lots.ts` exporting:\" above the list), or put the contracts in "
                               "a fenced block with the path of its file",
                               support::excerpt(content, 60)));
    return;
  }
  if (const auto line = implementation::first_prose_signature(document)) {
    context.report(*line,
                   fmt::format("no contracts in code fences: `{}` is written as plain text; put the "
                               "types and signatures the work must honour in a fenced block, each "
                               "with the path of its file",
                               support::excerpt(doc::trim(document.text(*line)), 60)));
    return;
  }
  context.report(
      implementation::document_anchor(document),
      "no contracts: no fenced block declares a type or a function signature; put the "
      "interfaces the work must honour in fenced blocks, each with the path of its file");
}

}  // namespace

extern const engine::RuleMeta contracts_missing{
    .code = "HP701",
    .name = "contracts-missing",
    .family = "Implementation prompt",
    .profile = "implementation-prompt",
    .summary = "No fenced contract (type or function signatures with their file path)",
    .what_it_checks = R"md(
An implementation prompt must state its contracts in fenced code blocks: the types and function
signatures the work creates or must honour, each with the file it lives in.

A fenced block is a *contract* when one of its lines declares a type or a signature: a line
starting (after modifiers such as `export`, `pub`, `public`, `async`) with `interface`, `type`,
`class`, `struct`, `enum`, `trait`, `protocol`, `record`, `union`, `message`, `service`,
`typedef` or `impl` and a name; `def`, `fn`, `func`, `function` or `fun` with a parenthesis;
`name(args): T`, `name(args) -> T` or `name(args) => T`; a C-style declaration
`R name(args);`; or `CREATE TABLE`. Fences tagged as shell sessions (`sh`, `bash`, `console`, …)
are not contracts.

A contract *names its file* when a path-like token (`src/lots.ts`, `/abs/dir/x.h`, `./a.py`)
appears on the opening fence line (`ts title="src/lots.ts"`), on a comment line inside the fence
(`// packages/contracts/src/lots.ts`) or alone on its first line, or in the paragraph or heading
right above the fence (the nearest one before it, with no other fenced block in between).

Contracts written as a list count too: a signature in inline code (`` `listProtocols():
Protocol[]` ``, `` `type Protocol` ``, judged as a fence line is) is a contract when a location
is named next to it — a path (`src/lots.ts`) or a module directory in inline code
(`` `packages/registry` ``) on the first line of a list item that holds it, in its paragraph, or
in the paragraph or heading right above its list ("Create `packages/registry` exporting:" over
the signatures).

Test cases are not contracts: Go test functions (`func TestLookup(t *testing.T)`, any
`*testing.` parameter) and Python `def test_…` lines. A tool whose interface is not a set of
types declares it under an interface heading instead — `Interface`, `Contract`, `API`, `CLI`,
`Endpoints`, `Public commands`, `公共命令`, `接口` — in a fence (its commands and flags, its
routes): that counts as the contract, and needs no file path.

A *small task* — at most 80 lines, with a test command written as code and a Definition of
Done that says something (one sentence is enough) — is not asked for this: a bug fix that says
what to change, how to verify it and when it is done needs no contracts either.

Reported:

- once, when no fenced block is a contract and no signature in inline code names its
  location — on the first inline code span that looks like a signature (it needs its file or a
  fence), else on the first paragraph line that is a signature written as plain text (`class DataProvider(Protocol):`, `def plot(rows: list[Row]) -> Figure`;
  stricter than in a fence: no full stop at the end, and a parameter list glued to its name or a
  capitalised type name, so "class of problems" stays prose), else on the title (the first
  level-1 heading) or line 1;
- once for the contracts that do not name their file: on the opening line of the first, with the
  others as related locations (one omission, one finding).
)md",
    .why_it_matters = R"md(
The prompt is executed cold by a session that saw none of the planning. Contracts written down
first, with the file they belong in, are what keeps that session from inventing its own shapes
and placing them wherever it likes; "the prompt contains everything: file paths, TypeScript
signatures, phases, …" is the point of forced context distillation.
)md",
    .bad_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

The handler takes a lot code and returns the lot's product, status and quantity.
)md",
    .good_example = R"md(<!-- baton-profile implementation-prompt -->
# Lot lookup endpoint

```ts
// packages/contracts/src/lots.ts
export interface LotLookupRequest {
  lotCode: string;
}
```
)md",
    .default_severity = engine::Severity::error,
    .fix = engine::FixSafety::none,
    .check = &check,
};

}  // namespace baton::rules
