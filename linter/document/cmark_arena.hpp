#pragma once

#include <cmark-gfm.h>

namespace baton::doc::detail {

// A cmark allocator that bumps a pointer through large blocks and never
// frees: a parse allocates tens of thousands of small nodes and buffers, and
// malloc/free of each cost as much as the parsing itself. The cmark-gfm
// command line does the same with its (process-global) arena; this one is
// per thread, so documents can be parsed on several threads at once.
//
// Everything allocated through arena_allocator() stays valid until the
// ArenaScope that was open on this thread ends; the tree built inside the
// scope must not be used after it, nor freed with cmark_node_free.
class ArenaScope {
 public:
  ArenaScope();
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;
};

// Under AddressSanitizer cmark allocates with malloc as usual, so that the
// sanitizer sees every block; the tree must then be freed as usual too.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool arena_enabled = false;
#else
inline constexpr bool arena_enabled = true;
#endif

// The allocator for cmark_parser_new_with_mem; only valid inside an ArenaScope.
// (cmark's default allocator when arena_enabled is false.)
cmark_mem* arena_allocator();

}  // namespace baton::doc::detail
