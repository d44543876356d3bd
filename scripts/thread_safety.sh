#!/usr/bin/env bash
# Clang's thread-safety analysis (-Wthread-safety, as errors) over the code
# that declares its locking with NEWSX_GUARDED_BY and friends
# (core/thread_annotations.h): compiles every object of pipelines/ (the
# module with threads) and store/ (whose writers share a lock) with clang in
# build-tsa/, links nothing, runs nothing.
# Under GCC, the normal build, the annotations are empty.
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHER=()
if command -v ccache >/dev/null; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
BUILD_DIR=${TSA_BUILD_DIR:-build-tsa}
JOBS=${JOBS:-$(nproc)}
CXX_COMPILER=${TSA_CXX:-clang++}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNEWSX_WERROR=ON \
  -DCMAKE_CXX_COMPILER="$CXX_COMPILER" -DBUILD_TESTING=OFF "${LAUNCHER[@]}" >/dev/null
# The object files of the store library, the pipelines library and the newsx
# executable only: the other modules' objects are not needed to compile these.
mapfile -t objects < <(ninja -C "$BUILD_DIR" -t targets all |
  sed -n 's%^\(\(pipelines\|store\)/CMakeFiles/[^:]*\.o\):.*%\1%p')
if [ "${#objects[@]}" -eq 0 ]; then
  echo "thread_safety.sh: no pipelines or store objects found in $BUILD_DIR" >&2
  exit 1
fi
ninja -C "$BUILD_DIR" -j "$JOBS" "${objects[@]}"
echo "thread_safety.sh: ${#objects[@]} pipelines and store objects compile under clang -Wthread-safety"
