#!/usr/bin/python3
"""Coverage of 95% intervals when rows are checkpoints of fewer runs (issue 11).

Synthetic runs with known truth: G runs (sizes N spread over 2 decades, several seeds per size),
each logged at M checkpoints D along its training curve. The loss is a joint power law
    ln L = ln k + a_N ln N + a_D ln D + u_run + e_checkpoint
with a run-level effect u (seed, data order: shared by every checkpoint of a run) and checkpoint
noise e. Each seed is fitted twice by the shipped CLI:
    rows      every row an independent run (the old behaviour)
    clustered --select all --run-column run: CR1 covariance clustered by run, t with G-1 df,
              and for the nonlinear law the bootstrap resampling whole runs
and we count how often the 95% interval of the exponent covers its true value.

Usage: python3 tests/simulations/cluster-coverage.py [--seeds 40] [--cli PATH] [--bootstrap 0] [--sizes 8] [--runs-per-size 3] [--checkpoints 40]
  --bootstrap K > 0 also fits the saturating-in-D law L = E + A/N^alpha + B/D^beta (chinchilla)
  with K resamples per fit (slow: minutes per seed on 2 cores).
"""
import argparse, json, os, subprocess, sys, tempfile
import numpy as np

TRUE = {"logK": np.log(60.0), "aN": -0.076, "aD": -0.095}
CHIN = {"E": 1.7, "A": 400.0, "alpha": 0.34, "B": 410.0, "beta": 0.28}


def runs(rng, sizes=8, seeds=3, checkpoints=40, run_sd=0.03, ckpt_sd=0.01, law="joint"):
    rows = []
    for s, n in enumerate(np.logspace(7, 9, sizes)):
        for seed in range(seeds):
            u = rng.normal(0, run_sd)
            for d in np.logspace(np.log10(2 * n), np.log10(40 * n), checkpoints):
                e = rng.normal(0, ckpt_sd)
                if law == "joint":
                    ll = TRUE["logK"] + TRUE["aN"] * np.log(n) + TRUE["aD"] * np.log(d)
                    loss = np.exp(ll + u + e)
                else:
                    loss = (CHIN["E"] + CHIN["A"] / n ** CHIN["alpha"] + CHIN["B"] / d ** CHIN["beta"]) * np.exp(u + e)
                rows.append((f"s{s}-seed{seed}", n, d, loss))
    return rows


def fit(cli, path, extra):
    out = subprocess.run(cli + ["fit", path, "--json", "--n-column", "N", "--d-column", "D", "--loss-column", "loss"] + extra,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


def covered(result, name, truth):
    lo, hi = result["ci95"][name]
    return lo <= truth <= hi, hi - lo


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "../../src/ScalingFit.Cli/bin/Release/net10.0/scalingfit"))
    ap.add_argument("--bootstrap", type=int, default=0)
    ap.add_argument("--sizes", type=int, default=8, help="model sizes, log-spaced over 1e7..1e9")
    ap.add_argument("--runs-per-size", type=int, default=3, help="runs (seeds) of each size")
    ap.add_argument("--checkpoints", type=int, default=40, help="checkpoints logged per run")
    args = ap.parse_args()
    cli = [args.cli]
    tally = {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            rng = np.random.default_rng(seed)
            cases = [("joint", ["--law", "joint", "--x", "N,D"], [("aN", TRUE["aN"]), ("aD", TRUE["aD"])])]
            if args.bootstrap > 0:
                cases.append(("chinchilla", ["--law", "chinchilla", "--bootstrap", str(args.bootstrap), "--seed", str(seed + 1)],
                              [("alpha", CHIN["alpha"]), ("beta", CHIN["beta"])]))
            for law, flags, params in cases:
                path = os.path.join(tmp, f"{law}-{seed}.csv")
                with open(path, "w") as f:
                    f.write("run,N,D,loss\n")
                    for r in runs(rng, sizes=args.sizes, seeds=args.runs_per_size, checkpoints=args.checkpoints, law=law):
                        f.write(f"{r[0]},{r[1]:.6g},{r[2]:.6g},{r[3]:.8g}\n")
                for mode, more in (("rows", []), ("clustered", ["--run-column", "run", "--select", "all"])):
                    result = fit(cli, path, flags + more)
                    for name, truth in params:
                        ok, width = covered(result, name, truth)
                        t = tally.setdefault((law, name, mode), [0, 0, []])
                        t[0] += ok
                        t[1] += 1
                        t[2].append(width)
            print(f"seed {seed + 1}/{args.seeds}", file=sys.stderr)
    print("| law | parameter | intervals | covered | coverage | median width |")
    print("|---|---|---|---|---|---|")
    for (law, name, mode), (ok, n, widths) in tally.items():
        print(f"| {law} | {name} | {mode} | {ok}/{n} | {100 * ok / n:.0f}% | {np.median(widths):.3g} |")


if __name__ == "__main__":
    main()
