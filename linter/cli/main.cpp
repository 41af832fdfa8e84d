#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return baton::cli::main(argc, argv);
}
