"""Reads and writes the TF.js-style weights spec that service/src/model-build/backbone-tail.ts reads."""
import json
import os

import numpy as np


def read_weights(spec_path):
    spec = json.load(open(spec_path))
    raw = open(os.path.join(os.path.dirname(spec_path), spec["weightsFile"]), "rb").read()
    out, offset = {}, 0
    for w in spec["weightSpecs"]:
        storage = (w.get("quantization") or {}).get("dtype", w["dtype"])
        dtype = {"float32": np.float32, "float16": np.float16}[storage]
        size = int(np.prod(w["shape"]))
        out[w["name"]] = np.frombuffer(raw, dtype=dtype, count=size, offset=offset).astype(np.float32).reshape(w["shape"])
        offset += size * np.dtype(dtype).itemsize
    return out


def write_weights(spec_path, tensors, description):
    """float16 storage: half the bytes, and the heads are retrained on the converted encoder anyway."""
    bin_name = os.path.splitext(os.path.basename(spec_path))[0] + ".bin"
    specs, chunks = [], []
    for name in sorted(tensors):
        t = tensors[name]
        specs.append({"name": name, "shape": list(t.shape), "dtype": "float32", "quantization": {"dtype": "float16"}})
        chunks.append(t.astype(np.float16).tobytes())
    with open(os.path.join(os.path.dirname(spec_path), bin_name), "wb") as f:
        f.write(b"".join(chunks))
    with open(spec_path, "w") as f:
        json.dump({"description": description, "weightsFile": bin_name, "weightSpecs": specs}, f, indent=1)
        f.write("\n")
