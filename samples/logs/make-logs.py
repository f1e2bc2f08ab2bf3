"""Writes the sample logs of the README's "Reading logs" from ../training-log.csv, with Python's
standard library only (csv, json, gzip), so the formats come from another writer than ScalingFit's.
The Parquet copy is written by make-parquet.mjs (hyparquet-writer). Run from this folder:
    python3 make-logs.py && npm install --no-save hyparquet-writer@0.17.0 && node make-parquet.mjs
"""
import csv, gzip, json, os

rows = list(csv.DictReader(open("../training-log.csv", newline="")))
def typed(r):
    return {"model": r["model"], "seed": int(r["seed"]), "step": int(r["step"]), "params": int(r["params"]),
            "tokens": int(r["tokens"]), "eval_loss": float(r["eval_loss"]), "lr": float(r["lr"])}

# JSON Lines, as pandas to_json(orient="records", lines=True) or a W&B history extraction writes it.
with open("training-log.jsonl", "w") as f:
    for r in rows: f.write(json.dumps(typed(r)) + "\n")
with gzip.open("training-log.jsonl.gz", "wt") as f:
    for r in rows: f.write(json.dumps(typed(r)) + "\n")

# One nested JSON file per run (its last checkpoint), as run folders hold them.
os.makedirs("runs", exist_ok=True)
last = {}
for r in rows: last[(r["model"], r["seed"])] = typed(r)
for (model, seed), r in sorted(last.items()):
    record = {"name": f"{model}-s{seed}", "config": {"model": model, "seed": seed, "n_params": r["params"], "lr": r["lr"]},
              "summary": {"tokens": r["tokens"], "eval/loss": r["eval_loss"], "step": r["step"]}}
    with open(f"runs/{model}-s{seed}.json", "w") as f: json.dump(record, f, indent=2)

# A W&B chart export: x-axis tokens, one column per run and metric with __MIN/__MAX bounds.
runs = sorted({r["model"] for r in rows if r["seed"] == "1"})
tokens = sorted({int(r["tokens"]) for r in rows if r["seed"] == "1"})
value = {(r["model"], int(r["tokens"])): r["eval_loss"] for r in rows if r["seed"] == "1"}
with open("wandb-export.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["tokens"] + [f"{m} - {c}" for m in runs for c in ("eval/loss", "eval/loss__MIN", "eval/loss__MAX")])
    for t in tokens:
        w.writerow([t] + [value.get((m, t), "") for m in runs for _ in range(3)])
