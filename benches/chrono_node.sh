#!/usr/bin/env bash
# crosscheck beside chrono-node on the same text, in one run: real news
# (target/realtext, built from ../shared/realtext; never committed) when it
# is there, else corpus/. chrono-node is installed from npm under target/.
# crosscheck's time is the whole process (start-up, load, extract,
# normalise, compare, JSON report) on one core (RAYON_NUM_THREADS=1);
# chrono-node's is its parse calls only. Prints MB/s each and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/realtext}
[ -d "$dir" ] || dir=corpus
node_dir=target/chrono-node
if [ ! -d "$node_dir/node_modules/chrono-node" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm init -y >/dev/null && npm install --silent chrono-node >/dev/null)
fi
cargo build --release --locked -q
chrono=$(NODE_PATH="$node_dir/node_modules" node benches/chrono_node.js "$dir")
start=$(date +%s.%N)
RAYON_NUM_THREADS=1 target/release/crosscheck check "$dir" --format json --no-config --no-progress \
  > /dev/null || true
end=$(date +%s.%N)
python3 - "$chrono" "$start" "$end" "$dir" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
ours = float(sys.argv[3]) - float(sys.argv[2])
mb = c["bytes"] / 1e6
print(f"text: {sys.argv[4]}: {c['documents']} documents, {mb:.2f} MB")
print(f"chrono-node: {c['seconds']:.2f} s, {mb / c['seconds']:.2f} MB/s ({c['found']} dates and times)")
print(f"crosscheck (whole process, one core): {ours:.2f} s, {mb / ours:.2f} MB/s")
print(f"crosscheck / chrono-node throughput: {c['seconds'] / ours:.2f}x")
PY
