#!/usr/bin/env bash
# Streaming selection (issue 13, item 2): a training log of RUNS × CHECKPOINTS rows (CheckpointLogGenerator:
# run, step, N, D, C, loss; step-major, so every run stays open until the last rows) read with one
# checkpoint kept per run,
#   scalingfit fit LOG --run-column run --step-column step --select last --law power --x N
# Wall time, throughput (MB/s) and peak RSS (GNU time), medians of REPEATS runs after a warm-up, beside
# `wc -l` on the same file in the same run, and beside the tool before streaming (it read the whole log,
# then selected: built from BASELINE_REF) on logs of up to BASELINE_MAX_ROWS rows (it needs memory for all).
# The logs are deleted at the end (KEEP=1 keeps them). 10⁸ rows is about 6.4 GB: check `df -h /tmp` first.
# Usage: tests/ScalingFit.Benchmarks/streaming.sh [CHECKPOINTS...]   (default: 100 1000 10000, i.e. 10⁶, 10⁷, 10⁸ rows)
#   env: RUNS (10000), REPEATS (3), BIG_REPEATS (1, for logs over 2·10⁷ rows), BASELINE_MAX_ROWS (10000000),
#        BASELINE_REF (the last commit before streaming selection)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-10000}
repeats=${REPEATS:-3}
big_repeats=${BIG_REPEATS:-1}
baseline_max=${BASELINE_MAX_ROWS:-10000000}
baseline_ref=${BASELINE_REF:-9d8f7d186094542944a6bd8e1bbae5337453b0df}
checkpoints=${*:-100 1000 10000}
work=${TMPDIR:-/tmp}/scalingfit-streaming
mkdir -p "$work"

dotnet build -c Release src/ScalingFit.Cli -nologo -v q >/dev/null
dotnet build -c Release tests/ScalingFit.Benchmarks -nologo -v q >/dev/null
bin=src/ScalingFit.Cli/bin/Release/net10.0/scalingfit
if [ ! -x "$work/baseline/src/ScalingFit.Cli/bin/Release/net10.0/scalingfit" ]; then
  rm -rf "$work/baseline" && mkdir -p "$work/baseline"
  git archive "$baseline_ref" | tar -x -C "$work/baseline"
  dotnet build -c Release "$work/baseline/src/ScalingFit.Cli" -nologo -v q >/dev/null
fi
baseline="$work/baseline/src/ScalingFit.Cli/bin/Release/net10.0/scalingfit"

# measure LABEL COUNT BYTES COMMAND...: median wall time, MB/s and peak RSS of COUNT runs (after one warm-up run).
measure() {
  local label=$1 count=$2 bytes=$3; shift 3
  local samples="$work/samples.txt"
  : > "$samples"
  if [ "$count" -gt 1 ]; then "$@" >/dev/null 2>&1 || true; fi   # warm up (the log is in the page cache already)
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %M" -a -o "$samples" "$@" >"$work/output.txt" 2>&1
  done
  local s mb
  s=$(awk '{print $1}' "$samples" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mb=$(awk '{print $2}' "$samples" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '  %-58s %8.2f s  %7.0f MB/s  peak RSS %6s MB  (%s runs)\n' "$label" "$s" "$(awk -v b="$bytes" -v s="$s" 'BEGIN {print b / 1e6 / (s > 0 ? s : 0.01)}')" "$mb" "$count"
}

select_args=(--run-column run --step-column step --select last --law power --x N)
for k in $checkpoints; do
  rows=$((runs * k))
  log="$work/log-$runs-$k.csv"
  [ -f "$log" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks --no-build -- generate-log "$log" "$runs" "$k"
  bytes=$(stat -c %s "$log")
  n=$repeats; [ "$rows" -gt 20000000 ] && n=$big_repeats
  echo "$rows rows ($runs runs × $k checkpoints), $((bytes / 1000000)) MB: $log"
  cat "$log" >/dev/null
  measure "baseline: wc -l" "$n" "$bytes" wc -l "$log"
  if [ "$rows" -le "$baseline_max" ]; then
    measure "before (read whole, then select): same command" "$n" "$bytes" "$baseline" fit "$log" "${select_args[@]}"
  fi
  measure "streaming: scalingfit fit LOG ${select_args[*]}" "$n" "$bytes" "$bin" fit "$log" "${select_args[@]}"
  grep -E "^note +kept" "$work/output.txt" | sed 's/^/  /' || true   # the notes of the last run measured
  [ "${KEEP:-0}" = 1 ] || rm -f "$log"
done
