#!/usr/bin/python3
"""Coverage of the IsoFLOP exponent's 95% intervals on checkpoint data (issue 11).

Each seed writes every checkpoint of 24 runs (12 sizes x 2 seeds, 60 checkpoints each, all ending at
C = 6e20) drawn from L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (a = 0.28/0.62 = 0.4516) with a run-level
effect exp(u), u ~ N(0, 0.005), and checkpoint noise exp(e), e ~ N(0, 0.002), by
samples/isoflop_checkpoints.py's own rows(seed), and runs `scalingfit isoflop --json --bootstrap K` on it. It
counts how often the t interval of a (budgets taken as independent points) and the bootstrap's
percentile interval (whole runs resampled, the analysis redone) cover a = 0.4516.

Usage: /usr/bin/python3 tests/simulations/isoflop-coverage.py [--seeds 40] [--bootstrap 200] [--cli PATH]
"""
import argparse, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../samples"))
from isoflop_checkpoints import ALPHA, BETA, HEADER, rows  # noqa: E402  (the sample's own generator)

TRUE_A = BETA / (ALPHA + BETA)


def write(path, seed):
    with open(path, "w") as f:
        f.write(HEADER + "\n")
        for line in rows(seed):
            f.write(line + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--bootstrap", type=int, default=200)
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "../../src/ScalingFit.Cli/bin/Release/net10.0/scalingfit"))
    args = ap.parse_args()
    tally = {"t": [0, []], "bootstrap": [0, []]}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            path = os.path.join(tmp, f"ck-{seed}.csv")
            write(path, 1000 + seed)
            out = subprocess.run([args.cli, "isoflop", path, "--json", "--bootstrap", str(args.bootstrap), "--seed", str(seed + 1)],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                raise SystemExit(out.stderr)
            r = json.loads(out.stdout)
            for name, (lo, hi) in (("t", r["ci95"]["a"]), ("bootstrap", r["bootstrap"]["a"])):
                tally[name][0] += lo <= TRUE_A <= hi
                tally[name][1].append(hi - lo)
            print(f"seed {seed + 1}/{args.seeds}", file=sys.stderr)
    print("| interval of a | covered | coverage | median width |")
    print("|---|---|---|---|")
    for name, (ok, widths) in tally.items():
        widths.sort()
        print(f"| {name} | {ok}/{args.seeds} | {100 * ok / args.seeds:.0f}% | {widths[len(widths) // 2]:.3g} |")


if __name__ == "__main__":
    main()
