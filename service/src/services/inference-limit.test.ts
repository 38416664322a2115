import { describe, expect, it } from "vitest";

import { WorkLimit } from "./inference-limit.js";

describe("work limit", () => {
  it("runs at most 2 jobs at once, queues 32, and refuses the rest with 503 and Retry-After", async () => {
    const limit = new WorkLimit(2, 32);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let peak = 0;
    const job = async () => {
      peak = Math.max(peak, limit.load().running);
      await gate;
    };
    const accepted = Array.from({ length: 34 }, () => limit.run(job));
    await expect(limit.run(job)).rejects.toMatchObject({ status: 503, code: "overloaded", headers: { "Retry-After": "2" } });
    expect(limit.load()).toEqual({ running: 2, waiting: 32 });
    release();
    await Promise.all(accepted);
    expect(peak).toBe(2);
    expect(limit.load()).toEqual({ running: 0, waiting: 0 });
  });
});
