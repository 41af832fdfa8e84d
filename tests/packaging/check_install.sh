#!/bin/sh
# Checks `cmake --install` and the CPack .deb of a configured and built tree.
#
#   tests/packaging/check_install.sh BUILD_DIR [install|deb|all]
#
# install: installs into a temporary prefix and checks the binary, the man page, the docs and
#          the editor and agent integrations are there, that nothing else is, and that the
#          installed binary runs.
# deb:     runs cpack into a temporary directory and checks the .deb: its name, control
#          fields, that it lists usr/bin/baton and the man page, and that the binary in it runs.
#          Skipped (exit 77) when dpkg-deb is missing.
# Nothing is written outside a temporary directory, except the install_manifest.txt that
# `cmake --install` always leaves in BUILD_DIR.
set -eu

build=${1:?usage: check_install.sh BUILD_DIR [install|deb|all]}
what=${2:-all}
build=$(cd "$build" && pwd)
[ -f "$build/CMakeCache.txt" ] || { echo "FAIL: $build is not a CMake build directory" >&2; exit 1; }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || { echo "FAIL: no CMAKE_PROJECT_VERSION in $build/CMakeCache.txt" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/baton-packaging.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() {
  echo "ok: $*"
}

# check_tree ROOT: the layout both the install and the .deb must have under ROOT.
check_tree() {
  root=$1
  label=$2
  for file in bin/baton share/man/man1/baton.1 share/doc/baton/README.md \
      share/doc/baton/format.md share/doc/baton/output.md share/doc/baton/ci.md \
      share/doc/baton/rules/index.md share/doc/baton/rules/HP101.md \
      share/baton/neovim/baton.lua share/baton/helix/languages.toml \
      share/emacs/site-lisp/baton.el; do
    if [ -f "$root/$file" ]; then pass "$label has $file"; else fail "$label lacks $file"; fi
  done
  # The Claude Code plugin, whole: every file of editors/claude-code, its manifest included.
  for plugin_file in $(cd "$source/editors/claude-code" && find . -type f | sed 's|^\./||'); do
    [ -f "$root/share/baton/claude-code/$plugin_file" ] || fail "$label lacks share/baton/claude-code/$plugin_file"
  done
  if [ -f "$root/share/baton/claude-code/.claude-plugin/plugin.json" ]; then
    pass "$label has the Claude Code plugin"
  fi
  # share/ holds the man page, the docs, baton's data and the Emacs library, nothing else.
  extra=$(cd "$root/share" && find . -mindepth 1 -maxdepth 1 ! -name man ! -name doc ! -name baton ! -name emacs | sort)
  [ -z "$extra" ] || fail "$label has unexpected entries in share/: $extra"
  [ -x "$root/bin/baton" ] || fail "$label: bin/baton is not executable"
  # Every docs/*.md and docs/rules/*.md page is installed.
  for page in "$source"/docs/*.md "$source"/docs/rules/*.md; do
    relative=${page#"$source"/docs/}
    [ -f "$root/share/doc/baton/$relative" ] || fail "$label lacks share/doc/baton/$relative"
  done
  # Nothing but bin/ and share/ (no static libraries, headers or CMake files).
  extra=$(cd "$root" && find . -mindepth 1 -maxdepth 1 ! -name bin ! -name share | sort)
  [ -z "$extra" ] || fail "$label has unexpected entries: $extra"
  extra=$(cd "$root/bin" && find . -mindepth 1 ! -name baton)
  [ -z "$extra" ] || fail "$label has unexpected files in bin/: $extra"
  # The man page renders without a groff warning (when groff is there to say).
  if command -v groff >/dev/null 2>&1 && [ -f "$root/share/man/man1/baton.1" ]; then
    warnings=$(groff -man -Tutf8 -ww -z "$root/share/man/man1/baton.1" 2>&1)
    if [ -z "$warnings" ]; then pass "$label: man page renders without warnings"; else fail "$label: groff: $warnings"; fi
  fi
  output=$("$root/bin/baton" --version 2>&1) || fail "$label: bin/baton --version failed: $output"
  if [ "$output" = "baton $version" ]; then
    pass "$label: bin/baton --version prints '$output'"
  else
    fail "$label: bin/baton --version printed '$output', expected 'baton $version'"
  fi
}

source=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
[ -d "$source/docs" ] || { echo "FAIL: source directory '$source' has no docs/" >&2; exit 1; }

status=0
if [ "$what" = install ] || [ "$what" = all ]; then
  if cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1; then
    pass "cmake --install $build --prefix <tmp>"
    check_tree "$tmp/prefix" install
  else
    cat "$tmp/install.log" >&2
    fail "cmake --install failed"
  fi
fi

if [ "$what" = deb ] || [ "$what" = all ]; then
  if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "skip: dpkg-deb not found, the .deb is not checked"
    [ "$what" = deb ] && status=77
  else
    start=$(date +%s)
    if cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1; then
      pass "cpack in $(($(date +%s) - start)) s"
    else
      cat "$tmp/cpack.log" >&2
      fail "cpack failed"
    fi
    arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
    deb="$tmp/pkg/baton_${version}_${arch}.deb"
    if [ ! -f "$deb" ]; then
      fail "no $deb; cpack made: $(find "$tmp/pkg" -maxdepth 1 -type f -name "*.deb")"
    else
      pass "cpack made $(basename "$deb")"
      listing=$(dpkg-deb -c "$deb")
      for entry in ./usr/bin/baton ./usr/share/man/man1/baton.1 ./usr/share/doc/baton/README.md \
          ./usr/share/doc/baton/rules/index.md ./usr/share/baton/claude-code/.claude-plugin/plugin.json \
          ./usr/share/baton/claude-code/hooks/hooks.json ./usr/share/emacs/site-lisp/baton.el; do
        if printf '%s\n' "$listing" | awk '{print $6}' | grep -qx "$entry"; then
          pass ".deb lists $entry"
        else
          fail ".deb does not list $entry"
        fi
      done
      [ "$(dpkg-deb -f "$deb" Package)" = baton ] || fail ".deb Package is not baton"
      [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail ".deb Version is not $version"
      depends=$(dpkg-deb -f "$deb" Depends)
      # Runtime libraries, by Debian package name (the soname is part of it).
      for library in 'libcmark-gfm0' 'libcmark-gfm-extensions0' 'libyaml-0-2' 'libfmt[0-9]' 'libc6'; do
        if printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//' | grep -q "^$library"; then
          pass ".deb depends on $library*"
        else
          fail ".deb Depends ($depends) lacks $library*"
        fi
      done
      [ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail ".deb has no Maintainer"
      [ -n "$(dpkg-deb -f "$deb" Description)" ] || fail ".deb has no Description"
      mkdir -p "$tmp/deb"
      dpkg-deb -x "$deb" "$tmp/deb"
      check_tree "$tmp/deb/usr" deb
    fi
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
exit "$status"
