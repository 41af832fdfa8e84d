#pragma once

#include <cmark-gfm.h>

#include <memory>

namespace baton::doc::detail {

struct parser_deleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct node_deleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct iter_deleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

using parser_ptr = std::unique_ptr<cmark_parser, parser_deleter>;
using node_ptr = std::unique_ptr<cmark_node, node_deleter>;
using iter_ptr = std::unique_ptr<cmark_iter, iter_deleter>;

}  // namespace baton::doc::detail
