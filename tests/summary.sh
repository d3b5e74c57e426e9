#!/usr/bin/env bash
# Adds up the TRX files of a test run and prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
dir="${1:?results folder}"
passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total))); passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
done
skipped=$((total - passed - failed))
echo "tests: $passed passed, $failed failed, $skipped skipped"
