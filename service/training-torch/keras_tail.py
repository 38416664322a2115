"""The tail of a Keras backbone as a torch module, built from the layer list that nsfwjs ships
(written to the cache by `npm run train:tail-inputs`), so the same code fine-tunes one block or four.

Supports what MobileNetV2's blocks use: Conv2D, DepthwiseConv2D, ZeroPadding2D, BatchNormalization,
ReLU (with max_value) and Add. Batch-norm statistics stay fixed (batches here are too few to
re-estimate them); gamma, beta and the kernels learn.
"""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def _key(name):
    return name.replace("/", "__")


class KerasTail(nn.Module):
    def __init__(self, layers, weights, input_name):
        super().__init__()
        self.layers = layers
        self.input_name = input_name
        self.weights = nn.ParameterDict()
        for layer in layers:
            kind, name = layer["class_name"], layer["name"]
            if kind == "Conv2D":
                self._param(f"{name}/kernel", weights[f"{name}/kernel"].transpose(3, 2, 0, 1))
                if layer["config"].get("use_bias"):
                    self._param(f"{name}/bias", weights[f"{name}/bias"])
            elif kind == "DepthwiseConv2D":
                self._param(f"{name}/depthwise_kernel", weights[f"{name}/depthwise_kernel"].transpose(2, 3, 0, 1))
            elif kind == "BatchNormalization":
                self._param(f"{name}/gamma", weights[f"{name}/gamma"])
                self._param(f"{name}/beta", weights[f"{name}/beta"])
                self.register_buffer(_key(f"{name}/moving_mean"), torch.tensor(weights[f"{name}/moving_mean"]))
                self.register_buffer(_key(f"{name}/moving_variance"), torch.tensor(weights[f"{name}/moving_variance"]))
            elif kind not in ("ReLU", "ZeroPadding2D", "Add"):
                raise ValueError(f"layer {name}: {kind} is not supported by the torch tail")

    def _param(self, name, value):
        self.weights[_key(name)] = nn.Parameter(torch.tensor(np.ascontiguousarray(value)))

    def forward(self, x):
        values = {self.input_name: x}
        for layer in self.layers:
            kind, name, cfg = layer["class_name"], layer["name"], layer["config"]
            ins = [values[i] for i in layer["inputs"]]
            h = ins[0]
            if kind in ("Conv2D", "DepthwiseConv2D"):
                depthwise = kind == "DepthwiseConv2D"
                kernel = self.weights[_key(f"{name}/{'depthwise_kernel' if depthwise else 'kernel'}")]
                bias = self.weights[_key(f"{name}/bias")] if cfg.get("use_bias") else None
                k, stride = cfg["kernel_size"][0], cfg["strides"][0]
                if cfg["padding"] == "same" and stride != 1:
                    raise ValueError(f"layer {name}: strided 'same' padding is not supported")
                pad = k // 2 if cfg["padding"] == "same" else 0
                h = F.conv2d(h, kernel, bias, stride=stride, padding=pad, groups=h.shape[1] if depthwise else 1)
            elif kind == "BatchNormalization":
                mean = getattr(self, _key(f"{name}/moving_mean"))
                var = getattr(self, _key(f"{name}/moving_variance"))
                scale = self.weights[_key(f"{name}/gamma")] / torch.sqrt(var + cfg["epsilon"])
                shift = self.weights[_key(f"{name}/beta")] - mean * scale
                h = h * scale[None, :, None, None] + shift[None, :, None, None]
            elif kind == "ReLU":
                h = F.relu(h) if cfg.get("max_value") is None else torch.clamp(h, 0, cfg["max_value"])
            elif kind == "ZeroPadding2D":
                (t, b), (l, r) = cfg["padding"]
                h = F.pad(h, (l, r, t, b))
            elif kind == "Add":
                h = sum(ins)
            values[name] = h
        return values[self.layers[-1]["name"]].mean(dim=(2, 3))

    def export(self):
        """The tensors in Keras layouts and names, for tail_weights.write_weights."""
        out = {}
        for layer in self.layers:
            kind, name = layer["class_name"], layer["name"]
            if kind == "Conv2D":
                out[f"{name}/kernel"] = self.weights[_key(f"{name}/kernel")].permute(2, 3, 1, 0)
                if layer["config"].get("use_bias"):
                    out[f"{name}/bias"] = self.weights[_key(f"{name}/bias")]
            elif kind == "DepthwiseConv2D":
                out[f"{name}/depthwise_kernel"] = self.weights[_key(f"{name}/depthwise_kernel")].permute(2, 3, 0, 1)
            elif kind == "BatchNormalization":
                for p in ("gamma", "beta"):
                    out[f"{name}/{p}"] = self.weights[_key(f"{name}/{p}")]
                for b in ("moving_mean", "moving_variance"):
                    out[f"{name}/{b}"] = getattr(self, _key(f"{name}/{b}"))
        return {k: v.detach().contiguous().numpy().astype(np.float32) for k, v in out.items()}
