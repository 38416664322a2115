"""Compares encoders without the test split: linear probes fit on the `fit` photos, scored on the `cal` slice.

Used to choose between fine-tuned tails (README.md here). For each cached feature table
(`.cache/features/<pack>-<sha12>`, written by `npm run train`), it fits one linear softmax probe per task on
the fit role and prints top-1 on the calibration role:
  - fashion-products-224 article type (classes with >= 20 fit photos), the catalogue-learning task;
  - clothing-cc0 garment type (real phone photos), the same classes rule.

  /usr/bin/python3 training-torch/probe_encoders.py --datasets ../../shared/datasets \\
      .cache/features/kalas-fashion-mnv2-b6680c287d98 .cache/features/kalas-fashion-mnv2-54c2e2e2f061
"""
import argparse
import csv
import json
import os
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F

# Rows of clothing-cc0 that name no garment.
NOT_A_TYPE = {"Not sure", "Skip", "Other"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features", nargs="+", help="feature cache prefixes (.cache/features/<pack>-<sha12>)")
    ap.add_argument("--datasets", default="../../shared/datasets")
    ap.add_argument("--meta", default=".cache/tail/meta.json", help="roles of every photo (written by train:tail-inputs)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    meta = json.load(open(args.meta))
    role_of = dict(zip(meta["files"], meta["role"]))
    tables = {
        "article type": {r["id"] + ".jpg": r["articleType"] for r in csv.DictReader(open(os.path.join(args.datasets, "fashion-products-224/labels.csv")))},
        "cc0 garment type": {r["image"]: r["label"] for r in csv.DictReader(open(os.path.join(args.datasets, "clothing-cc0/labels.csv")))},
    }
    for prefix in args.features:
        files = json.load(open(prefix + "-files.json"))
        raw = np.fromfile(prefix + "-raw.f32", dtype=np.float32).reshape(len(files), -1)
        role = np.array([role_of[f] for f in files])
        # The runtime's transform up to the heads: sqrt, L2, centre on the fit photos, L2.
        e = np.sqrt(raw + 1e-6)
        e /= np.linalg.norm(e, axis=1, keepdims=True)
        e -= e[role == "fit"].mean(0)
        e /= np.linalg.norm(e, axis=1, keepdims=True)
        scores = []
        for task, table in tables.items():
            labels = [table.get(os.path.basename(f)) for f in files]
            counts = Counter(l for l, r in zip(labels, role) if l and r == "fit")
            keep = sorted(k for k, v in counts.items() if v >= 20 and k not in NOT_A_TYPE)
            y = np.array([keep.index(l) if l in keep else -1 for l in labels])
            scores.append(f"{task} {probe(e, y, role, len(keep), args.seed):.3f} (n={int(((role == 'cal') & (y >= 0)).sum())})")
        print(os.path.basename(prefix), " | ".join(scores), flush=True)


def probe(x, y, role, classes, seed):
    """Top-1 on the cal role of a softmax probe trained to convergence on the fit role."""
    torch.manual_seed(seed)
    fit, cal = (role == "fit") & (y >= 0), (role == "cal") & (y >= 0)
    xt, yt = torch.tensor(x[fit]), torch.tensor(y[fit])
    head = torch.nn.Linear(x.shape[1], classes)
    opt = torch.optim.Adam(head.parameters(), lr=0.01)
    for _ in range(300):
        opt.zero_grad()
        F.cross_entropy(head(xt) * 10, yt).backward()
        opt.step()
    with torch.no_grad():
        return float((head(torch.tensor(x[cal])).argmax(1).numpy() == y[cal]).mean())


if __name__ == "__main__":
    main()
