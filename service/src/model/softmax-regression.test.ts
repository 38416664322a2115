import { describe, expect, it } from "vitest";

import { linearLogits, trainSoftmax } from "./softmax-regression.js";

// Two separable classes in 2-d.
const x = [
  [1, 0.1],
  [0.9, -0.2],
  [-1, 0.2],
  [-0.8, -0.1],
].map((r) => Float32Array.from(r));
const y = [0, 0, 1, 1];

describe("softmax regression", () => {
  it("learns a separable problem", () => {
    const w = trainSoftmax(x, y, 2, { epochs: 50, lr: 0.1, batch: 2 });
    const guesses = x.map((xi) => {
      const l = linearLogits(w, xi);
      return l[0] > l[1] ? 0 : 1;
    });
    expect(guesses).toEqual(y);
  });

  it("returns the weights of the epoch `select` scores best, not the last", () => {
    const afterOne = trainSoftmax(x, y, 2, { epochs: 1, lr: 0.1, batch: 2 });
    let calls = 0;
    // Scores fall with every epoch, so the first epoch's weights must come back.
    const selected = trainSoftmax(x, y, 2, { epochs: 10, lr: 0.1, batch: 2, select: () => -calls++ });
    expect(calls).toBe(10);
    expect(Array.from(selected.weights)).toEqual(Array.from(afterOne.weights));
    const last = trainSoftmax(x, y, 2, { epochs: 10, lr: 0.1, batch: 2 });
    expect(Array.from(selected.weights)).not.toEqual(Array.from(last.weights));
  });
});
