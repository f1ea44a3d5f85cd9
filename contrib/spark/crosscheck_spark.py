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


def is_document(name):
    """A .txt or .md file other than a README, as crosscheck reads them."""
    stem, ext = os.path.splitext(name)
    return ext in (".txt", ".md") and stem.lower() != "readme"


def is_bundle_dir(path):
    entries = os.listdir(path)
    return "bundle.toml" in entries or any(
        is_document(e) and not os.path.isdir(os.path.join(path, e)) for e in entries
    )


def bundles_in(path):
    """The bundles a path names and the problems, as crosscheck's discovery
    finds them: a bundle.toml, a directory with a bundle.toml or documents,
    or a collection whose sub-directories that are bundles are taken (sorted
    by name). Anything else is an error for the report, as `check` gives."""
    if os.path.isfile(path):
        if path.endswith(".toml"):
            return [path], []
        return [], [{"path": path, "message": "not a bundle: expected a directory or a bundle.toml"}]
    if not os.path.isdir(path):
        return [], [{"path": path, "message": "no such file or directory"}]
    if is_bundle_dir(path):
        return [path], []
    subs = sorted(os.path.join(path, e) for e in os.listdir(path))
    found = [s for s in subs if os.path.isdir(s) and is_bundle_dir(s)]
    if not found:
        return [], [{"path": path, "message": "no bundle here: no documents, no bundle.toml, no bundle directories"}]
    return found, []


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
                record = json.loads(line)
                # Run errors have no bundle: they go to the report's errors.
                yield (record.get("bundle", ""), line)

    return run


def compare_bundle(binary):
    def run(item):
        bundle, lines = item
        if bundle == "":
            return [], None, None, [json.loads(l)["error"] for l in lines]
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
        return (
            [(bundle, b) for b in report["bundles"]],
            report.get("tool"),
            report.get("schema_version"),
            report.get("errors", []),
        )

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
    bundles, errors = [], []
    for p in a.paths:
        found, problems = bundles_in(p)
        bundles += [b for b in found if b not in bundles]
        errors += problems
    spark = SparkSession.builder.master(a.master).appName("crosscheck").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        sc = spark.sparkContext
        slices = a.partitions or max(1, min(len(bundles), sc.defaultParallelism * 2))
        results = []
        if bundles:
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
    errors += [e for r in results for e in r[3]]
    merged = {"schema_version": schema, "tool": tool, "bundles": [b for _, b in reports]}
    if errors:
        merged["errors"] = errors
    text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    if a.out == "-":
        sys.stdout.write(text)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    for e in errors:
        sys.stderr.write(f"crosscheck-spark: error: {e.get('path')}: {e.get('message')}\n")
    if errors or any(b.get("errors") for b in merged["bundles"]):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
