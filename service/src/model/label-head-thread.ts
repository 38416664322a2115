/**
 * Fits heads in a worker thread: one thread per learning run, ended when it answers. Starting one
 * costs a fraction of a second, against seconds of fitting that would otherwise block every request.
 */
import { Worker } from "node:worker_threads";

import type { LabelHeadJob, LabelHeadReply, TimedLabelHeadFit } from "./label-head-job.js";

const ENTRY = new URL("./label-head.worker.mjs", import.meta.url);

export function fitLabelHeadsInThread(jobs: LabelHeadJob[]): Promise<TimedLabelHeadFit[]> {
  if (!jobs.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once("message", (reply: LabelHeadReply) =>
      settle(() => (reply.ok ? resolve(reply.fits) : reject(Object.assign(new Error(reply.message), { stack: reply.stack })))),
    );
    worker.once("error", (e) => settle(() => reject(e)));
    worker.once("exit", (code) => settle(() => reject(new Error(`The learning thread stopped (exit code ${code}) before it answered.`))));
    worker.postMessage(
      jobs,
      jobs.flatMap((j) => [j.x.buffer, j.y.buffer, j.w.buffer] as ArrayBuffer[]),
    );
  });
}
