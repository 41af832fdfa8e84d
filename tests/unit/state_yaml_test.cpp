// The 1.20 state as libyaml reads it: the tree, null and tag rules, and the
// byte positions every state finding is reported at.
#include "rules/state/state_yaml.hpp"

#include <gtest/gtest.h>

#include <string>

#include "document/document.hpp"

namespace baton {
namespace {

using rules::state::NodeKind;
using rules::state::Status;

// A document whose 1.20 holds `yaml` in a ```yaml fence.
std::string with_state(const std::string& yaml) {
  return "## SECTION 1: SESSION CONTEXT\n\n### 1.20 Machine-Readable State\n\n```yaml\n" + yaml +
         "```\n";
}

struct Loaded {
  doc::Document document;
  std::optional<rules::state::StateYaml> state;
};

Loaded load(const std::string& text) {
  Loaded loaded{doc::build_document(source::SourceFile("t.md", text)), std::nullopt};
  loaded.state = rules::state::load(loaded.document);
  return loaded;
}

// The text of a range of the loaded document.
std::string text(const Loaded& loaded, source::TextRange range) {
  return std::string(loaded.document.text(range));
}

TEST(StateYaml, BuildsMappingsListsAndScalarsInOrder) {
  const auto loaded = load(with_state("mode: manual\nskill_stack:\n  - name: develop\n  - b\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto* root = loaded.state->root;
  ASSERT_TRUE(root->is_map());
  ASSERT_EQ(root->entries.size(), 2u);
  EXPECT_EQ(root->entries[0].key->text, "mode");
  EXPECT_EQ(root->entries[0].value->text, "manual");
  const auto stack = rules::state::find_key(root, "skill_stack");
  ASSERT_TRUE(stack);
  ASSERT_TRUE(stack->value->is_list());
  ASSERT_EQ(stack->value->items.size(), 2u);
  EXPECT_TRUE(stack->value->items[0]->is_map());
  EXPECT_EQ(rules::state::scalar_text(stack->value->items[1]), "b");
  EXPECT_FALSE(rules::state::find_key(root, "todos"));
  EXPECT_FALSE(rules::state::find_key(stack->value, "name"));  // a list has no keys
}

TEST(StateYaml, NullIsAPlainNullWordOrNothing) {
  const auto loaded =
      load(with_state("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\ng: !!str null\nh: []\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto* root = loaded.state->root;
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_EQ(rules::state::find_key(root, key)->value->kind, NodeKind::null) << key;
  }
  for (const char* key : {"e", "f", "g"}) {
    EXPECT_EQ(rules::state::find_key(root, key)->value->kind, NodeKind::scalar) << key;
  }
  EXPECT_TRUE(rules::state::is_empty_collection(rules::state::find_key(root, "a")->value));
  EXPECT_TRUE(rules::state::is_empty_collection(rules::state::find_key(root, "h")->value));
  EXPECT_FALSE(rules::state::is_empty_collection(rules::state::find_key(root, "e")->value));
  EXPECT_TRUE(rules::state::is_empty_collection(nullptr));
}

TEST(StateYaml, TagsSayWhetherAScalarWasQuoted) {
  const auto loaded = load(with_state("a: 3.0\nb: \"3.0\"\nc: '3.0'\nd: !!str 3.0\ne: |\n  x\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto tag = [&](const char* key) {
    return rules::state::find_key(loaded.state->root, key)->value->tag;
  };
  EXPECT_EQ(tag("a"), "?");
  EXPECT_EQ(tag("b"), "!");
  EXPECT_EQ(tag("c"), "!");
  EXPECT_EQ(tag("d"), "tag:yaml.org,2002:str");
  EXPECT_EQ(tag("e"), "!");
}

TEST(StateYaml, NodeRangesAreBytesEvenAfterMultibyteCharacters) {
  // "é" and "→" are 2 and 3 bytes; libyaml counts them as one character each.
  const auto loaded = load(with_state("why: \"café → bar\"\npath: /tmp/é/x\nmode: auto\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto* root = loaded.state->root;
  const auto range = [&](const char* key) {
    return text(loaded,
                rules::state::node_range(*loaded.state, rules::state::find_key(root, key)->value));
  };
  EXPECT_EQ(range("why"), "\"café → bar\"");
  EXPECT_EQ(range("path"), "/tmp/é/x");
  EXPECT_EQ(range("mode"), "auto");
  EXPECT_EQ(text(loaded, rules::state::node_range(*loaded.state,
                                                  rules::state::find_key(root, "mode")->key)),
            "mode");
}

TEST(StateYaml, EmptyValuesPointAtTheirKeyOrItem) {
  const auto loaded = load(with_state("mode:\nlist:\n  -\n  - x\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto* root = loaded.state->root;
  const auto* mode = rules::state::find_key(root, "mode")->value;
  EXPECT_EQ(text(loaded, rules::state::node_range(*loaded.state, mode)), ":");
  const auto* first = rules::state::find_key(root, "list")->value->items[0];
  EXPECT_TRUE(first->is_null());
  EXPECT_EQ(text(loaded, rules::state::node_range(*loaded.state, first)), "-");
}

TEST(StateYaml, CrlfAndByteOrderMarkKeepPositions) {
  const auto crlf = load(
      "## SECTION 1: SESSION CONTEXT\r\n\r\n### 1.20 Machine-Readable State\r\n\r\n"
      "```yaml\r\nmode: manual\r\npath: /x\r\n```\r\n");
  ASSERT_TRUE(crlf.state && crlf.state->parsed());
  const auto* path = rules::state::find_key(crlf.state->root, "path")->value;
  EXPECT_EQ(text(crlf, rules::state::node_range(*crlf.state, path)), "/x");
  // A byte order mark at the start of the block is not part of the YAML.
  const auto bom = load(with_state("\xEF\xBB\xBFmode: manual\npath: /y\n"));
  ASSERT_TRUE(bom.state && bom.state->parsed());
  const auto mode = rules::state::find_key(bom.state->root, "mode");
  ASSERT_TRUE(mode);
  EXPECT_EQ(text(bom, rules::state::node_range(*bom.state, mode->key)), "mode");
  EXPECT_EQ(text(bom, rules::state::node_range(*bom.state, mode->value)), "manual");
}

TEST(StateYaml, AliasesShareTheAnchoredNode) {
  const auto loaded = load(with_state("a: &x {k: v}\nb: *x\nc: &self [*self]\n"));
  ASSERT_TRUE(loaded.state && loaded.state->parsed());
  const auto* root = loaded.state->root;
  EXPECT_EQ(rules::state::find_key(root, "a")->value, rules::state::find_key(root, "b")->value);
  const auto* self = rules::state::find_key(root, "c")->value;
  ASSERT_EQ(self->items.size(), 1u);
  EXPECT_EQ(self->items[0], self);  // a list inside itself: walkers must guard
}

TEST(StateYaml, ParseErrorsPointAtTheCharacter) {
  const auto loaded = load(with_state("mode: manual\nx: [a, b\ny: 1\n"));
  ASSERT_TRUE(loaded.state);
  ASSERT_EQ(loaded.state->status, Status::parse_error);
  EXPECT_EQ(loaded.state->error->message,
            "did not find expected ',' or ']' (while parsing a flow sequence)");
  EXPECT_EQ(text(loaded, loaded.state->error->range), "[");  // where the list opens
}

TEST(StateYaml, BadUtf8IsAReaderErrorAtItsByte) {
  const auto loaded =
      load(with_state("mode: ab\xff"
                      "cd\n"));
  ASSERT_TRUE(loaded.state);
  ASSERT_EQ(loaded.state->status, Status::parse_error);
  EXPECT_NE(loaded.state->error->message.find("UTF-8"), std::string::npos)
      << loaded.state->error->message;
  EXPECT_EQ(text(loaded, loaded.state->error->range), "\xff");
}

TEST(StateYaml, DeepNestingIsAnErrorNotACrash) {
  const auto loaded = load(with_state("a: " + std::string(100000, '[') + "\n"));
  ASSERT_TRUE(loaded.state);
  ASSERT_EQ(loaded.state->status, Status::parse_error);
  EXPECT_EQ(loaded.state->error->message, "it nests lists or mappings too deeply");
}

TEST(StateYaml, SecondDocumentAndEmptyBlocks) {
  const auto two = load(with_state("a: 1\n---\nb: 2\n"));
  ASSERT_TRUE(two.state && two.state->parsed());
  ASSERT_TRUE(two.state->extra_document);
  EXPECT_EQ(text(two, *two.state->extra_document), "b: 2");
  const auto comments = load(with_state("# nothing\n\n"));
  ASSERT_TRUE(comments.state);
  EXPECT_EQ(comments.state->status, Status::empty);
  const auto null_document = load(with_state("~\n"));
  EXPECT_EQ(null_document.state->status, Status::empty);
}

TEST(StateYaml, ErrorAtTheEndOfInputIsOnTheLastLine) {
  const auto loaded = load(with_state("a: \"open\n"));
  ASSERT_TRUE(loaded.state);
  ASSERT_EQ(loaded.state->status, Status::parse_error);
  EXPECT_EQ(text(loaded, loaded.state->error->range), "\"");  // the quote left open
  const auto& source = loaded.document.source();
  EXPECT_EQ(source.position_of(loaded.state->error->range.begin).line, 6u);
}

}  // namespace
}  // namespace baton
