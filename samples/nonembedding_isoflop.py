"""Writes nonembedding_isoflop.csv: IsoFLOP runs generated in TOTAL parameters from a known Chinchilla
law and written with NON-EMBEDDING N, for --parameter-convention non-embedding --vocab 50257.

Truth: L = 1.69 + 406.4/N_total^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022's fitted values), times
exp(0.003 z), z ~ N(0, 1) from random.Random(5); N_opt ∝ C^a with a = 0.28/0.62 = 0.4516 in total
parameters. Seven budgets C = 1e17 to 1e20 FLOP, nine sizes each a factor sqrt(2) apart in total N
about the true N_opt; widths d_model (multiples of 4) at d_model/n_layer = 64, so N (written) =
12 n_layer d_model^2 = 0.1875 d_model^3; N_total = N + 50257 d_model (GPT-2 vocabulary, tied head);
D = C/(6 N_total); the C column is the budget (it counts the embeddings).
Run: python3 samples/nonembedding_isoflop.py > samples/nonembedding_isoflop.csv
"""
import math
import random

V, E, A, B, ALPHA, BETA = 50257, 1.69, 406.4, 410.7, 0.34, 0.28
a = BETA / (ALPHA + BETA)


def total(d):
    return 0.1875 * d ** 3 + V * d


def width(target):
    best, d = 4, 4
    while d < 100000:
        if abs(math.log(total(d) / target)) < abs(math.log(total(best) / target)):
            best = d
        if total(d) > 2 * target:
            break
        d += 4
    return best


rng = random.Random(5)
print("d_model,N,D,C,loss")
for c in (1e17, 3e17, 1e18, 3e18, 1e19, 3e19, 1e20):
    center = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA)) * (c / 6) ** a
    for k in range(-4, 5):
        d = width(center * 2 ** (k / 2))
        n_total = total(d)
        tokens = c / (6 * n_total)
        loss = (E + A / n_total ** ALPHA + B / tokens ** BETA) * math.exp(0.003 * rng.gauss(0, 1))
        print(f"{d},{int(0.1875 * d ** 3)},{tokens:.6g},{c:.6g},{loss:.6f}")
