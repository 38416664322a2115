/**
 * Translates a Keras functional model (as TF.js stores it) into an ONNX image encoder.
 *
 * The graph is cut at the feature map that feeds the model's final pooling layer, and ends in a
 * global average pool, so the output is the backbone's embedding (1280-d for MobileNetV2, 2048-d
 * for InceptionV3) rather than nsfwjs's own classifier. The ONNX graph is NCHW: Keras kernels
 * ([kh, kw, in, out]) are transposed to ONNX's [out, in, kh, kw].
 */
import type { NamedTensor } from "./dequantize.js";
import type { KerasLayer } from "./tfjs-bundle.repository.js";
import { OnnxGraphBuilder } from "./onnx-graph.js";

interface FeatureMap {
  name: string;
  channels: number;
  height: number;
  width: number;
}

export interface ConvertedEncoder {
  onnx: Uint8Array;
  embeddingDim: number;
  /** Name of the Keras layer whose output is pooled into the embedding. */
  featureLayer: string;
}

const INPUT = "pixels";
const OUTPUT = "embedding";
const FEATURE_MAP = "feature_map";

export interface ConvertOptions {
  /**
   * Cut here instead and output this layer's raw feature map ([C, H, W], no pooling), named
   * "feature_map". Training uses it to cache the input of the backbone's tail once.
   */
  outputLayer?: string;
}

export function convertKerasToOnnx(
  layers: KerasLayer[],
  weights: Map<string, NamedTensor>,
  docString: string,
  options: ConvertOptions = {},
): ConvertedEncoder {
  const featureLayer = options.outputLayer ?? findFeatureLayer(layers);
  const g = new OnnxGraphBuilder();
  const maps = new Map<string, FeatureMap>();
  const weight = (name: string): NamedTensor => {
    const w = weights.get(name);
    if (!w) throw new Error(`missing weight ${name}`);
    return w;
  };

  let inputDims: number[] = [];
  for (const layer of layers) {
    const cfg = layer.config;
    const inputs = (layer.inbound_nodes[0] ?? []).map(([src]) => {
      const m = maps.get(src);
      if (!m) throw new Error(`layer ${layer.name}: input ${src} not converted`);
      return m;
    });
    const x = inputs[0];
    let out: FeatureMap;
    switch (layer.class_name) {
      case "InputLayer": {
        const [h, w, c] = (cfg.batch_input_shape as number[]).slice(1);
        inputDims = [c, h, w];
        out = { name: INPUT, channels: c, height: h, width: w };
        break;
      }
      case "ZeroPadding2D": {
        const [[t, b], [l, r]] = cfg.padding as [[number, number], [number, number]];
        const pads = g.int64Constant(`${layer.name}_pads`, [0, 0, t, l, 0, 0, b, r]);
        out = { ...x, name: g.node("Pad", [x.name, pads], {}, layer.name), height: x.height + t + b, width: x.width + l + r };
        break;
      }
      case "Conv2D":
      case "DepthwiseConv2D": {
        const depthwise = layer.class_name === "DepthwiseConv2D";
        const k = weight(`${layer.name}/${depthwise ? "depthwise_kernel" : "kernel"}`);
        const [kh, kw, cin, cout] = k.shape;
        const outChannels = depthwise ? cin * cout : cout;
        const kernel = depthwise ? transposeDepthwise(k) : transposeKernel(k);
        const inputsOnnx = [x.name, g.constant(`${layer.name}_W`, kernel.shape, kernel.data)];
        if (cfg.use_bias) inputsOnnx.push(g.constant(`${layer.name}_B`, [outChannels], weight(`${layer.name}/bias`).data));
        const strides = cfg.strides as [number, number];
        const geo = padding(cfg.padding as string, [x.height, x.width], [kh, kw], strides);
        const attrs = { kernel_shape: [kh, kw], strides, pads: geo.pads, group: depthwise ? cin : 1, dilations: [1, 1] };
        const conv = g.node("Conv", inputsOnnx, attrs, layer.name);
        out = { name: activation(g, conv, cfg.activation as string), channels: outChannels, height: geo.height, width: geo.width };
        break;
      }
      case "BatchNormalization": {
        const c = x.channels;
        const gamma = cfg.scale === false ? new Float32Array(c).fill(1) : weight(`${layer.name}/gamma`).data;
        const beta = cfg.center === false ? new Float32Array(c) : weight(`${layer.name}/beta`).data;
        const bn = g.node(
          "BatchNormalization",
          [
            x.name,
            g.constant(`${layer.name}_scale`, [c], gamma),
            g.constant(`${layer.name}_bias`, [c], beta),
            g.constant(`${layer.name}_mean`, [c], weight(`${layer.name}/moving_mean`).data),
            g.constant(`${layer.name}_var`, [c], weight(`${layer.name}/moving_variance`).data),
          ],
          { epsilon: cfg.epsilon as number },
          layer.name,
        );
        out = { ...x, name: bn };
        break;
      }
      case "ReLU": {
        const max = cfg.max_value as number | null;
        const name =
          max == null
            ? g.node("Relu", [x.name], {}, layer.name)
            : g.node("Clip", [x.name, g.scalar(`${layer.name}_min`, 0), g.scalar(`${layer.name}_max`, max)], {}, layer.name);
        out = { ...x, name };
        break;
      }
      case "Activation":
        out = { ...x, name: activation(g, x.name, cfg.activation as string, layer.name) };
        break;
      case "Add":
        out = {
          ...x,
          name: g.node(
            inputs.length === 2 ? "Add" : "Sum",
            inputs.map((i) => i.name),
            {},
            layer.name,
          ),
        };
        break;
      case "Concatenate":
        out = {
          ...x,
          name: g.node(
            "Concat",
            inputs.map((i) => i.name),
            { axis: 1 },
            layer.name,
          ),
          channels: inputs.reduce((s, i) => s + i.channels, 0),
        };
        break;
      case "MaxPooling2D":
      case "AveragePooling2D": {
        const size = cfg.pool_size as [number, number];
        const strides = cfg.strides as [number, number];
        const geo = padding(cfg.padding as string, [x.height, x.width], size, strides);
        // Keras averages over valid pixels only at the borders, which is ONNX's count_include_pad=0.
        const op = layer.class_name === "MaxPooling2D" ? "MaxPool" : "AveragePool";
        const name = g.node(op, [x.name], { kernel_shape: size, strides, pads: geo.pads }, layer.name);
        out = { ...x, name, height: geo.height, width: geo.width };
        break;
      }
      default:
        throw new Error(`layer ${layer.name}: Keras ${layer.class_name} is not supported by the converter`);
    }
    maps.set(layer.name, out);
    if (layer.name === featureLayer && options.outputLayer) {
      g.node("Identity", [out.name], {}, FEATURE_MAP);
      const onnx = g.encode({ input: INPUT, inputDims, output: FEATURE_MAP, outputDims: [out.channels, out.height, out.width], docString });
      return { onnx, embeddingDim: out.channels, featureLayer };
    }
    if (layer.name === featureLayer) {
      const pooled = g.node("GlobalAveragePool", [out.name], {}, "pooled");
      g.node("Flatten", [pooled], { axis: 1 }, OUTPUT);
      const onnx = g.encode({ input: INPUT, inputDims, output: OUTPUT, outputDims: [out.channels], docString });
      return { onnx, embeddingDim: out.channels, featureLayer };
    }
  }
  throw new Error(`feature layer ${featureLayer} never reached`);
}

/** The layer whose output the model's last pooling layer reads: the backbone's final feature map. */
export function findFeatureLayer(layers: KerasLayer[]): string {
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i];
    if (/Pooling2D$/.test(l.class_name) && layers[i + 1]?.class_name.match(/Flatten|Dense|Dropout/)) {
      return l.inbound_nodes[0][0][0];
    }
    if (l.class_name === "GlobalAveragePooling2D") return l.inbound_nodes[0][0][0];
  }
  throw new Error("no final pooling layer found");
}

function activation(g: OnnxGraphBuilder, input: string, act: string, name?: string): string {
  if (!act || act === "linear") return input;
  if (act === "relu") return g.node("Relu", [input], {}, name);
  if (act === "relu6") return g.node("Clip", [input, g.scalar(`${input}_min`, 0), g.scalar(`${input}_max`, 6)], {}, name);
  throw new Error(`activation ${act} is not supported by the converter`);
}

/** TensorFlow's "same"/"valid" padding rule, including its extra row/column at the end. */
function padding(mode: string, size: [number, number], kernel: [number, number], strides: [number, number]) {
  if (mode === "valid") {
    return {
      pads: [0, 0, 0, 0],
      height: Math.floor((size[0] - kernel[0]) / strides[0]) + 1,
      width: Math.floor((size[1] - kernel[1]) / strides[1]) + 1,
    };
  }
  const outH = Math.ceil(size[0] / strides[0]);
  const outW = Math.ceil(size[1] / strides[1]);
  const totalH = Math.max((outH - 1) * strides[0] + kernel[0] - size[0], 0);
  const totalW = Math.max((outW - 1) * strides[1] + kernel[1] - size[1], 0);
  const top = Math.floor(totalH / 2);
  const left = Math.floor(totalW / 2);
  return { pads: [top, left, totalH - top, totalW - left], height: outH, width: outW };
}

function transposeKernel(k: NamedTensor): NamedTensor {
  const [kh, kw, cin, cout] = k.shape;
  const data = new Float32Array(k.data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) data[((o * cin + i) * kh + y) * kw + x] = k.data[((y * kw + x) * cin + i) * cout + o];
  return { shape: [cout, cin, kh, kw], data };
}

function transposeDepthwise(k: NamedTensor): NamedTensor {
  const [kh, kw, cin, mult] = k.shape;
  const data = new Float32Array(k.data.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let m = 0; m < mult; m++) data[((i * mult + m) * kh + y) * kw + x] = k.data[((y * kw + x) * cin + i) * mult + m];
  return { shape: [cin * mult, 1, kh, kw], data };
}
