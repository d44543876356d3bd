#!/usr/bin/env bash
# Installs every Debian package that newsx needs to build, test and run its demo.
# Idempotent: when everything is already installed it only checks and returns.
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
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "newsx setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
