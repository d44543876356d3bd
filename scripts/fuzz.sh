#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) in
# build-fuzz/ and runs each for SECONDS from its committed seed corpus
# (fuzz/corpus/<target>/). New inputs go to build-fuzz/corpus/<target>/, a
# crash, leak or timeout to build-fuzz/artifacts/ and the run fails: add the
# input to fuzz/corpus/<target>/ as crash-<sha1> once fixed (fuzz/README.md).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # default: 20 s each, all targets
set -euo pipefail
cd "$(dirname "$0")/.."
# With ccache (base_dir /work on the shared machine) a CI run reuses the
# objects of earlier runs and of the engineers' builds with the same flags.
LAUNCHER=()
if command -v ccache >/dev/null; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
SECONDS_EACH=${1:-20}
shift || true
TARGETS=("$@")
if ((${#TARGETS[@]} == 0)); then
  TARGETS=(warc html feed sitemap url date quantity lexicon config)
fi
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSX_FUZZ=ON -DBUILD_TESTING=OFF ${FUZZ_CMAKE_FLAGS:-} "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${TARGETS[@]/%/_fuzz}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$BUILD_DIR/artifacts"
for target in "${TARGETS[@]}"; do
  mkdir -p "$BUILD_DIR/corpus/$target"
  echo "fuzz: $target for ${SECONDS_EACH} s" >&2
  # -timeout: one input running over 10 s is a hang; -rss_limit_mb: a
  # memory blow-up is a finding too.
  "$BUILD_DIR/fuzz/${target}_fuzz" -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$BUILD_DIR/artifacts/$target-" \
    "$BUILD_DIR/corpus/$target" "fuzz/corpus/$target" 2>"$BUILD_DIR/$target.log" || {
      tail -n 60 "$BUILD_DIR/$target.log" >&2
      echo "fuzz: $target failed; the input is in $BUILD_DIR/artifacts/" >&2
      exit 1
    }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD_DIR/$target.log" |
    sed "s/^/fuzz: $target: /" >&2 || true
done
