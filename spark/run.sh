#!/usr/bin/env bash
# corroborate's independence engine on Apache Spark: the one entry point.
#
#   spark/run.sh EXPORT_DIR OUT_DIR [--master URL] [--no-jsonl] [-- SPARK_SUBMIT_ARGS...]
#
# EXPORT_DIR is what `corroborate export --format parquet -o DIR` wrote (a local path
# or any Hadoop-compatible URI); OUT_DIR must not exist: the job writes
# OUT_DIR/claims.parquet and OUT_DIR/claims.jsonl (the lines of
# `corroborate claims --format jsonl`, any order). The master defaults to local[*].
# On first use it creates spark/.venv (pyspark, pyarrow, pandas < 3, maturin; see
# requirements.txt) and builds and installs the engine's wheel from this repository;
# later runs rebuild the wheel only when the Rust code changed. Needs Java 17+.
# See docs/scale-out.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${CORROBORATE_SPARK_VENV:-$here/.venv}

usage() {
  sed -n '4,5p' "$0" | sed 's/^# *//' >&2
  exit 2
}
[ $# -ge 2 ] || usage
export_dir=$1 out_dir=$2
shift 2
master="local[*]"
job_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --master) [ $# -ge 2 ] || usage; master=$2; shift 2 ;;
    --no-jsonl) job_args+=(--no-jsonl); shift ;;
    --) shift; break ;;
    *) echo "run.sh: unknown argument $1" >&2; usage ;;
  esac
done

"$here/setup.sh" "$venv" >&2

export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
exec "$venv/bin/spark-submit" --master "$master" \
  --conf spark.pyspark.python="$venv/bin/python" \
  --conf spark.ui.showConsoleProgress=false \
  "$@" "$here/independence.py" "$export_dir" "$out_dir" "${job_args[@]}"
