/**
 * Wraps onnxruntime-node: one inference session per model file. Nothing else in the service
 * imports onnxruntime.
 */
import * as ort from "onnxruntime-node";
import { envNumber } from "../env.js";

export interface OnnxModel {
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** Runs the model on float32 inputs and returns the named outputs as flat arrays with dims. */
  run(
    inputs: Record<string, { data: Float32Array | BigInt64Array; dims: number[] }>,
  ): Promise<Record<string, { data: Float32Array; dims: number[] }>>;
  dispose(): Promise<void>;
}

/** Threads: the service already runs requests concurrently, so each run gets the cores it needs, no more. */
export async function openOnnxModel(file: string, threads = envNumber("ORT_THREADS", 2)): Promise<OnnxModel> {
  const session = await ort.InferenceSession.create(file, {
    graphOptimizationLevel: "all",
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: "sequential",
  });
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(inputs) {
      const feeds: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(inputs)) {
        feeds[name] = new ort.Tensor(t.data instanceof BigInt64Array ? "int64" : "float32", t.data, t.dims);
      }
      const out = await session.run(feeds);
      const result: Record<string, { data: Float32Array; dims: number[] }> = {};
      for (const [name, t] of Object.entries(out)) result[name] = { data: t.data as Float32Array, dims: [...t.dims] };
      return result;
    },
    dispose: () => session.release(),
  };
}
