// baton-bench-cmark-parse FILE...: the reference that costs exactly what
// baton's own markdown parsing costs. Reads each file and parses it with
// libcmark-gfm as baton does (source positions, table and tasklist
// extensions), one document per file, and renders nothing. The cmark-gfm
// command line, by contrast, concatenates its files into one document and
// renders HTML.

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_syntax_extension* table = cmark_find_syntax_extension("table");
  cmark_syntax_extension* tasklist = cmark_find_syntax_extension("tasklist");
  std::string text;
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    const int fd = ::open(argv[i], O_RDONLY | O_CLOEXEC);
    struct stat status {};
    if (fd < 0 || ::fstat(fd, &status) != 0) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      ++failures;
      if (fd >= 0) ::close(fd);
      continue;
    }
    text.resize(static_cast<std::size_t>(status.st_size));
    std::size_t size = 0;
    while (size < text.size()) {
      const auto count = ::read(fd, text.data() + size, text.size() - size);
      if (count <= 0) break;
      size += static_cast<std::size_t>(count);
    }
    ::close(fd);
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
    if (table) cmark_parser_attach_syntax_extension(parser, table);
    if (tasklist) cmark_parser_attach_syntax_extension(parser, tasklist);
    cmark_parser_feed(parser, text.data(), size);
    cmark_node* root = cmark_parser_finish(parser);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  return failures == 0 ? 0 : 1;
}
