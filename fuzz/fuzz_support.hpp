#pragma once

// Shared by the fuzz targets and by the replay of their regression inputs
// (tests/fuzz_regression_test.cpp): each target is a function
// baton::fuzz::NAME(data, size); LLVMFuzzerTestOneInput calls it unless
// BATON_FUZZ_REPLAY is defined.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace baton::fuzz {

int document(const std::uint8_t* data, std::size_t size);
int call_grammar(const std::uint8_t* data, std::size_t size);
int session_reader(const std::uint8_t* data, std::size_t size);
int lsp(const std::uint8_t* data, std::size_t size);
int config(const std::uint8_t* data, std::size_t size);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An ostream that drops everything: output is exercised, not kept.
class NullStream : public std::ostream {
 public:
  NullStream() : std::ostream(&buffer_) {}

 private:
  struct Discard : std::streambuf {
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  };
  Discard buffer_;
};

// The input as a file the session reader can open by path: an anonymous
// in-memory file (memfd), closed when the object goes away. No disk writes.
class MemoryFile {
 public:
  MemoryFile(const std::uint8_t* data, std::size_t size) {
    fd_ = ::memfd_create("baton-fuzz", MFD_CLOEXEC);
    if (fd_ < 0) return;
    std::size_t written = 0;
    while (written < size) {
      const auto count = ::write(fd_, data + written, size - written);
      if (count <= 0) break;
      written += static_cast<std::size_t>(count);
    }
  }
  ~MemoryFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  std::filesystem::path path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

}  // namespace baton::fuzz

#ifdef BATON_FUZZ_REPLAY
#define BATON_FUZZ_ENTRY(name)
#else
#define BATON_FUZZ_ENTRY(name)                                                          \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return baton::fuzz::name(data, size);                                               \
  }
#endif
