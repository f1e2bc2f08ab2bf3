#!/usr/bin/python3
"""The scipy baseline for approach 3 (Hoffmann et al. 2022; Besiroglu et al. 2024): minimize
sum_i huber(delta, LSE(a - alpha ln N_i, b - beta ln D_i, e) - ln L_i) with L-BFGS-B and the analytic
gradient from starts of Hoffmann's grid (alpha, beta in {0, .5, ..., 2}, e in {-1, -.5, ..., 1},
a, b in {0, 5, ..., 25}: 4,500 starts, last axis fastest, as scalingfit orders them), keeping the best.

Usage: scipy_approach3.py FILE [STARTS] [--drop-highest-loss K]
  FILE   CSV with columns N (or 'Model Size'), D (or C / 'Training FLOP', D = C/(6N)) and loss
  STARTS run every (4500 / STARTS)-th start only, and extrapolate the time to the full grid
Prints one line: rows, starts run, seconds, seconds extrapolated to 4,500 starts, best objective.
Needs numpy and scipy (Debian: python3-numpy, python3-scipy)."""
import csv
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber

DELTA = 1e-3


def read(path, drop_highest):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    names = {k.lower(): k for k in rows[0]}
    n = np.array([float(r[names.get("n") or names["model size"]]) for r in rows])
    loss = np.array([float(r[names["loss"]]) for r in rows])
    if "d" in names:
        d = np.array([float(r[names["d"]]) for r in rows])
    else:
        c = np.array([float(r[names.get("c") or names["training flop"]]) for r in rows])
        d = c / (6 * n)
    if drop_highest:
        keep = np.argsort(loss, kind="stable")[: len(loss) - drop_highest]
        keep.sort()
        n, d, loss = n[keep], d[keep], loss[keep]
    return np.log(n), np.log(d), np.log(loss)


def objective(theta, ln_n, ln_d, ln_l):
    e, a, b, alpha, beta = theta
    t = np.stack([a - alpha * ln_n, b - beta * ln_d, np.full_like(ln_n, e)])
    top = t.max(axis=0)
    w = np.exp(t - top)
    total = w.sum(axis=0)
    w /= total
    r = top + np.log(total) - ln_l
    psi = np.clip(r, -DELTA, DELTA)
    grad = np.array([
        (psi * w[2]).sum(), (psi * w[0]).sum(), (psi * w[1]).sum(),
        -(psi * w[0] * ln_n).sum(), -(psi * w[1] * ln_d).sum()])
    return huber(DELTA, r).sum(), grad


def grid():
    axes = [np.arange(-1, 1.01, 0.5), np.arange(0, 25.1, 5), np.arange(0, 25.1, 5), np.arange(0, 2.01, 0.5), np.arange(0, 2.01, 0.5)]
    mesh = np.meshgrid(*axes, indexing="ij")
    return np.stack([m.ravel() for m in mesh], axis=1)


def main():
    args = [a for a in sys.argv[1:]]
    drop = 0
    if "--drop-highest-loss" in args:
        i = args.index("--drop-highest-loss")
        drop = int(args[i + 1])
        del args[i:i + 2]
    ln_n, ln_d, ln_l = read(args[0], drop)
    starts = grid()
    count = int(args[1]) if len(args) > 1 else len(starts)
    chosen = starts[:: max(1, len(starts) // count)][:count]
    best = np.inf
    began = time.perf_counter()
    with np.errstate(all="ignore"):
        for x0 in chosen:
            result = minimize(objective, x0, args=(ln_n, ln_d, ln_l), jac=True, method="L-BFGS-B",
                              options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
            if np.isfinite(result.fun) and result.fun < best:
                best = result.fun
    seconds = time.perf_counter() - began
    print(f"scipy L-BFGS-B: {len(ln_l)} rows, {len(chosen)} starts in {seconds:.2f} s "
          f"({seconds * len(starts) / len(chosen):.1f} s for all {len(starts)} starts), best objective {best:.11g}")


if __name__ == "__main__":
    main()
