#!/usr/bin/env bash
# The README's run command: installs what is missing, builds a release
# binary, then runs the pipeline offline on the bundled fixtures into an
# embedded RocksDB directory (./newsx-data, or $NEWSX_DB) and prints what it
# stored.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build-release}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target newsx
NEWSX="$BUILD_DIR/pipelines/newsx"
DB=${NEWSX_DB:-newsx-data}

echo "== backfill: saved pages (fixtures/demo/pages, including deliberately bad ones) into $DB"
"$NEWSX" --db "$DB" backfill --no-progress fixtures/demo/pages

for extra in scripts/demo.d/*.sh; do
  [[ -e "$extra" ]] || continue
  NEWSX="$NEWSX" DB="$DB" BUILD_DIR="$BUILD_DIR" bash "$extra"
done

echo
echo "== what is stored"
"$NEWSX" --db "$DB" stats
echo
echo "== top entities"
"$NEWSX" --db "$DB" query top-entities --limit 15 --format table
echo
echo "== events"
"$NEWSX" --db "$DB" query events --limit 20 --format table
