#!/usr/bin/env bash
# Equivalence of the Spark job and the CLI (issue 16, item 4; docs/scale-out.md).
#
#   bash .ci/spark_equivalence.sh [REPORTS] [--bench]   (default 200000; from the repository root)
#
# Generates a workload (examples/gen.rs: aliases, affiliations, anonymous hops,
# cycles), imports it, computes `claims --format jsonl` with the CLI, exports it as
# Parquet, starts a standalone Spark cluster on loopback (one master, two workers of
# one core each), runs spark/run.sh against it, and requires the two sets of lines
# to be identical: every claim's answer, byte for byte. The cluster is stopped and
# the work directory removed whatever happens. Prints the time of each step. With
# --bench it also runs the job on local[2] and prints wall time and peak RSS of each
# way (GNU time's maximum resident set of the largest process; for the cluster, the
# sum of the master's, workers' and executors' peaks sampled every 0.5 s), for
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-200000}
bench=${2:-}
timed() { # LABEL CMD...: run CMD, print LABEL, wall seconds and peak RSS (MiB)
  local label=$1
  shift
  /usr/bin/time -f "BENCH $label: %e s wall, peak RSS %M KiB" "$@" 2> >(grep -E '^BENCH' >&2; cat >/dev/null)
}
started=$SECONDS
work=$(mktemp -d)
pids=()
cleanup() {
  local rc=$?
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  if [ $rc -ne 0 ] && [ -d "$work/logs" ]; then
    tail -n 30 "$work"/logs/*.log >&2 || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "-- $1 ($((SECONDS - started)) s so far)"; }

# CORROBORATE_CARGO_PROFILE=dev (CI) builds everything with the dev profile: the
# binary and the generator `cargo test` compiled already, and the wheel's
# dependencies without debug info (this step took 374 s in CI against 1,003 s with
# the release profile); the answers are the same. Benchmarks (--bench) always use the
# release profile.
profile=${CORROBORATE_CARGO_PROFILE:-release}
[ "$bench" = --bench ] && profile=release
export CORROBORATE_CARGO_PROFILE=$profile
step "build ($profile): corroborate, the generator, the engine's wheel and the venv"
if [ "$profile" = release ]; then
  # Without the embedding model (no claim here is embedded): the same features as the
  # wheel's build of the library, so cargo builds the release dependencies once for both.
  cargo build --quiet --release --locked --no-default-features --features cli --bin corroborate --example gen
  cli=$PWD/target/release/corroborate gen=$PWD/target/release/examples/gen
else
  # The default features, as `cargo test` built them.
  cargo build --quiet --locked --bin corroborate --example gen
  cli=$PWD/target/debug/corroborate gen=$PWD/target/debug/examples/gen
fi
spark/setup.sh
venv=${CORROBORATE_SPARK_VENV:-$PWD/spark/.venv}

step "workload: $reports reports"
"$gen" --reports "$reports" --seed 1 --out "$work/work.jsonl"
if [ "$bench" = --bench ]; then
  timed "embedded import" "$cli" --db "$work/db" import "$work/work.jsonl" >/dev/null
else
  "$cli" --db "$work/db" import "$work/work.jsonl" >/dev/null
fi
t=$SECONDS
if [ "$bench" = --bench ]; then
  timed "embedded claims --format jsonl" "$cli" --db "$work/db" claims --format jsonl >"$work/cli.jsonl"
  timed "parquet export" "$cli" --db "$work/db" export --format parquet -o "$work/export" >/dev/null
  du -sh "$work/export"
  timed "spark local[2]" spark/run.sh "$work/export" "$work/out-local" --master 'local[2]' -- --driver-memory 4g >/dev/null
  LC_ALL=C sort "$work/out-local/claims.jsonl" | cmp -s - <(LC_ALL=C sort "$work/cli.jsonl") ||
    { echo "local[2] differs from the CLI" >&2; exit 1; }
  echo "local[2]: identical to the CLI"
else
  "$cli" --db "$work/db" claims --format jsonl >"$work/cli.jsonl"
  echo "CLI claims: $(wc -l <"$work/cli.jsonl") lines in $((SECONDS - t)) s"
  t=$SECONDS
  "$cli" --db "$work/db" export --format parquet -o "$work/export"
  echo "Parquet export in $((SECONDS - t)) s"
fi

step "standalone cluster on loopback: a master and two workers"
spark_home=$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME=$spark_home SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR=$work/logs
mkdir -p "$work/logs"
free_port() {
  "$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
master_port=$(free_port)
master=spark://127.0.0.1:$master_port
"$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$(free_port)" >"$work/logs/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  "$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 3g --webui-port "$(free_port)" \
    --work-dir "$work/worker$i" "$master" >"$work/logs/worker$i.log" 2>&1 &
  pids+=($!)
done
# Wait (at most 60 s) until both workers have registered with the master.
registered() { grep -c 'Registering worker' "$work/logs/master.log" 2>/dev/null || true; }
for _ in $(seq 60); do
  [ "$(registered)" -ge 2 ] 2>/dev/null && break
  sleep 1
done
[ "$(registered)" -ge 2 ] 2>/dev/null || {
  echo "the Spark workers did not register with the master within 60 s" >&2
  exit 1
}

step "Spark job on $master"
sampler=""
if [ "$bench" = --bench ]; then
  # Peak of the summed RSS of the cluster's and the job's JVMs and Python workers.
  (peak=0
   while sleep 0.5; do
     kib=$(ps -eo rss=,args= | awk '/org[.]apache[.]spark|pyspark|independence[.]py/ && !/awk/ {s += $1} END {print s + 0}')
     [ "$kib" -gt "$peak" ] && peak=$kib && echo "$peak" >"$work/peak"
   done) &
  sampler=$!
  pids+=("$sampler")
fi
t=$SECONDS
spark/run.sh "$work/export" "$work/out" --master "$master" -- \
  --executor-memory 2g --driver-memory 2g 2>"$work/logs/job.log" || {
  tail -n 40 "$work/logs/job.log" >&2
  exit 1
}
grep '^corroborate-spark:' "$work/logs/job.log" || true
echo "Spark job in $((SECONDS - t)) s"
if [ -n "$sampler" ]; then
  kill "$sampler" 2>/dev/null || true
  echo "BENCH spark standalone (2 workers x 1 core): $((SECONDS - t)) s wall, peak summed RSS of the Spark JVMs and Python workers $(cat "$work/peak") KiB"
fi

step "compare every claim's answer"
LC_ALL=C sort "$work/cli.jsonl" >"$work/cli.sorted"
LC_ALL=C sort "$work/out/claims.jsonl" >"$work/spark.sorted"
cli_n=$(wc -l <"$work/cli.sorted")
spark_n=$(wc -l <"$work/spark.sorted")
if ! cmp -s "$work/cli.sorted" "$work/spark.sorted"; then
  echo "DIFFERENT: CLI $cli_n lines, Spark $spark_n lines; first differences:" >&2
  diff "$work/cli.sorted" "$work/spark.sorted" | head -n 10 | cut -c1-300 >&2
  exit 1
fi
[ "$cli_n" -gt 0 ] || { echo "no claims were compared" >&2; exit 1; }
echo "identical: $cli_n claims, CLI and Spark standalone (2 workers) agree line for line"
echo "spark equivalence took $((SECONDS - started)) s"
