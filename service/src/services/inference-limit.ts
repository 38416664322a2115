/**
 * Bounds how much image work runs and waits at once. Beyond the queue limit a request is refused
 * with 503 and Retry-After instead of piling up until the process runs out of memory or CPU.
 *
 * Two limits with the same sizes: decoding (a 165 KB interlaced PNG under the pixel limit takes
 * 150 MB and 0.2 s of CPU to decode, so unbounded decoding lets one client starve every shop) and
 * the encoder. Separate, so that an indexing batch decodes its next photos while the encoder runs.
 */
import { AppError } from "../errors.js";
import { envNumber } from "../env.js";

const MAX_RUNNING = envNumber("MAX_CONCURRENT_INFERENCE", 2);
const MAX_WAITING = envNumber("MAX_QUEUED_INFERENCE", 32);

export class WorkLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning = MAX_RUNNING,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.maxRunning) this.running++;
    else if (this.waiting.length >= this.maxWaiting) {
      throw new AppError(503, "overloaded", "The service is busy; try again in a moment.", { "Retry-After": "2" });
    } else {
      // The finishing job hands its slot straight to us, so `running` never overshoots.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

export const decodeLimit = new WorkLimit();
export const inferenceLimit = new WorkLimit();

/** What runs and waits, decoding and encoder together (for the readiness check). */
export function inferenceLoad(): { running: number; waiting: number } {
  const [d, i] = [decodeLimit.load(), inferenceLimit.load()];
  return { running: d.running + i.running, waiting: d.waiting + i.waiting };
}
