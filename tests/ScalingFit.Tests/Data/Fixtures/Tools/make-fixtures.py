"""Writes the text fixtures of Data/Fixtures/Tools with other tools than ScalingFit: Python's json,
csv and gzip modules and pandas 1.5.3 (Debian's /usr/bin/python3). Each holds the six runs of
SmallTable.cs, some with rows added as said. Run from this folder: /usr/bin/python3 make-fixtures.py
"""
import csv, gzip, json
import pandas as pd

runs = ["r1", "r2", "r3", "r4", "r5", "r6"]
family = ["pythia", "pythia", "pythia", "qwen", "qwen", "qwen"]
N = [70000000, 160000000, 410000000, 500000000, 1500000000, 7000000000]
D = [3e11, 3e11, 3e11, 2.2e12, 2.2e12, 2.2e12]
loss = [3.34, 3.05, 2.79, 2.61, 2.37, 2.11]
records = [dict(run=r, family=f, N=n, D=d, loss=l) for r, f, n, d, l in zip(runs, family, N, D, loss)]

# json.dump's default (allow_nan=True) writes NaN, Infinity and -Infinity for diverged runs:
# three such runs after the six, and a string that holds the words (it is not a number).
diverged = [dict(run="x1", family="qwen", N=9e9, D=2.2e12, loss=float("nan")),
            dict(run="x2", family="qwen", N=1e10, D=2.2e12, loss=float("inf")),
            dict(run="x3", family="qwen", N=2e10, D=2.2e12, loss=-float("inf"), note='NaN and "Infinity"')]
with open("python-nan.jsonl", "w") as f:
    for r in records + diverged:
        f.write(json.dumps(r) + "\n")
with open("python-nan.json", "w") as f:
    json.dump(records + diverged, f, indent=2)

# JSON Lines whose lines are longer than the 8 KB the format sniffer looks at: a run summary
# with 600 config keys per record (as W&B run exports have).
with open("long-lines.jsonl", "w") as f:
    for r in records:
        f.write(json.dumps({**r, "config": {f"hp_{k:03d}": k * 0.001 for k in range(600)}}) + "\n")

# gzip with several members (cat a.gz b.gz, pigz, bgzip write such files): rows split in three.
text = "run,family,N,D,loss\n" + "".join(f"{r['run']},{r['family']},{r['N']},{r['D']!r},{r['loss']!r}\n" for r in records)
parts = [text[:60], text[60:150], text[150:]]
with open("multi-member.csv.gz", "wb") as f:
    for p in parts:
        f.write(gzip.compress(p.encode()))
# The same, cut 5 bytes short (a truncated download): the last member's trailer is gone.
with open("multi-member.csv.gz", "rb") as f:
    whole = f.read()
with open("multi-member-truncated.csv.gz", "wb") as f:
    f.write(whole[:-5])

# pandas' default to_json layout (orient="columns": {"col": {"0": v, ...}}) and other orients.
df = pd.DataFrame(records)
df.to_json("pandas-columns.json")
df.to_json("pandas-index.json", orient="index")
df.to_json("pandas-values-split.json", orient="split")
# to_csv with a ';' separator and the decimal comma ("german" Excel): refused, naming the cell.
df.to_csv("pandas-decimal-comma.csv", sep=";", decimal=",", index=False)
