"""corroborate's independence engine on Apache Spark.

Reads a Parquet export (`corroborate export --format parquet -o DIR`) from a local
path or any Hadoop-compatible URI, broadcasts the source registry, groups the reports
by claim group, runs the Rust engine (the `corroborate_spark` wheel, built from the
same library as the CLI) on each partition through `mapInArrow`, and writes one row
per claim group to OUT_DIR/claims.parquet and, unless --no-jsonl, the lines of
`corroborate claims --format jsonl` to OUT_DIR/claims.jsonl (any order).

The entry point is `spark/run.sh EXPORT_DIR OUT_DIR [--master URL]`, which sets up
the environment and calls `spark-submit` on this file; see docs/scale-out.md.

No rule of the engine is written here: Python only moves Arrow batches.
"""

import argparse
import os
import sys
import time
from urllib.parse import urlparse

import pyarrow as pa
import pyarrow.dataset as ds
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

import corroborate_spark as engine_module

def _schema(ipc_bytes):
    return pa.ipc.open_stream(pa.py_buffer(ipc_bytes)).schema


def _ipc(table_or_batch, schema):
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as w:
        if isinstance(table_or_batch, pa.Table):
            w.write_table(table_or_batch)
        else:
            w.write_batch(table_or_batch)
    return sink.getvalue().to_pybytes()


def _engine(sources_ipc):
    """One engine per Python worker process, kept on the imported module (Spark reuses
    workers between tasks; the job's own globals are pickled with each task)."""
    key = hash(sources_ipc)  # a bytes object caches its hash
    cached = getattr(engine_module, "_corroborate_cached", None)
    if cached is None or cached[0] != key:
        cached = (key, engine_module.Engine(sources_ipc))
        engine_module._corroborate_cached = cached
    return cached[1]


def _local_path(uri):
    """The local file system path of `uri`, or None when it names another file system."""
    p = urlparse(uri)
    if p.scheme in ("", "file"):
        return p.path if p.scheme == "file" else uri
    return None


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="independence.py",
        description="Count independent sources per claim group of a corroborate Parquet export on Spark.",
    )
    ap.add_argument("export_dir", help="directory written by `corroborate export --format parquet -o DIR` (path or URI)")
    ap.add_argument("out_dir", help="new output directory (path or URI)")
    ap.add_argument("--master", help="Spark master URL (default: what spark-submit was given)")
    ap.add_argument("--no-jsonl", action="store_true", help="write claims.parquet only")
    ap.add_argument("--partitions", type=int, default=0, help="shuffle partitions (default: 4 per core)")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    builder = SparkSession.builder.appName("corroborate-independence")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    started = time.time()
    export = args.export_dir.rstrip("/")
    out = args.out_dir.rstrip("/")
    partitions = args.partitions or 4 * spark.sparkContext.defaultParallelism
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))

    input_schema = _schema(engine_module.input_schema())
    output_schema = _schema(engine_module.output_schema())
    sources_schema = _schema(engine_module.sources_schema())

    # The registry is small (thousands of sources): read once, broadcast as Arrow IPC.
    sources = spark.read.parquet(export + "/sources.parquet").toArrow()
    sources = sources.select(sources_schema.names).cast(sources_schema)
    sources_ipc = spark.sparkContext.broadcast(_ipc(sources, sources_schema))
    # Fails here, on the driver, if the registry is unreadable.
    source_count = engine_module.Engine(sources_ipc.value).sources()

    reports = spark.read.parquet(export + "/reports.parquet")
    hop = F.transform(
        "hops", lambda h: F.struct(h["source"].alias("source"), h["anonymous"].alias("anonymous"))
    )
    groups = (
        reports.select(
            "claim_group",
            F.struct(
                "claim_id", "claim_seq", "report_seq", "text", hop.alias("hops"), "published", "seen"
            ).alias("report"),
        )
        .groupBy("claim_group")
        .agg(F.collect_list("report").alias("reports"))
    )

    def run(batches):
        e = _engine(sources_ipc.value)
        for b in batches:
            t = pa.Table.from_batches([b]).select(input_schema.names).cast(input_schema)
            res = e.results(_ipc(t, input_schema))
            yield from pa.ipc.open_stream(pa.py_buffer(res))

    results = groups.mapInArrow(run, from_arrow_schema(output_schema))
    results.write.mode("errorifexists").parquet(out + "/claims.parquet")

    claims = spark.read.parquet(out + "/claims.parquet").count()
    if not args.no_jsonl:
        local = _local_path(out)
        if local is not None:
            # One file, in exactly the CLI's line format (the engine wrote each line).
            table = ds.dataset(os.path.join(local, "claims.parquet"), format="parquet").to_table(columns=["json"])
            with open(os.path.join(local, "claims.jsonl"), "w", encoding="utf-8", newline="\n") as f:
                for chunk in table.column("json").chunks:
                    for line in chunk.to_pylist():
                        f.write(line)
                        f.write("\n")
        else:
            # On a distributed file system: a directory of part files, one line each claim.
            spark.read.parquet(out + "/claims.parquet").select("json").write.text(out + "/claims.jsonl")
    print(
        f"corroborate-spark: {claims} claim groups from {export} to {out} in {time.time() - started:.1f} s "
        f"({spark.sparkContext.master}, {partitions} partitions, {source_count} sources)",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
