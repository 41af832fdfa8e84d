#include "document/cmark_arena.hpp"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace baton::doc::detail {

namespace {

constexpr std::size_t alignment = 16;
// Each allocation is preceded by a header holding its size, for realloc.
constexpr std::size_t header = alignment;
constexpr std::size_t first_block = std::size_t{64} << 10;
constexpr std::size_t largest_block = std::size_t{8} << 20;
// Blocks kept for the next document on this thread; the rest go back to the system.
constexpr std::size_t retained_limit = std::size_t{16} << 20;

[[noreturn]] void out_of_memory() {
  // What cmark's own allocator does: it has no way to report the failure.
  std::fputs("baton: out of memory while parsing markdown\n", stderr);
  std::abort();
}

std::size_t round_up(std::size_t size) { return (size + alignment - 1) & ~(alignment - 1); }

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (auto& block : blocks_) std::free(block.data);
  }

  void* allocate(std::size_t size) {
    const std::size_t need = header + round_up(size == 0 ? 1 : size);
    if (need < size) out_of_memory();  // overflow
    if (blocks_.empty() || used_ + need > blocks_[current_].size) next_block(need);
    char* start = blocks_[current_].data + used_;
    std::memcpy(start, &size, sizeof size);
    used_ += need;
    return start + header;
  }

  void* reallocate(void* old, std::size_t size) {
    if (old == nullptr) return allocate(size);
    char* bytes = static_cast<char*>(old);
    std::size_t old_size = 0;
    std::memcpy(&old_size, bytes - header, sizeof old_size);
    if (size <= old_size) return old;
    // The last allocation of the current block grows in place.
    auto& block = blocks_[current_];
    const bool last = bytes + round_up(old_size) == block.data + used_;
    if (last && bytes + round_up(size) <= block.data + block.size) {
      used_ = static_cast<std::size_t>(bytes + round_up(size) - block.data);
      std::memcpy(bytes - header, &size, sizeof size);
      return old;
    }
    void* moved = allocate(size);
    std::memcpy(moved, old, old_size);
    return moved;
  }

  void reset() {
    std::size_t kept = 0;
    std::size_t retained = 0;
    for (auto& block : blocks_) {
      if (retained + block.size <= retained_limit) {
        retained += block.size;
        blocks_[kept++] = block;
      } else {
        std::free(block.data);
      }
    }
    blocks_.resize(kept);
    current_ = 0;
    used_ = 0;
  }

  int depth = 0;  // open scopes on this thread

 private:
  struct Block {
    char* data = nullptr;
    std::size_t size = 0;
  };

  void next_block(std::size_t need) {
    // A later block already allocated (kept from an earlier document) that fits.
    while (!blocks_.empty() && current_ + 1 < blocks_.size()) {
      ++current_;
      used_ = 0;
      if (need <= blocks_[current_].size) return;
    }
    std::size_t size = blocks_.empty() ? first_block : std::min(blocks_.back().size * 2, largest_block);
    if (size < need) size = need;
    char* data = static_cast<char*>(std::malloc(size));
    if (data == nullptr) out_of_memory();
    blocks_.push_back({data, size});
    current_ = blocks_.size() - 1;
    used_ = 0;
  }

  std::vector<Block> blocks_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

thread_local Arena arena;

void* arena_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > static_cast<std::size_t>(-1) / size) out_of_memory();
  void* memory = arena.allocate(count * size);
  std::memset(memory, 0, count * size);
  return memory;
}

void* arena_realloc(void* memory, std::size_t size) { return arena.reallocate(memory, size); }

void arena_free(void*) {}

cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

}  // namespace

ArenaScope::ArenaScope() { ++arena.depth; }

ArenaScope::~ArenaScope() {
  if (--arena.depth == 0) arena.reset();
}

cmark_mem* arena_allocator() { return arena_enabled ? &allocator : cmark_get_default_mem_allocator(); }

}  // namespace baton::doc::detail
