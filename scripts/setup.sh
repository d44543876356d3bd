#!/usr/bin/env bash
# Installs every Debian package that newsx needs to build, test and run its demo.
# Idempotent: when everything is already installed it only checks and returns.
# Also installs the npm packages of the test tooling in tests/export_sql.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libcurl4-openssl-dev libpugixml-dev libre2-dev libicu-dev librocksdb-dev
  zlib1g-dev libxml2-dev libbrotli-dev libxxhash-dev liblz4-dev
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev libcpp-httplib-dev
  rapidjson-dev libcld2-dev
  catch2 python3 python3-pandas curl
  # Scale-out over NATS JetStream (docs/scaleout.md): server for tests and the demo, C client.
  nats-server libnats-dev
  # Fuzzing (CI): clang with libFuzzer's runtime, llvm-symbolizer for stacks.
  clang libclang-rt-14-dev llvm
  # The headless browser test of `newsx serve` (tests/pipelines/serve_browser_test.cc)
  # and a font so its screenshot shows text (--no-install-recommends skips fonts).
  chromium fonts-dejavu-core
  # The check of the documentation's DuckDB SQL (tests/export_sql) runs on Node.
  nodejs
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# npm is part of nodesource's nodejs package but a separate Debian package that
# conflicts with it: ask for Debian's npm only when there is no npm at all.
if ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if ((${#missing[@]} > 0)); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    SUDO="sudo"
  fi
  echo "newsx setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Test tooling only (nothing at run time needs Node): DuckDB's Node client for
# the check of the documentation's DuckDB SQL (tests/export_sql, docs/export.md),
# at the versions of its package-lock.json. `npm ci --prefer-offline` installs
# from the npm cache when it holds them (CI after the first setup), else from the
# registry. Without Node or the registry the test is skipped, so this only warns.
# The copied lock file marks an install that is already current.
export_sql="$(cd "$(dirname "$0")/.." && pwd)/tests/export_sql"
if [[ -f "$export_sql/package-lock.json" ]] &&
   ! cmp -s "$export_sql/package-lock.json" "$export_sql/node_modules/.newsx-installed-lock"; then
  if ! command -v npm >/dev/null; then
    echo "newsx setup: npm not found; the DuckDB SQL check (ctest export_sql_duckdb) will be skipped" >&2
  elif (cd "$export_sql" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null); then
    cp "$export_sql/package-lock.json" "$export_sql/node_modules/.newsx-installed-lock"
  else
    echo "newsx setup: npm ci in $export_sql failed; the DuckDB SQL check will be skipped" >&2
  fi
fi
