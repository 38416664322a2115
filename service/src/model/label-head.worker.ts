/**
 * Worker thread that fits a shop's heads (label-head.ts), so that catalogue learning, seconds of
 * arithmetic for a large catalogue, does not hold up the requests the service is answering.
 */
import { parentPort } from "node:worker_threads";

import { fitLabelHead } from "./label-head.js";
import { unpackVectors, type LabelHeadJob, type LabelHeadReply } from "./label-head-job.js";

parentPort!.once("message", (jobs: LabelHeadJob[]) => {
  let reply: LabelHeadReply;
  try {
    reply = {
      ok: true,
      fits: jobs.map((job) => {
        const started = performance.now();
        const fit = fitLabelHead(unpackVectors(job), [...job.y], job.classes, [...job.w], job.options);
        return { ...fit, seconds: (performance.now() - started) / 1000 };
      }),
    };
  } catch (e) {
    const err = e as Error;
    reply = { ok: false, message: err.message ?? String(e), stack: err.stack };
  }
  const buffers = reply.ok ? reply.fits.flatMap((f) => [f.final.weights.buffer, f.final.bias.buffer]) : [];
  parentPort!.postMessage(reply, buffers as ArrayBuffer[]);
});
