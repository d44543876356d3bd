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
cmake --build "$BUILD_DIR" -j "$(nproc)" --target newsx newsx_demo_server
NEWSX="$BUILD_DIR/pipelines/newsx"
DB=${NEWSX_DB:-newsx-data}

echo "== backfill: saved pages (fixtures/demo/pages, including deliberately bad ones) into $DB"
"$NEWSX" --db "$DB" backfill --no-progress fixtures/demo/pages

echo
echo "== backfill: a WARC archive (fixtures/ingest/warc, from warcio's test files)"
"$NEWSX" --db "$DB" backfill --no-progress fixtures/ingest/warc/warcio-example-iana.org-chunked.warc

echo
echo "== crawl: fixture feeds served by a loopback server (no network), politely"
PORT=${NEWSX_DEMO_PORT:-8765}
"$BUILD_DIR/pipelines/newsx_demo_server" --port "$PORT" --lifetime-s 120 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break
  sleep 0.1
done
"$NEWSX" --db "$DB" crawl --feed "http://127.0.0.1:$PORT/feed.xml" \
  --feed "http://127.0.0.1:$PORT/atom.xml"
kill $SERVER 2>/dev/null || true

echo
echo "== what is stored"
"$NEWSX" --db "$DB" stats
echo
echo "== top entities"
"$NEWSX" --db "$DB" query top-entities --limit 15 --format table
echo
echo "== events"
"$NEWSX" --db "$DB" query events --limit 20 --format table
echo
LISTEN=${NEWSX_SERVE_LISTEN:-127.0.0.1:8080}
echo "== browse it: the read-only server (pages, JSON API, /metrics) over $DB"
if [[ ${NEWSX_DEMO_SERVE:-0} == 1 ]]; then
  echo "   open http://$LISTEN/ (Ctrl-C stops the server)"
  exec "$NEWSX" --db "$DB" serve --listen "$LISTEN"
fi
echo "   start it:  $NEWSX --db $DB serve --listen $LISTEN"
echo "   then open: http://$LISTEN/"
echo "   (or run this demo with NEWSX_DEMO_SERVE=1 to start it now)"
