"""Fine-tunes the backbone's tail (by default MobileNetV2's blocks 10-16 and Conv_1) on cached inputs.

Second step of the tail fine-tune (see README.md here). Reads `.cache/tail/` written by
`npm run train:tail-inputs` (the tail's input for every view of every photo, its layers, labels,
fit/cal/test roles) and the stock tail weights, trains the tail jointly with one linear head per
field on the `fit` photos, keeps the epoch with the best `cal` score, and writes the tail as a
TF.js-style weights spec (float16) that `kalas-iris model build` swaps into the nsfwjs backbone.
The `test` photos are never read here: `npm run eval` scores them after the heads are retrained.

Run with Debian's torch (apt-get install python3-torch):
  /usr/bin/python3 training-torch/finetune_tail.py --cache .cache/tail --pack packs/kalas-fashion-mnv2
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from keras_tail import KerasTail
from tail_weights import read_weights, write_weights

# How much each field's loss counts: category and colour are what shops filter by; "fine_type" is each
# dataset's own garment label, finer than the taxonomy (casual vs sports shoes), as a shop's labels can be.
FIELD_WEIGHT = {"category": 1.0, "color": 1.0, "fine_type": 1.0, "gender": 0.5, "usage": 0.5, "pattern": 0.5, "sleeve": 0.5}
# The epoch kept is the one with the best sum of these calibration accuracies.
SELECT_BY = ("category", "color", "fine_type")


def embed(raw):
    """The runtime's feature transform up to the heads (model/features.ts): sqrt, then L2."""
    f = torch.sqrt(raw + 1e-6)
    return f / f.norm(dim=1, keepdim=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=".cache/tail")
    ap.add_argument("--pack", default="packs/kalas-fashion-mnv2")
    ap.add_argument("--init", help="stock tail weights (default: <cache>/stock-tail.json, written by train:tail-inputs)")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3, help="tail learning rate; heads learn 10x faster")
    ap.add_argument("--cc0-weight", type=float, default=3.0, help="loss weight of real-world (cc0) photos")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--views", type=int, help="train on only the first N cached views (default: all)")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)

    meta = json.load(open(os.path.join(args.cache, "meta.json")))
    shape = meta["shape"]
    n = len(meta["files"])
    views = np.memmap(os.path.join(args.cache, "inputs.f32"), dtype=np.float32, mode="r").reshape(n, meta["views"], *shape)
    roles = np.array(meta["role"])
    fields = meta["fields"]
    y = {f: torch.tensor(v["y"]) for f, v in fields.items()}
    sample_weight = torch.tensor([args.cc0_weight if s == "clothing-cc0" else 1.0 for s in meta["source"]])
    fit = np.flatnonzero(roles == "fit")
    cal = np.flatnonzero(roles == "cal")
    n_views = args.views or meta["views"]
    print(f"{len(fit)} fit, {len(cal)} cal photos (x{n_views} views); test photos are not read")

    tail = KerasTail(meta["tailLayers"], read_weights(args.init or os.path.join(args.cache, "stock-tail.json")), meta["layer"])
    dim = tail(torch.from_numpy(np.array(views[:1, 0]))).shape[1]
    heads = nn.ModuleDict({f: nn.Linear(dim, len(v["labels"])) for f, v in fields.items()})
    scale = 16.0  # unit-norm features need a logit scale for softmax to be confident at all
    opt = torch.optim.AdamW(
        [{"params": tail.parameters(), "lr": args.lr}, {"params": heads.parameters(), "lr": args.lr * 10}], weight_decay=1e-4
    )
    steps = args.epochs * ((len(fit) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[args.lr, args.lr * 10], total_steps=steps, pct_start=0.1)

    def loss_of(idx, view):
        x = torch.from_numpy(np.stack([views[i, v] for i, v in zip(idx, view)]))
        z = embed(tail(x))
        total = 0.0
        for f, head in heads.items():
            t = y[f][idx]
            keep = t >= 0
            if keep.any():
                ce = F.cross_entropy(head(z[keep]) * scale, t[keep], reduction="none")
                w = sample_weight[idx][keep]
                total = total + FIELD_WEIGHT[f] * (ce * w).sum() / w.sum()
        return total

    def evaluate():
        tail.eval()
        correct = {f: [0, 0] for f in fields}
        with torch.no_grad():
            for s in range(0, len(cal), 256):
                idx = cal[s : s + 256]
                z = embed(tail(torch.from_numpy(np.array(views[idx, 0]))))
                for f, head in heads.items():
                    t = y[f][idx]
                    keep = t >= 0
                    correct[f][0] += int((head(z[keep]).argmax(1) == t[keep]).sum())
                    correct[f][1] += int(keep.sum())
        tail.train()
        return {f: c / max(t, 1) for f, (c, t) in correct.items()}

    base = evaluate()
    print("epoch 0 (stock tail, fresh heads are untrained)", " ".join(f"{f}={a:.3f}" for f, a in base.items()))
    best, best_score = None, -1.0
    for epoch in range(1, args.epochs + 1):
        started = time.time()
        order = rng.permutation(fit)
        total = 0.0
        for s in range(0, len(order), args.batch):
            idx = order[s : s + args.batch]
            loss = loss_of(idx, rng.integers(0, n_views, len(idx)))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        acc = evaluate()
        score = sum(acc[f] for f in SELECT_BY if f in acc)
        print(
            f"epoch {epoch}: loss {total / len(order):.3f}, cal",
            " ".join(f"{f}={a:.3f}" for f, a in acc.items()),
            f"({time.time() - started:.0f} s)",
            flush=True,
        )
        if score > best_score:
            best, best_score = tail.export(), score

    out = os.path.join(args.pack, "backbone-tail.json")
    write_weights(
        out,
        best,
        f"nsfwjs MobileNetV2 layers after {meta['layer']} fine-tuned on the shared datasets' fit split by training-torch/finetune_tail.py "
        f"({args.epochs} epochs, lr {args.lr}, seed {args.seed}); best cal {'+'.join(f for f in SELECT_BY if f in fields)} "
        f"accuracy {best_score / sum(f in fields for f in SELECT_BY):.3f}",
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
