# Thin wrapper over CMake presets. `make run` and `make test` work on a fresh
# Debian 12 machine: they install missing packages first (scripts/setup-deps).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run build test bench package deps configure clean

deps:
	@./scripts/setup-deps

configure: deps
	@cmake --preset release >/dev/null

build: configure
	@cmake --build --preset release -j $(JOBS)

run: build
	@./scripts/run-examples

test: build
	@ctest --preset release -j $(JOBS)

# baton against its references (cmark-gfm, markdownlint-cli2) and the targets of
# DESIGN.md §10, in build-bench/; see docs/performance.md. Not part of `make test`.
bench:
	@JOBS=$(JOBS) ./bench/run-bench

# A Debian package of baton (binary, man page, docs) in build/: build/baton_<version>_<arch>.deb
package: build
	@cpack --config build/CPackConfig.cmake -B build

clean:
	rm -rf build build-dev build-ci build-asan build-bench
