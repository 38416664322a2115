import { describe, expect, it } from "vitest";

import { inferenceLoad, runLimited } from "./inference-limit.js";

describe("inference limit", () => {
  it("runs at most 2 jobs at once, queues 32, and refuses the rest with 503 and Retry-After", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let peak = 0;
    const job = async () => {
      peak = Math.max(peak, inferenceLoad().running);
      await gate;
    };
    const accepted = Array.from({ length: 34 }, () => runLimited(job));
    await expect(runLimited(job)).rejects.toMatchObject({ status: 503, code: "overloaded", headers: { "Retry-After": "2" } });
    expect(inferenceLoad()).toEqual({ running: 2, waiting: 32 });
    release();
    await Promise.all(accepted);
    expect(peak).toBe(2);
    expect(inferenceLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
