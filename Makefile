# Thin wrapper over CMake presets. `make run` and `make test` work on a fresh
# Debian 12 machine: they install missing packages first (scripts/setup-deps).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run build test bench package deps configure clean test-sanitize fuzz

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

# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (preset asan-ubsan, build-asan/): the first report fails the test.
SANITIZER_ENV = ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
test-sanitize: deps
	@cmake --preset asan-ubsan >/dev/null
	@cmake --build --preset asan-ubsan -j $(JOBS)
	@$(SANITIZER_ENV) ctest --preset asan-ubsan -j $(JOBS)

# Each libFuzzer target for FUZZ_SECONDS seconds (preset fuzz, build-fuzz/);
# see docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz:
	@./scripts/setup-deps --fuzz
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz

# baton against its references (cmark-gfm, markdownlint-cli2) and the targets of
# DESIGN.md §10, in build-bench/; see docs/performance.md. Not part of `make test`.
bench:
	@JOBS=$(JOBS) ./bench/run-bench

# A Debian package of baton (binary, man page, docs) in build/: build/baton_<version>_<arch>.deb
package: build
	@cpack --config build/CPackConfig.cmake -B build

clean:
	rm -rf build build-dev build-ci build-asan build-fuzz build-bench
