"""crosscheck over an archive with Spark: extract on the executors, compare per bundle.

Map: the bundles are dealt into partitions and each partition's bundles are
piped through `crosscheck extract` (one process per partition), which writes
one JSON line per bundle, document and claim. Reduce: the lines are keyed by
their bundle, grouped, and each group is piped through `crosscheck compare -`,
which judges it as `crosscheck check` judges the documents. The driver gathers
the per-bundle reports into one report of the JSON schema `check` writes.

The key of the reduce is the bundle, not the alignment block: which claims
are one fact is decided by alignment inside `compare`, across every block a
claim sits in, so a bundle is the smallest group that gives `check`'s answer.
A bundle of 10,000 documents compares in well under a minute on one core
(docs/performance.md), so a task per bundle is the right grain.

Usage (local mode, or spark-submit on a cluster; see docs/scale.md):

    python3 contrib/spark/crosscheck_spark.py --crosscheck target/release/crosscheck \
        --out report.json corpus/

Every executor needs the crosscheck binary and the bundles at the same paths
(a shared file system, or `--files`/`--archives` on spark-submit).
"""

import argparse
import json
import os
import subprocess
import sys


def bundles_in(path):
    """The bundles a path names, as crosscheck's discovery finds them: a
    directory with a bundle.toml or documents is a bundle; otherwise each of
    its sub-directories is (a collection)."""
    if os.path.isfile(path):
        return [path]
    entries = sorted(os.listdir(path))
    if "bundle.toml" in entries or any(e.endswith((".txt", ".md")) for e in entries):
        return [path]
    return [os.path.join(path, e) for e in entries if os.path.isdir(os.path.join(path, e))]


def extract_partition(binary):
    def run(bundles):
        bundles = list(bundles)
        if not bundles:
            return
        out = subprocess.run(
            [binary, "extract", *bundles], capture_output=True, text=True, check=False
        )
        if out.returncode not in (0, 2):
            raise RuntimeError(f"crosscheck extract failed ({out.returncode}): {out.stderr}")
        if out.stderr:
            sys.stderr.write(out.stderr)
        for line in out.stdout.splitlines():
            if line:
                yield (json.loads(line)["bundle"], line)

    return run


def compare_bundle(binary):
    def run(item):
        bundle, lines = item
        text = "\n".join(lines) + "\n"
        out = subprocess.run(
            [binary, "compare", "-", "--format", "json", "--no-config", "--no-progress"],
            input=text,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode not in (0, 1, 2) or not out.stdout:
            raise RuntimeError(f"crosscheck compare failed on {bundle} ({out.returncode}): {out.stderr}")
        report = json.loads(out.stdout)
        return [(bundle, b) for b in report["bundles"]], report.get("tool"), report.get("schema_version")

    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="bundles or collections of bundles")
    ap.add_argument("--crosscheck", default="crosscheck", help="the crosscheck binary")
    ap.add_argument("--out", default="-", help="where to write the JSON report (default: stdout)")
    ap.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    ap.add_argument("--partitions", type=int, default=0, help="partitions of bundles (default: Spark's)")
    a = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    binary = os.path.abspath(a.crosscheck) if os.sep in a.crosscheck else a.crosscheck
    bundles = [b for p in a.paths for b in bundles_in(p)]
    spark = SparkSession.builder.master(a.master).appName("crosscheck").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        sc = spark.sparkContext
        slices = a.partitions or max(1, min(len(bundles), sc.defaultParallelism * 2))
        lines = sc.parallelize(bundles, slices).mapPartitions(extract_partition(binary))
        results = lines.groupByKey().map(compare_bundle(binary)).collect()
    finally:
        spark.stop()

    order = {b: i for i, b in enumerate(bundles)}
    reports = sorted(
        (pair for r in results for pair in r[0]), key=lambda p: (order.get(p[0], len(order)), p[0])
    )
    tool = next((r[1] for r in results if r[1]), None)
    schema = next((r[2] for r in results if r[2]), None)
    merged = {"schema_version": schema, "tool": tool, "bundles": [b for _, b in reports]}
    text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    if a.out == "-":
        sys.stdout.write(text)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    worst = 0
    for b in merged["bundles"]:
        if b.get("errors"):
            worst = max(worst, 2)
    return worst


if __name__ == "__main__":
    sys.exit(main())
