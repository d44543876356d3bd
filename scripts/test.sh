#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs the
# whole suite. BUILD_DIR and extra CMake flags can be overridden, e.g.
#   BUILD_DIR=build-asan CMAKE_FLAGS="-DNEWSX_SANITIZE=ON" scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# With ccache (base_dir /work on the shared machine) a CI run reuses the
# objects of earlier runs and of the engineers' builds with the same flags.
LAUNCHER=()
if command -v ccache >/dev/null; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
JOBS=${JOBS:-$(nproc)}
# shellcheck disable=SC2086
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DNEWSX_WERROR=ON \
  ${CMAKE_FLAGS:-} "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
ctest --test-dir "$BUILD_DIR" -j "$JOBS" --output-on-failure --timeout 600
