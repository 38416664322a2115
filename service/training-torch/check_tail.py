"""Checks the torch port of the tail against the runtime: the stock tail applied to the cached input
maps must give the embeddings that the whole stock ONNX encoder gave for the same photos (written by
`npm run train:tail-inputs` as reference.json). Run before trusting a fine-tune:
  /usr/bin/python3 training-torch/check_tail.py --cache .cache/tail
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
    args = ap.parse_args()
    meta = json.load(open(os.path.join(args.cache, "meta.json")))
    reference = json.load(open(os.path.join(args.cache, "reference.json")))
    n = len(meta["files"])
    views = np.memmap(os.path.join(args.cache, "inputs.f32"), dtype=np.float32, mode="r").reshape(n, meta["views"], *meta["shape"])
    picks = reference["indices"]
    ref = np.array(reference["embeddings"], dtype=np.float32)
    tail = KerasTail(meta["tailLayers"], read_weights(os.path.join(args.cache, "stock-tail.json")), meta["layer"]).eval()
    with torch.no_grad():
        ours = tail(torch.from_numpy(np.array(views[picks, 0]))).numpy()
    cos = (ours * ref).sum(1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(ref, axis=1)
    print(f"{len(picks)} photos: cosine min {cos.min():.6f}, mean {cos.mean():.6f}; max abs diff {np.abs(ours - ref).max():.2e}")
    if cos.min() < 0.999:
        raise SystemExit("the torch tail does not reproduce the ONNX encoder")


if __name__ == "__main__":
    main()
