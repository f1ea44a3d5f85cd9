#!/usr/bin/env bash
# Runs the Spark job in local mode on corpus/ and checks that its report is
# the one `crosscheck check corpus` writes, bundle for bundle, finding for
# finding. Installs what it needs on a fresh machine: pyspark from PyPI into
# a virtual environment under target/, and Debian's Java if there is none.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
venv=target/spark-venv
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pyspark>=4,<5'
fi
cargo build --locked -q
bin=target/debug/crosscheck
out=target/spark-test
mkdir -p "$out"
"$venv/bin/python" contrib/spark/crosscheck_spark.py --crosscheck "$bin" \
  --out "$out/spark.json" corpus 2> "$out/spark.log" || { cat "$out/spark.log"; exit 1; }
"$bin" check corpus --format json --no-config --no-progress > "$out/check.json" || [ $? -eq 1 ]
python3 - "$out/spark.json" "$out/check.json" <<'PY'
import json, sys
spark, check = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
assert len(check["bundles"]) >= 20, "the corpus holds its bundles"
findings = sum(len(b["findings"]) for b in check["bundles"])
assert findings > 0, "check finds something on the corpus"
if spark != check:
    for s, c in zip(spark["bundles"], check["bundles"]):
        if s != c:
            sys.exit(f"Spark and check differ on {c['path']}")
    sys.exit("Spark and check differ")
print(f"spark: {len(spark['bundles'])} bundles, {findings} findings, equal to check")
PY
