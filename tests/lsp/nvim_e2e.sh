#!/bin/sh
# ctest driver for nvim_e2e.lua: nvim_e2e.sh NVIM BATON FIXTURE LUA_SCRIPT
# Passes only when Neovim exits 0 AND the script wrote PASS.
set -u
nvim=$1 baton=$2 fixture=$3 script=$4
result=$(mktemp)
trap 'rm -f "$result"' EXIT
: > "$result"
BATON_BIN=$baton BATON_FIXTURE=$fixture BATON_E2E_RESULT=$result \
  timeout 60 "$nvim" --headless --clean -u "$script" </dev/null
status=$?
echo "nvim exit status: $status; result: $(cat "$result")"
[ "$status" -eq 0 ] && [ "$(cat "$result")" = "PASS" ]
