#!/usr/bin/env bash
# The store and pipeline tests (the code with threads: stages, queues, the
# shared store, the CLI jobs they run) under ThreadSanitizer, in build-tsan/.
# Any report fails the run. Extra arguments go to both test binaries (a
# Catch2 test spec, e.g. "[crawl]").
set -euo pipefail
cd "$(dirname "$0")/.."
# With ccache (base_dir /work on the shared machine) a CI run reuses the
# objects of earlier runs and of the engineers' builds with the same flags.
LAUNCHER=()
if command -v ccache >/dev/null; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
BUILD_DIR=${TSAN_BUILD_DIR:-build-tsan}
JOBS=${JOBS:-$(nproc)}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSX_WERROR=ON \
  -DNEWSX_TSAN=ON ${TSAN_CMAKE_FLAGS:-} "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target store_tests pipelines_tests newsx
# The CLI tests run build-tsan's newsx, so child processes are checked too.
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp}
# Without address randomization: gcc 12's TSan runtime cannot map its shadow
# memory on kernels with 32 bits of mmap randomness ("unexpected memory
# mapping"); children inherit the setting.
norandom=(setarch "$(uname -m)" -R)
"${norandom[@]}" "$BUILD_DIR/tests/store_tests" "$@"
"${norandom[@]}" "$BUILD_DIR/tests/pipelines_tests" "$@"
