#!/usr/bin/env bash
# The "scaling" section of whole-process.sh (issue 13): see there. Usage: scaling.sh WORKDIR REPEATS
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$1
repeats=$2
slow=${EXHAUSTIVE_REPEATS:-3}
python=/usr/bin/python3
scipy=tests/ScalingFit.Benchmarks/scipy_approach3.py
source <(sed -n '/^measure() {/,/^}/p' tests/ScalingFit.Benchmarks/whole-process.sh)

# The tool as users install it: the RID-specific native package (and the portable fallback) from a local folder.
rm -rf "$work/nupkg" "$work/tool"
.ci/pack-tool "$work/nupkg" >/dev/null
dotnet tool install --tool-path "$work/tool" --source "$work/nupkg" ScalingFit.Tool >/dev/null
dotnet build -c Release src/ScalingFit.Cli -nologo -v q >/dev/null   # packing leaves the JIT build without its apphost
tool="$work/tool/scalingfit"
echo "scaling: installed $(readlink -f "$tool" | sed 's|.*/\.store/||') ($(file -b "$(readlink -f "$tool")" | cut -d, -f1-2))"
measure "baseline: installed native scalingfit --help (start-up)" "$repeats" "$tool" --help
measure "baseline: JIT scalingfit --help (start-up)" "$repeats" src/ScalingFit.Cli/bin/Release/net10.0/scalingfit --help

# The issue's synthetic log, made with this machine's awk (mawk and gawk differ in rand()).
log="$work/issue13-1m.csv"
if [ ! -f "$log" ]; then
  awk 'BEGIN{srand(7); print "run,N,D,C,loss"; for(i=0;i<1000000;i++){n=10^(7+4*rand()); d=10^(9+3*rand()); l=(1.69+406.4/n^0.34+410.7/d^0.28)*exp(0.01*(rand()-0.5)); printf "r%d,%.10g,%.10g,%.10g,%.10g\n", i%5000, n, d, 6*n*d, l}}' > "$log"
fi
first=$(sed -n 2p "$log" | cut -d, -f1-3)
if [ "$first" != "r0,886373079.8,4.017281244e+11" ]; then
  echo "warning: the first data row is '$first', not the issue's 'r0,886373079.8,4.017281244e+11' (is awk mawk?)"
fi
for k in 20000 100000; do head -n $((k + 1)) "$log" > "$work/issue13-$k.csv"; done
cp "$log" "$work/issue13-1000000.csv" 2>/dev/null || true

# check FILE: the fit's objective and whether every 95% interval holds the generating law.
check() {
  "$tool" fit "$1" --law chinchilla --json | $python -c '
import json, sys
d = json.load(sys.stdin)
truth = {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}
parts = []
for name, value in truth.items():
    lo, hi = d["ci95"][name]
    verdict = "holds" if lo <= value <= hi else "MISSES"
    parts.append("%s %.5g [%.5g, %.5g] %s %g" % (name, d["parameters"][name], lo, hi, verdict, value))
print("    objective %.11g; %s" % (d["objective"], "; ".join(parts)))'
}

echo "approach 3 on the 240 built-in runs"
measure "installed native: scalingfit fit --law chinchilla (screened)" "$repeats" "$tool" fit --law chinchilla
measure "installed native: ... --starts exhaustive" "$repeats" "$tool" fit --law chinchilla --starts exhaustive
$python $scipy data/chinchilla.csv 450 --drop-highest-loss 5

for k in 20000 100000 1000000; do
  f="$work/issue13-$k.csv"
  echo "approach 3 on the first $k rows of the issue's log"
  measure "installed native: scalingfit fit FILE --law chinchilla (screened)" "$([ $k -le 100000 ] && echo "$repeats" || echo "$slow")" "$tool" fit "$f" --law chinchilla
  check "$f"
  if [ $k -eq 20000 ]; then
    measure "installed native: ... --starts exhaustive" "$slow" "$tool" fit "$f" --law chinchilla --starts exhaustive
    $python $scipy "$f" 100
    measure "installed native: ... --bootstrap 1000 (screened)" "$repeats" "$tool" fit "$f" --law chinchilla --bootstrap 1000
  fi
done
