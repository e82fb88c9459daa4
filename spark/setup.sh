#!/usr/bin/env bash
# Makes spark/run.sh's environment: the venv VENV (default spark/.venv) with the
# pinned packages of requirements.txt, and the engine's abi3 wheel built by maturin
# from this workspace and installed into it. Idempotent: a second run installs
# nothing unless requirements.txt or the wheel changed. The wheel is built with the
# release profile; CORROBORATE_CARGO_PROFILE=dev builds it with the dev profile
# instead (CI does: the dev profile builds dependencies at opt-level 2 without debug
# info, faster than release, and only the glue crates run unoptimised). The wheel
# does not reuse what `cargo test` compiled: it builds the library without default
# features, so cargo resolves its dependencies' features differently.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${1:-$here/.venv}
command -v java >/dev/null || { echo "setup.sh: java (17 or newer) is needed by Spark and is not on PATH" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s "$here/requirements.txt" "$venv/.corroborate-requirements"; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/.corroborate-requirements"
fi
wheels="$here/../target/wheels"
# cargo decides what to rebuild; an unchanged wheel is not reinstalled.
profile=${CORROBORATE_CARGO_PROFILE:-release}
"$venv/bin/maturin" build --quiet --profile "$profile" --locked --manifest-path "$here/Cargo.toml" -o "$wheels" >&2
wheel=$(ls -t "$wheels"/corroborate_spark-*.whl | head -n 1)
sum=$(sha256sum "$wheel" | cut -d' ' -f1)
if [ "$(cat "$venv/.corroborate-wheel" 2>/dev/null)" != "$sum" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
  echo "$sum" > "$venv/.corroborate-wheel"
fi
