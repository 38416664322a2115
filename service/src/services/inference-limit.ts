/**
 * Bounds how much model work runs and waits at once. Beyond the queue limit a request is
 * refused with 503 and Retry-After instead of piling up until the process runs out of memory.
 */
import { AppError } from "../errors.js";

const MAX_RUNNING = Number(process.env.MAX_CONCURRENT_INFERENCE ?? 2);
const MAX_WAITING = Number(process.env.MAX_QUEUED_INFERENCE ?? 32);

let running = 0;
const waiting: (() => void)[] = [];

export async function runLimited<T>(job: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) running++;
  else if (waiting.length >= MAX_WAITING) {
    throw new AppError(503, "overloaded", "The service is busy; try again in a moment.", { "Retry-After": "2" });
  } else {
    // The finishing job hands its slot straight to us, so `running` never overshoots.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function inferenceLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
