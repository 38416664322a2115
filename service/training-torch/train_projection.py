"""Learns the search projection (1280 -> 256) so that "similar" means what a shopper means: the same
kind of garment in the same colour first. Starts from the PCA projection that `npm run train` wrote,
and is pulled back towards it, so looks still count; replaces `search-projection.f32` only if it
beats PCA on the calibration slice.

Last step of `npm run train:all`. Reads train-pack's feature cache (the shipped encoder's raw
embeddings) and the labels and roles of `.cache/tail/meta.json`; never reads test photos' labels.
  /usr/bin/python3 training-torch/train_projection.py --features .cache/features/kalas-fashion-mnv2-<sha12>
"""
import argparse
import json
import os

import numpy as np
import torch
import torch.nn.functional as F


def prepare(views, mean):
    """model/features.ts prepareViews: each view sqrt and L2, their average, then L2, centre, L2."""
    x = 0
    for raw in views:
        v = np.sqrt(np.maximum(raw, 0))
        x = x + v / np.linalg.norm(v, axis=1, keepdims=True) / len(views)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x -= mean
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def precision_at_10(queries, catalogue, q_cls, c_cls, projection):
    q = F.normalize(queries @ projection.T, dim=1)
    c = F.normalize(catalogue @ projection.T, dim=1)
    top = (q @ c.T).topk(10, dim=1).indices
    return float((c_cls[top] == q_cls[:, None]).float().mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", required=True, help="prefix of train-pack's cache for the shipped encoder")
    ap.add_argument("--meta", default=".cache/tail/meta.json")
    ap.add_argument("--pack", default="packs/kalas-fashion-mnv2")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--temperature", type=float, default=0.1)
    ap.add_argument("--anchor", type=float, default=0.001, help="pull towards the PCA projection (keeps looks in)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    meta = json.load(open(args.meta))
    files = json.load(open(args.features + "-files.json"))
    raw = np.fromfile(args.features + "-raw.f32", dtype=np.float32).reshape(len(files), -1)
    # The search vectors are made from the features as served: with the mirror view when the pack uses it.
    mirror = json.load(open(os.path.join(args.pack, "manifest.json")))["features"].get("mirror", False)
    views = [raw] + ([np.fromfile(args.features + "-mirror.f32", dtype=np.float32).reshape(raw.shape)] if mirror else [])
    row = {f: i for i, f in enumerate(files)}
    mean = np.fromfile(os.path.join(args.pack, "features-mean.f32"), dtype=np.float32)
    pca = np.fromfile(os.path.join(args.pack, "search-projection.f32"), dtype=np.float32).reshape(-1, raw.shape[1])

    cat = np.array(meta["fields"]["category"]["y"])
    col = np.array(meta["fields"]["color"]["y"])
    roles = np.array(meta["role"])
    # A class is a (category, colour) pair; only photos with both labels teach or score.
    labelled = (cat >= 0) & (col >= 0)
    cls = cat * 100 + col
    fit = np.flatnonzero(labelled & (roles == "fit"))
    cal = np.flatnonzero(labelled & (roles == "cal"))
    order = [row[f] for f in meta["files"]]
    x = torch.from_numpy(prepare([v[order] for v in views], mean)).float()
    y = torch.from_numpy(cls)
    w0 = torch.from_numpy(pca.copy())
    w = torch.nn.Parameter(w0.clone())
    score = lambda p: precision_at_10(x[cal], x[fit], y[cal], y[fit], p)
    with torch.no_grad():
        base = score(w0)
    print(f"{len(fit)} fit, {len(cal)} cal photos; calibration p@10 (same category and colour): PCA {base:.4f}")

    opt = torch.optim.Adam([w], lr=1e-3)
    best, best_score = None, base
    for epoch in range(1, args.epochs + 1):
        order = rng.permutation(fit)
        for s in range(0, len(order), 512):
            idx = torch.from_numpy(order[s : s + 512])
            z = F.normalize(x[idx] @ w.T, dim=1)
            sim = z @ z.T / args.temperature
            same = (y[idx][:, None] == y[idx][None, :]).float()
            eye = torch.eye(len(idx))
            same = same - eye
            logits = sim - 1e9 * eye
            log_prob = logits - torch.logsumexp(logits, dim=1, keepdim=True)
            has = same.sum(1) > 0
            # Supervised contrastive loss: every photo of the same class is a positive.
            loss = -((log_prob * same).sum(1)[has] / same.sum(1)[has]).mean() + args.anchor * ((w - w0) ** 2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
        with torch.no_grad():
            p = score(w)
        print(f"epoch {epoch}: loss {float(loss):.3f}, calibration p@10 {p:.4f}", flush=True)
        if p > best_score:
            best, best_score = w.detach().clone(), p
    if best is None:
        print("PCA stays: no epoch beat it on the calibration slice")
        return
    best.numpy().astype(np.float32).tofile(os.path.join(args.pack, "search-projection.f32"))
    print(f"wrote {args.pack}/search-projection.f32 (calibration p@10 {base:.4f} -> {best_score:.4f})")


if __name__ == "__main__":
    main()
