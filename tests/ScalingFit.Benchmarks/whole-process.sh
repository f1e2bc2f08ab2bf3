#!/usr/bin/env bash
# Whole-process wall time and peak memory, medians of repeated runs, with baselines measured in the
# same run (the program's start-up, `scalingfit --help`, and reading the file, `cat`):
#  - `scalingfit fit big.csv --law power --x N` on a generated 1,000,000-row, 5-column runs CSV;
#  - `scalingfit fit --law chinchilla --drop-highest-loss 5` (4,500 starts) on the built-in data;
#  - the same with `--bootstrap 4000`;
#  - `scalingfit report --bootstrap 1000` on the built-in data: every law fitted, compared and
#    bootstrapped, the allocation, the IsoFLOP analysis and nine figures (goal: under 5 s);
#  - user laws: the Chinchilla formula 'E + A/N^alpha + B/D^beta' from its default starts (goal:
#    under 2 s, reaching objective 0.00101827) and a 3-parameter formula (goal: under 0.5 s), JIT
#    (compiled with System.Linq.Expressions) and native (the vectorised tape).
# Usage: tests/ScalingFit.Benchmarks/whole-process.sh [ROWS] [REPEATS]   (needs GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
repeats=${2:-9}
work=${TMPDIR:-/tmp}/scalingfit-whole-process
mkdir -p "$work"
csv="$work/big-$rows.csv"

dotnet build -c Release src/ScalingFit.Cli -nologo -v q >/dev/null
dotnet publish src/ScalingFit.Cli -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet=x86-64-v3 -o "$work/aot" -nologo -v q >/dev/null
[ -f "$csv" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$csv" "$rows"
bin=src/ScalingFit.Cli/bin/Release/net10.0/scalingfit
aot="$work/aot/scalingfit"

measure() {
  local label=$1; shift
  local samples="$work/samples.txt"
  : > "$samples"
  "$@" >/dev/null 2>&1 || true   # warm the page cache
  for _ in $(seq "$repeats"); do
    /usr/bin/time -f "%e %M" -a -o "$samples" "$@" >/dev/null
  done
  local median_s median_mb
  median_s=$(awk '{print $1}' "$samples" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_mb=$(awk '{print $2}' "$samples" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '%-64s median %6.2f s   peak RSS %5s MB   (%s runs)\n' "$label" "$median_s" "$median_mb" "$repeats"
}

echo "file: $csv ($(du -m "$csv" | cut -f1) MB, $rows rows)"
measure "baseline: cat big.csv" cat "$csv"
measure "baseline: JIT scalingfit --help (start-up)" "$bin" --help
measure "baseline: native scalingfit --help (start-up)" "$aot" --help
measure "native (AOT): scalingfit fit big.csv --law power --x N" "$aot" fit "$csv" --law power --x N
measure "native (AOT): ... --json" "$aot" fit "$csv" --law power --x N --json
measure "JIT (dotnet build): scalingfit fit big.csv --law power --x N" "$bin" fit "$csv" --law power --x N
measure "JIT (dotnet build): ... --json" "$bin" fit "$csv" --law power --x N --json
measure "native (AOT): scalingfit fit --law chinchilla --drop-highest-loss 5" "$aot" fit --law chinchilla --drop-highest-loss 5
measure "JIT: scalingfit fit --law chinchilla --drop-highest-loss 5" "$bin" fit --law chinchilla --drop-highest-loss 5
measure "JIT: ... --bootstrap 4000" "$bin" fit --law chinchilla --drop-highest-loss 5 --bootstrap 4000
measure "JIT: scalingfit fit --law 'E + A/N^alpha + B/D^beta'" "$bin" fit --law 'E + A/N^alpha + B/D^beta'
measure "native (AOT): scalingfit fit --law 'E + A/N^alpha + B/D^beta'" "$aot" fit --law 'E + A/N^alpha + B/D^beta'
measure "JIT: scalingfit fit --law 'E + A*N^(-alpha)'" "$bin" fit --law 'E + A*N^(-alpha)'
measure "native (AOT): scalingfit fit --law 'E + A*N^(-alpha)'" "$aot" fit --law 'E + A*N^(-alpha)'
"$bin" fit --law 'E + A/N^alpha + B/D^beta' --json | grep '"objective"'
measure "JIT: scalingfit report --out DIR --bootstrap 1000" "$bin" report --out "$work/report" --bootstrap 1000
measure "native (AOT): scalingfit report --out DIR --bootstrap 1000" "$aot" report --out "$work/report" --bootstrap 1000
