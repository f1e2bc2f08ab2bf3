#!/usr/bin/env bash
# Whole-process wall time and peak memory, medians of repeated runs, with baselines measured in the
# same run (the program's start-up, `scalingfit --help`; reading the file, `cat`; pandas; scipy):
#  ingestion  `scalingfit fit big.csv --law power --x N` on a generated 1,000,000-row, 5-column runs CSV;
#             the same rows as JSON Lines and as Parquet (goals: JSON Lines within 1.5x of the CSV path,
#             Parquet faster than it, both under 300 MB), beside pandas read_csv and read_json(lines=True)
#             on the same files (Debian's python3; pandas cannot read Parquet here: no pyarrow or fastparquet);
#  chinchilla `scalingfit fit --law chinchilla --drop-highest-loss 5` (4,500 starts) on the built-in data,
#             and with `--bootstrap 4000`;
#  formulas   user laws: the Chinchilla formula 'E + A/N^alpha + B/D^beta' from its default starts (goal:
#             under 2 s, reaching objective 0.00101827) and a 3-parameter formula (goal: under 0.5 s), JIT
#             (compiled with System.Linq.Expressions) and native (the vectorised tape);
#  report     `scalingfit report --bootstrap 1000` on the built-in data: every law fitted, compared and
#             bootstrapped, the allocation, the IsoFLOP analysis and nine figures (goal: under 5 s);
#  scaling    issue 13, "fits that scale", with the tool installed as users install it (the RID-specific
#             Native AOT package, from a local folder source, into a --tool-path): approach 3 on the 240
#             built-in runs (goal 0.5 s) and on the first 20,000, 100,000 and 1,000,000 rows of the issue's
#             synthetic log (goals 3 s, 10 s, 60 s), screened against `--starts exhaustive` and scipy's
#             L-BFGS-B from a subset of the starts (extrapolated to all 4,500); a 1,000-resample bootstrap
#             on 20,000 rows (goal 10 s); the objective and whether each interval holds the generating law.
# Usage: tests/ScalingFit.Benchmarks/whole-process.sh [ROWS] [REPEATS] [SECTIONS...]
#   (needs GNU time; the scaling section needs /usr/bin/python3 with numpy and scipy, and mawk as awk
#   for the issue's exact file; EXHAUSTIVE_REPEATS (default 3) repeats the slow exhaustive runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
repeats=${2:-9}
shift 2 || shift $# || true
sections=${*:-ingestion chinchilla formulas report scaling}
work=${TMPDIR:-/tmp}/scalingfit-whole-process
mkdir -p "$work"
csv="$work/big-$rows.csv"

dotnet build -c Release src/ScalingFit.Cli -nologo -v q >/dev/null
dotnet publish src/ScalingFit.Cli -c Release -r linux-x64 -o "$work/aot" -nologo -v q >/dev/null
bin=src/ScalingFit.Cli/bin/Release/net10.0/scalingfit
aot="$work/aot/scalingfit"

# measure LABEL REPEATS COMMAND...: median wall time and peak RSS of REPEATS runs (after one warm-up run).
measure() {
  local label=$1 count=$2; shift 2
  local samples="$work/samples.txt"
  : > "$samples"
  "$@" >/dev/null 2>&1 || true   # warm the page cache
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %M" -a -o "$samples" "$@" >/dev/null
  done
  local median_s median_mb
  median_s=$(awk '{print $1}' "$samples" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_mb=$(awk '{print $2}' "$samples" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  printf '%-72s median %7.2f s   peak RSS %5s MB   (%s runs)\n' "$label" "$median_s" "$median_mb" "$count"
}

echo "baseline: start-up"
measure "JIT scalingfit --help (start-up)" "$repeats" "$bin" --help
measure "native scalingfit --help (start-up)" "$repeats" "$aot" --help

if [[ " $sections " == *" ingestion "* ]]; then
  [ -f "$csv" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$csv" "$rows"
  jsonl="$work/big-$rows.jsonl"
  parquet="$work/big-$rows.parquet"
  [ -f "$jsonl" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$jsonl" "$rows" jsonl
  [ -f "$parquet" ] || dotnet run -c Release --project tests/ScalingFit.Benchmarks -- generate "$parquet" "$rows" parquet
  echo "ingestion: $csv ($(du -m "$csv" | cut -f1) MB, $rows rows)"
  measure "baseline: cat big.csv" "$repeats" cat "$csv"
  measure "native (AOT): scalingfit fit big.csv --law power --x N" "$repeats" "$aot" fit "$csv" --law power --x N
  measure "native (AOT): ... --json" "$repeats" "$aot" fit "$csv" --law power --x N --json
  measure "JIT (dotnet build): scalingfit fit big.csv --law power --x N" "$repeats" "$bin" fit "$csv" --law power --x N
  measure "JIT (dotnet build): ... --json" "$repeats" "$bin" fit "$csv" --law power --x N --json

  echo "formats: $(du -m "$jsonl" | cut -f1) MB of JSON Lines, $(du -m "$parquet" | cut -f1) MB of Parquet (the same rows)"
  measure "JIT: scalingfit fit big.jsonl --law power --x N" "$repeats" "$bin" fit "$jsonl" --law power --x N
  measure "JIT: scalingfit fit big.parquet --law power --x N" "$repeats" "$bin" fit "$parquet" --law power --x N
  measure "native (AOT): scalingfit fit big.jsonl --law power --x N" "$repeats" "$aot" fit "$jsonl" --law power --x N
  measure "native (AOT): scalingfit fit big.parquet --law power --x N" "$repeats" "$aot" fit "$parquet" --law power --x N
  py=/usr/bin/python3
  if "$py" -c "import pandas" 2>/dev/null; then
    measure "pandas $("$py" -c 'import pandas; print(pandas.__version__)'): read_csv(big.csv)" "$repeats" "$py" -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$csv"
    measure "pandas: read_json(big.jsonl, lines=True)" "$repeats" "$py" -c "import pandas, sys; pandas.read_json(sys.argv[1], lines=True)" "$jsonl"
    "$py" -c "import pandas, sys; pandas.read_parquet(sys.argv[1])" "$parquet" >/dev/null 2>&1 || echo "pandas: read_parquet unavailable here (no pyarrow or fastparquet)"
  fi
fi

if [[ " $sections " == *" chinchilla "* ]]; then
  echo "chinchilla: the built-in runs"
  measure "native (AOT): scalingfit fit --law chinchilla --drop-highest-loss 5" "$repeats" "$aot" fit --law chinchilla --drop-highest-loss 5
  measure "JIT: scalingfit fit --law chinchilla --drop-highest-loss 5" "$repeats" "$bin" fit --law chinchilla --drop-highest-loss 5
  measure "JIT: ... --bootstrap 4000" "$repeats" "$bin" fit --law chinchilla --drop-highest-loss 5 --bootstrap 4000
fi

if [[ " $sections " == *" formulas "* ]]; then
  echo "formulas: laws from the command line, on the built-in runs"
  measure "JIT: scalingfit fit --law 'E + A/N^alpha + B/D^beta'" "$repeats" "$bin" fit --law 'E + A/N^alpha + B/D^beta'
  measure "native (AOT): scalingfit fit --law 'E + A/N^alpha + B/D^beta'" "$repeats" "$aot" fit --law 'E + A/N^alpha + B/D^beta'
  measure "JIT: scalingfit fit --law 'E + A*N^(-alpha)'" "$repeats" "$bin" fit --law 'E + A*N^(-alpha)'
  measure "native (AOT): scalingfit fit --law 'E + A*N^(-alpha)'" "$repeats" "$aot" fit --law 'E + A*N^(-alpha)'
  "$bin" fit --law 'E + A/N^alpha + B/D^beta' --json | grep '"objective"'
fi

if [[ " $sections " == *" report "* ]]; then
  echo "report"
  measure "JIT: scalingfit report --out DIR --bootstrap 1000" "$repeats" "$bin" report --out "$work/report" --bootstrap 1000
  measure "native (AOT): scalingfit report --out DIR --bootstrap 1000" "$repeats" "$aot" report --out "$work/report" --bootstrap 1000
fi

if [[ " $sections " == *" scaling "* ]]; then
  tests/ScalingFit.Benchmarks/scaling.sh "$work" "$repeats"
fi
