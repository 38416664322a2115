/**
 * Turns the packed weight bytes of a TF.js weights manifest into named float32 tensors.
 * TF.js stores quantised weights as `min + scale * q` (uint8/uint16) or as float16.
 */
import type { WeightSpec } from "./tfjs-bundle.repository.js";

export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

const BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2, float32: 4, int32: 4 };

export function dequantizeWeights(specs: WeightSpec[], bytes: Buffer): Map<string, NamedTensor> {
  const out = new Map<string, NamedTensor>();
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const storage = spec.quantization?.dtype ?? spec.dtype;
    const length = size * BYTES[storage];
    if (offset + length > bytes.length) throw new Error(`weights end early at ${spec.name}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
    const data = new Float32Array(size);
    const q = spec.quantization;
    for (let i = 0; i < size; i++) {
      if (storage === "uint8") data[i] = (q?.min ?? 0) + (q?.scale ?? 1) * view.getUint8(i);
      else if (storage === "uint16") data[i] = (q?.min ?? 0) + (q?.scale ?? 1) * view.getUint16(i * 2, true);
      else if (storage === "float16") data[i] = halfToFloat(view.getUint16(i * 2, true));
      else if (storage === "int32") data[i] = view.getInt32(i * 4, true);
      else data[i] = view.getFloat32(i * 4, true);
    }
    out.set(spec.name, { shape: spec.shape, data });
    offset += length;
  }
  if (offset !== bytes.length) throw new Error(`weights manifest covers ${offset} of ${bytes.length} bytes`);
  return out;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
