#!/usr/bin/env bash
# ctest entry for the DuckDB SQL check (docs/export.md, "Checking the SQL"):
#   run.sh check NEWSX_BINARY   the export contract and the documentation's DuckDB SQL
#   run.sh unit                 the Markdown block finder's unit tests
# Exits 77 (ctest: skipped) with the reason when Node or the npm packages are missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
skip() {
  echo "SKIPPED: $*" >&2
  exit 77
}
command -v node >/dev/null || skip "node is not installed (the DuckDB SQL check needs Node.js >= 18)"
case "${1:-}" in
  unit)
    exec node --test "$here/markdown_sql_blocks.test.mjs"
    ;;
  check)
    [[ -d "$here/node_modules/@duckdb/node-api" ]] ||
      skip "@duckdb/node-api is not installed: run scripts/setup.sh (npm ci in tests/export_sql)"
    exec node "$here/check_export_sql.mjs" --newsx "$2"
    ;;
  *)
    echo "usage: $0 check NEWSX_BINARY | unit" >&2
    exit 2
    ;;
esac
