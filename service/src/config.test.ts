import { describe, expect, it } from "vitest";

import { readConfig } from "./config.js";

describe("readConfig", () => {
  it("reads a blank setting (a `PORT=` line in an environment file) as unset, not as 0", () => {
    const c = readConfig({ PORT: "", RATE_LIMIT_PER_SECOND: " ", WEB_SESSION_TTL: "", LEARN_AFTER_CORRECTIONS_SECONDS: "" });
    expect([c.port, c.rateLimit, c.webSession.ttlSeconds, c.learnAfterCorrectionsSeconds]).toEqual([8787, 20, 3600, 60]);
  });

  it("refuses a setting it cannot use, naming it", () => {
    expect(() => readConfig({ RATE_LIMIT_PER_SECOND: "abc" })).toThrow(/^RATE_LIMIT_PER_SECOND must be a number/);
    expect(() => readConfig({ LEARN_AFTER_CORRECTIONS_SECONDS: "-5" })).toThrow(/^LEARN_AFTER_CORRECTIONS_SECONDS must be/);
  });
});
