#include "lsp/symbols.hpp"

#include <algorithm>
#include <vector>

namespace baton::lsp {

namespace {

// LSP SymbolKind values.
constexpr int symbol_module = 2;
constexpr int symbol_namespace = 3;
constexpr int symbol_event = 24;

int symbol_kind(doc::SectionKind kind) {
  switch (kind) {
    case doc::SectionKind::part:
      return symbol_module;
    case doc::SectionKind::sub:
      return symbol_namespace;
    case doc::SectionKind::step:
      return symbol_event;
  }
  return symbol_namespace;
}

struct Node {
  const doc::Section* section = nullptr;
  source::TextRange range;
  std::vector<std::size_t> children;
  std::optional<std::size_t> parent;
};

}  // namespace

json document_symbols(const Analysis& analysis, PositionEncoding encoding, std::string_view uri,
                      bool hierarchical) {
  const auto& document = analysis.document;
  const PositionMapper mapper(document.source(), encoding);

  std::vector<Node> nodes;
  std::vector<std::size_t> roots;
  std::vector<std::size_t> stack;  // open sections, outermost first
  for (const auto& section : document.sections()) {
    const auto& heading = document.heading_of(section);
    const source::TextRange range{heading.range.begin,
                                  std::max(heading.range.end, section.body.end)};
    while (!stack.empty() && !nodes[stack.back()].range.contains(range))
      stack.pop_back();
    const auto index = nodes.size();
    nodes.push_back({&section, range, {}, std::nullopt});
    if (stack.empty()) {
      roots.push_back(index);
    } else {
      nodes[index].parent = stack.back();
      nodes[stack.back()].children.push_back(index);
    }
    stack.push_back(index);
  }

  auto name_of = [&](const Node& node) {
    const auto& heading = document.heading_of(*node.section);
    auto name = std::string(document.text(heading.text));
    return name.empty() ? node.section->number : name;
  };

  if (!hierarchical) {
    auto list = json::array();
    for (const auto& node : nodes) {
      json symbol = {{"name", name_of(node)},
                     {"kind", symbol_kind(node.section->kind)},
                     {"location", {{"uri", uri}, {"range", mapper.range(node.range)}}}};
      if (node.parent)
        symbol["containerName"] = name_of(nodes[*node.parent]);
      list.push_back(std::move(symbol));
    }
    return list;
  }

  auto build = [&](auto& self, std::size_t index) -> json {
    const auto& node = nodes[index];
    const auto& heading = document.heading_of(*node.section);
    json symbol = {{"name", name_of(node)},
                   {"kind", symbol_kind(node.section->kind)},
                   {"range", mapper.range(node.range)},
                   {"selectionRange", mapper.range(heading.range)}};
    auto children = json::array();
    for (auto child : node.children)
      children.push_back(self(self, child));
    if (!children.empty())
      symbol["children"] = std::move(children);
    return symbol;
  };
  auto list = json::array();
  for (auto root : roots)
    list.push_back(build(build, root));
  return list;
}

}  // namespace baton::lsp
