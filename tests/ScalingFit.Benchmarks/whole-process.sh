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
#    (compiled with System.Linq.Expressions) and native (the vectorised tape);
#  - the same 1,000,000 rows as JSON Lines and as Parquet (goals: JSON Lines within 1.5x of the CSV
#    path, Parquet faster than it, both under 300 MB), beside pandas read_csv and
#    read_json(lines=True) on the same files (Debian's python3; pandas cannot read Parquet here:
#    no pyarrow or fastparquet).
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
jsonl="$work/big-$rows.jsonl"
parquet="$work/big-$rows.parquet"
[ -f "$jsonl" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$jsonl" "$rows" jsonl
[ -f "$parquet" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$parquet" "$rows" parquet
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

echo "formats: $(du -m "$jsonl" | cut -f1) MB of JSON Lines, $(du -m "$parquet" | cut -f1) MB of Parquet (the same rows)"
measure "JIT: scalingfit fit big.csv --law power --x N (CSV path)" "$bin" fit "$csv" --law power --x N
measure "JIT: scalingfit fit big.jsonl --law power --x N" "$bin" fit "$jsonl" --law power --x N
measure "JIT: scalingfit fit big.parquet --law power --x N" "$bin" fit "$parquet" --law power --x N
measure "native (AOT): scalingfit fit big.jsonl --law power --x N" "$aot" fit "$jsonl" --law power --x N
measure "native (AOT): scalingfit fit big.parquet --law power --x N" "$aot" fit "$parquet" --law power --x N
py=/usr/bin/python3
if "$py" -c "import pandas" 2>/dev/null; then
  measure "pandas $("$py" -c 'import pandas; print(pandas.__version__)'): read_csv(big.csv)" "$py" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$csv"
  measure "pandas: read_json(big.jsonl, lines=True)" "$py" -c "import pandas, sys; pandas.read_json(sys.argv[1], lines=True)" "$jsonl"
  "$py" -c "import pandas, sys; pandas.read_parquet(sys.argv[1])" "$parquet" >/dev/null 2>&1 || echo "pandas: read_parquet unavailable here (no pyarrow or fastparquet)"
fi
