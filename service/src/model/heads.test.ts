import { describe, expect, it } from "vitest";

import { abstainOf, inScope, predict, type Head } from "./heads.js";

/** A linear head over 2-d inputs whose logits are the input itself. */
const head = (field: string, labels: string[], extra: Partial<Head> = {}): Head => ({
  field,
  labels,
  weights: Float32Array.from(labels.flatMap((_, i) => [i === 0 ? 1 : 0, i === 1 ? 1 : 0])),
  bias: new Float32Array(labels.length),
  scale: 1,
  abstain: abstainOf({ abstain: 0 }),
  input: "embedding",
  ...extra,
});

describe("confidence", () => {
  it("is never claimed below even odds, whatever the pack's threshold", () => {
    expect(abstainOf({ abstain: 0 })).toBe(0.5);
    expect(abstainOf({})).toBe(0.5);
    expect(abstainOf({ abstain: 0.82 })).toBe(0.82);
    const four = head("pattern", ["Striped", "Solid", "Checked", "Printed"]);
    expect(predict(four, Float32Array.of(0.3, 0)).confident).toBe(false); // about 0.36
    expect(predict(four, Float32Array.of(4, 0)).confident).toBe(true);
  });
});

describe("an attribute's scope", () => {
  const category = head("category", ["T-shirts", "Shorts"]);
  const sleeve = head("sleeve", ["Long sleeve", "Short sleeve"], { appliesTo: ["T-shirts"] });

  it("speaks when the category head gives its categories at least even odds", () => {
    expect(inScope(sleeve, category, Float32Array.of(0.7, 0.3))).toBe(true);
    expect(inScope(sleeve, category, Float32Array.of(0.5, 0.5))).toBe(true);
  });

  it("is left out for a garment it was not learned on", () => {
    expect(inScope(sleeve, category, Float32Array.of(0.2, 0.8))).toBe(false);
  });

  it("does not limit a head without one, or a pack without a category head", () => {
    expect(inScope(head("gender", ["Men", "Women"]), category, Float32Array.of(0, 1))).toBe(true);
    expect(inScope(sleeve, undefined, null)).toBe(true);
  });
});
