#!/usr/bin/env bash
# Scale-out demo (docs/scaleout.md): a 3-node NATS JetStream cluster on
# 127.0.0.1 with its own ports and temp dirs, streams with 3 replicas,
# 2 extract workers and 1 store worker as separate processes, a backfill of
# about 2,000 real pages published to the cluster. Mid-run one extract worker
# is killed with SIGKILL and one nats-server too; both are restarted. At the
# end the store must hold exactly the articles an in-process backfill of the
# same pages stores, none twice, and pass `newsx verify`:
#   cluster: articles=N expected=N duplicates=0 verify=ok
# Exit 0 only then. Everything started here is stopped on exit.
#
# Usage: scripts/cluster_demo.sh [PAGES_DIR]  (NEWSX=path/to/newsx to choose the binary)
# Without PAGES_DIR it takes the real pages of /work/shared/eval (or the
# repository's fixtures) and saves each under 4 names, up to 2,000 files.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NEWSX="${NEWSX:-$ROOT/build/pipelines/newsx}"
PAGES_TARGET="${PAGES_TARGET:-2000}"
command -v nats-server >/dev/null || { echo "cluster_demo: nats-server not installed (scripts/setup.sh)" >&2; exit 2; }
[ -x "$NEWSX" ] || { echo "cluster_demo: build newsx first ($NEWSX)" >&2; exit 2; }
command -v jq >/dev/null || { echo "cluster_demo: needs jq" >&2; exit 2; }

WORK="$(mktemp -d /tmp/newsx-cluster-demo.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "cluster_demo: $*" >&2; }

# --- pages ------------------------------------------------------------------
PAGES="${1:-}"
if [ -z "$PAGES" ]; then
  PAGES="$WORK/pages"
  mkdir -p "$PAGES"
  srcs=()
  for d in /work/shared/eval/article-extraction/html /work/shared/eval/trafilatura-eval/eval \
           /work/shared/eval/trafilatura-eval/cache "$ROOT/fixtures/stories/pages" "$ROOT/fixtures/demo/pages"; do
    [ -d "$d" ] && srcs+=("$d")
  done
  # One process makes the links: a fork per file took minutes on a loaded machine.
  n=$(python3 - "$PAGES" "$PAGES_TARGET" "${srcs[@]}" <<'PY'
import os, sys
out, target, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
files = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d)
               if os.path.isfile(os.path.join(d, f)) and f.endswith((".html", ".html.gz", ".htm")))
n = 0
for copy in range(1, 5):
    for f in files:
        if n >= target: break
        os.symlink(f, os.path.join(out, "c%d-%d-%s" % (copy, n, os.path.basename(f))))
        n += 1
print(n)
PY
)
  log "$n page files from ${#srcs[@]} folders of real pages"
fi

# --- a 3-node JetStream cluster ---------------------------------------------
ports=($(python3 -c 'import socket
ss=[socket.socket() for _ in range(6)]
[s.bind(("127.0.0.1",0)) for s in ss]
print(" ".join(str(s.getsockname()[1]) for s in ss))'))
URLS="nats://127.0.0.1:${ports[0]},nats://127.0.0.1:${ports[1]},nats://127.0.0.1:${ports[2]}"
declare -A NODE_PID
start_node() {  # start_node INDEX
  local i=$1 routes="" j
  for j in 0 1 2; do [ "$j" != "$i" ] && routes+="nats-route://127.0.0.1:${ports[$((j + 3))]},"; done
  mkdir -p "$WORK/n$i"
  cat > "$WORK/n$i.conf" <<CONF
server_name: n$i
listen: 127.0.0.1:${ports[$i]}
max_payload: 8MB
jetstream { store_dir: "$WORK/n$i" }
cluster {
  name: newsx-demo
  listen: 127.0.0.1:${ports[$((i + 3))]}
  routes: [${routes%,}]
}
CONF
  nats-server -c "$WORK/n$i.conf" >> "$WORK/n$i.log" 2>&1 &
  NODE_PID[$i]=$!
  PIDS+=($!)
}
for i in 0 1 2; do start_node "$i"; done
# The cluster needs a JetStream meta leader before streams can be made.
for _ in $(seq 1 120); do
  "$NEWSX" -q cluster init --nats "$URLS" --replicas 3 --ack-wait-ms 5000 > "$WORK/init.out" 2>&1 && break
  sleep 0.5
done
grep -q "cluster:" "$WORK/init.out" || { log "cluster did not come up"; cat "$WORK/init.out" >&2; exit 1; }
log "$(cat "$WORK/init.out")"

# --- the reference: the same pages in process, -j 1 ---------------------------
t0=$(date +%s.%N)
"$NEWSX" -q --db "$WORK/ref" -j 1 backfill --no-progress "$PAGES" > "$WORK/ref.out" 2>&1
t1=$(date +%s.%N)
expected=$("$NEWSX" -q --db "$WORK/ref" stats | jq .articles)
log "in-process reference: $expected articles in $(echo "$t1 - $t0" | bc) s"

# --- workers and producer -------------------------------------------------------
declare -A WORKER_PID
start_worker() {  # start_worker NAME ROLE
  # Not -q: the workers' warnings and 10 s rates go to $WORK/NAME.log.
  local args=(worker --nats "$URLS" --role "$2")
  [ "$2" = store ] && args=(--db "$WORK/db" worker --nats "$URLS" --role store)
  [ "$2" = extract ] && args+=(--threads 1)
  "$NEWSX" "${args[@]}" >> "$WORK/$1.out" 2>> "$WORK/$1.log" &
  WORKER_PID[$1]=$!
  PIDS+=($!)
}
start_worker store store
start_worker x1 extract
start_worker x2 extract
t2=$(date +%s.%N)
"$NEWSX" backfill --nats "$URLS" --no-progress "$PAGES" > "$WORK/producer.out" 2> "$WORK/producer.log" &
PRODUCER=$!
PIDS+=($PRODUCER)

# --- faults mid-run: SIGKILL an extract worker and a server, then restart both --
deliveries() {
  "$NEWSX" -q cluster status --nats "$URLS" 2>/dev/null |
    awk '/^consumer extract/ { for (i = 1; i <= NF; i++) if ($i == "deliveries") print $(i + 1) }'
}
third=$((expected > 0 ? $(ls "$PAGES" | wc -l) / 3 : 100))
for _ in $(seq 1 600); do
  d=$(deliveries); [ -n "$d" ] && [ "$d" -ge "$third" ] && break
  sleep 0.2
done
log "after $(deliveries) deliveries: kill -9 extract worker x1 and nats-server n1"
kill -KILL "${WORKER_PID[x1]}"
kill -KILL "${NODE_PID[1]}"
sleep 2
start_node 1
start_worker x1b extract
log "restarted n1 and an extract worker"

wait "$PRODUCER"; producer_rc=$?
log "producer (exit $producer_rc): $(cat "$WORK/producer.out")"
"$NEWSX" -q cluster status --nats "$URLS" --wait-drained 900 > "$WORK/status.out" 2>&1
drained_rc=$?
t3=$(date +%s.%N)
cat "$WORK/status.out" >&2
for w in x2 x1b store; do kill -TERM "${WORKER_PID[$w]}"; wait "${WORKER_PID[$w]}" 2>/dev/null; done
for w in x1 x2 x1b store; do [ -s "$WORK/$w.out" ] && log "$w: $(tail -1 "$WORK/$w.out")"; done
log "cluster run: $(echo "$t3 - $t2" | bc) s"

# --- the checks -------------------------------------------------------------------
articles=$("$NEWSX" -q --db "$WORK/db" stats | jq .articles)
"$NEWSX" -q --db "$WORK/db" export --full --out "$WORK/exp" > /dev/null 2>&1
"$NEWSX" -q --db "$WORK/ref" export --full --out "$WORK/exp-ref" > /dev/null 2>&1
# Duplicates: article rows of one id exported more than once, plus pages
# (fetched URL) stored under more than one article.
ids() { jq -r '.id' "$1/articles.jsonl" | sort; }
dup_ids=$(ids "$WORK/exp" | uniq -d | wc -l)
dup_urls=$(jq -r '.url' "$WORK/exp/articles.jsonl" | sort | uniq -d | wc -l)
duplicates=$((dup_ids + dup_urls))
verify=ok
"$NEWSX" -q --db "$WORK/db" verify > "$WORK/verify.out" 2>&1 || verify=failed
[ "$(ids "$WORK/exp")" = "$(ids "$WORK/exp-ref")" ] || verify=failed-ids-differ
[ "$drained_rc" -eq 0 ] || verify=failed-not-drained
[ "$producer_rc" -eq 0 ] || verify=failed-producer
echo "cluster: articles=$articles expected=$expected duplicates=$duplicates verify=$verify"
if [ "$articles" = "$expected" ] && [ "$duplicates" -eq 0 ] && [ "$verify" = ok ]; then exit 0; fi
# Failed: what the logs say (KEEP=1 keeps $WORK for the rest).
for f in producer x1 x2 x1b store; do
  [ -s "$WORK/$f.log" ] && { log "--- $f.log (warnings and errors)"; grep -E 'newsx: (warn|error)' "$WORK/$f.log" | tail -20 >&2; }
done
for i in 0 1 2; do log "--- n$i.log"; grep -E '\[(ERR|WRN)\]' "$WORK/n$i.log" | tail -10 >&2; done
[ -s "$WORK/verify.out" ] && { log "--- verify"; cat "$WORK/verify.out" >&2; }
exit 1
