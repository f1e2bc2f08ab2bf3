"""Writes nonembedding_runs.csv: runs generated in TOTAL parameters from a known Chinchilla law and
written with NON-EMBEDDING N, for --parameter-convention non-embedding --vocab 50257.

Truth: L = 1.69 + 406.4/N_total^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022's fitted values), times
exp(0.003 z), z ~ N(0, 1) from random.Random(11). Ten widths d_model 128..1280 with n_layer =
d_model/64; N (written) = 12 n_layer d_model^2 (Kaplan's non-embedding estimate); N_total = N +
50257 d_model (GPT-2 vocabulary, tied head, no learned positions); D = N_total x (5, 10, 20, 40, 80).
Run: python3 samples/nonembedding_runs.py > samples/nonembedding_runs.csv
"""
import math
import random

V, E, A, B, ALPHA, BETA = 50257, 1.69, 406.4, 410.7, 0.34, 0.28
rng = random.Random(11)
print("d_model,n_layer,N,D,loss")
for d in (128, 192, 256, 320, 384, 512, 640, 768, 1024, 1280):
    layers = d // 64
    non_embedding = 12 * layers * d * d
    total = non_embedding + V * d
    for ratio in (5, 10, 20, 40, 80):
        tokens = ratio * total
        loss = (E + A / total ** ALPHA + B / tokens ** BETA) * math.exp(0.003 * rng.gauss(0, 1))
        print(f"{d},{layers},{non_embedding},{tokens:.6g},{loss:.6f}")
