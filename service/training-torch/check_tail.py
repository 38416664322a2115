"""Checks the torch port of the tail against the runtime: the stock tail applied to the cached
input maps must give the embeddings that the ONNX encoder gave for the same photos
(train-pack's feature cache). Run before trusting a fine-tune:
  /usr/bin/python3 training-torch/check_tail.py --cache .cache/tail --features .cache/features/<pack>-<sha>
"""
import argparse
import json
import os

import numpy as np
import torch

from keras_tail import KerasTail
from tail_weights import read_weights


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=".cache/tail")
    ap.add_argument("--features", required=True, help="prefix of train-pack's cache: <prefix>-files.json, <prefix>-raw.f32")
    ap.add_argument("--count", type=int, default=64)
    args = ap.parse_args()
    meta = json.load(open(os.path.join(args.cache, "meta.json")))
    n = len(meta["files"])
    views = np.memmap(os.path.join(args.cache, "inputs.f32"), dtype=np.float32, mode="r").reshape(n, meta["views"], *meta["shape"])
    files = json.load(open(args.features + "-files.json"))
    raw = np.fromfile(args.features + "-raw.f32", dtype=np.float32).reshape(len(files), -1)
    row = {f: i for i, f in enumerate(files)}
    picks = [i for i in range(0, n, max(1, n // args.count)) if meta["files"][i] in row][: args.count]
    tail = KerasTail(meta["tailLayers"], read_weights(os.path.join(args.cache, "stock-tail.json")), meta["layer"]).eval()
    with torch.no_grad():
        ours = tail(torch.from_numpy(np.ascontiguousarray(views[picks, 0]))).numpy()
    ref = raw[[row[meta["files"][i]] for i in picks]]
    cos = (ours * ref).sum(1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(ref, axis=1)
    print(f"{len(picks)} photos: cosine min {cos.min():.6f}, mean {cos.mean():.6f}; max abs diff {np.abs(ours - ref).max():.2e}")
    if cos.min() < 0.999:
        raise SystemExit("the torch tail does not reproduce the ONNX encoder")


if __name__ == "__main__":
    main()
