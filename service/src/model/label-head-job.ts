/**
 * What crosses the thread boundary to fit a shop's heads: each field's vectors packed into one
 * Float32Array (moved, not copied) and the fitted weights back. Shared by the worker and its caller.
 */
import type { LabelHeadFit, LabelHeadOptions } from "./label-head.js";

export interface LabelHeadJob {
  field: string;
  /** n vectors of `dim` floats, row after row. */
  x: Float32Array;
  dim: number;
  y: Int32Array;
  w: Float32Array;
  classes: number;
  options: LabelHeadOptions;
}

/** A fitted head and the seconds its fitting took in the worker. */
export type TimedLabelHeadFit = LabelHeadFit & { seconds: number };

export type LabelHeadReply = { ok: true; fits: TimedLabelHeadFit[] } | { ok: false; message: string; stack?: string };

export function packJob(
  field: string,
  x: Float32Array[],
  y: number[],
  w: number[],
  classes: number,
  options: LabelHeadOptions,
): LabelHeadJob {
  const dim = x[0].length;
  const packed = new Float32Array(x.length * dim);
  x.forEach((v, i) => packed.set(v, i * dim));
  return { field, x: packed, dim, y: Int32Array.from(y), w: Float32Array.from(w), classes, options };
}

/** The vectors of a packed job, as views on its one buffer. */
export function unpackVectors(job: LabelHeadJob): Float32Array[] {
  const n = job.x.length / job.dim;
  return Array.from({ length: n }, (_, i) => job.x.subarray(i * job.dim, (i + 1) * job.dim));
}
