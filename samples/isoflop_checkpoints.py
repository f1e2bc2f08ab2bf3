"""Writes isoflop-checkpoints.csv: every checkpoint of 24 runs, for an IsoFLOP analysis of checkpoint data.

Truth: L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022's fitted values), so the compute-optimal
N_opt grows as C^a with a = 0.28/0.62 = 0.4516. Twelve sizes N log-spaced over 3.16e7..3.16e9, two runs
(seeds) of each; a run-level effect exp(u), u ~ N(0, 0.005), and a checkpoint effect exp(e), e ~ N(0, 0.002),
from random.Random(5). Every run ends at C = 6ND = 6e20 and logs 60 checkpoints from D = 1e8 up, spaced
evenly in ln D. The loss of a checkpoint is the law's at its own D: no learning-rate schedule is simulated.
tests/simulations/isoflop-coverage.py draws its data sets with rows() below, under other seeds.
Run: python3 samples/isoflop_checkpoints.py > samples/isoflop-checkpoints.csv
"""
import math
import random

E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28
HEADER = "run,step,N,D,loss"


def rows(seed):
    """The CSV lines (without the header) of one data set drawn with random.Random(seed)."""
    rng = random.Random(seed)
    for i in range(12):
        n = 10 ** (7.5 + 2 * i / 11)
        for s in range(2):
            u = rng.gauss(0, 0.005)
            d_end = 6e20 / (6 * n)
            for step in range(60):
                d = 1e8 * (d_end / 1e8) ** (step / 59)
                loss = (E + A / n ** ALPHA + B / d ** BETA) * math.exp(u + rng.gauss(0, 0.002))
                yield f"r{i}-s{s},{step + 1},{n:.6g},{d:.6g},{loss:.6g}"


if __name__ == "__main__":
    print(HEADER)
    for line in rows(5):
        print(line)
