import { describe, expect, it } from "vitest";

import { blendNeighbourVote, NEIGHBOURS } from "./neighbour-vote.js";

const labels = ["Tees", "Pants", "Frocks"];
const head = Float32Array.from([0.7, 0.2, 0.1]);
const sum = (p: Float32Array) => p.reduce((a, b) => a + b, 0);

describe("blendNeighbourVote", () => {
  it("leaves the head alone when no neighbour has one of its labels", () => {
    expect(blendNeighbourVote(head, labels, [])).toEqual(head);
    expect(
      blendNeighbourVote(head, labels, [
        { label: undefined, score: 0.99 },
        { label: "Hats", score: 0.98 },
      ]),
    ).toEqual(head);
  });

  it("moves probability toward what close neighbours are labelled, and still sums to one", () => {
    const neighbours = Array.from({ length: NEIGHBOURS }, () => ({ label: "Frocks", score: 0.9 }));
    const p = blendNeighbourVote(head, labels, neighbours);
    expect(p[2]).toBeGreaterThan(0.4);
    expect(p[0]).toBeLessThan(head[0]);
    expect(sum(p)).toBeCloseTo(1, 5);
  });

  it("lets the closest neighbours outvote many farther ones", () => {
    const neighbours = [
      { label: "Pants", score: 0.95 },
      { label: "Pants", score: 0.94 },
      ...Array.from({ length: NEIGHBOURS - 2 }, () => ({ label: "Frocks", score: 0.7 })),
    ];
    const p = blendNeighbourVote(head, labels, neighbours);
    expect(p[1] - head[1]).toBeGreaterThan(p[2] - head[2]);
  });

  it("lets no unrelated product vote, however few the labelled ones are", () => {
    expect(
      blendNeighbourVote(head, labels, [
        { label: "Frocks", score: 0.38 },
        { label: "Frocks", score: 0.2 },
      ]),
    ).toEqual(head);
  });

  it("gives a sparsely labelled neighbourhood a smaller say", () => {
    const one = blendNeighbourVote(head, labels, [{ label: "Frocks", score: 0.9 }]);
    const all = blendNeighbourVote(
      head,
      labels,
      Array.from({ length: NEIGHBOURS }, () => ({ label: "Frocks", score: 0.9 })),
    );
    expect(one[2]).toBeGreaterThan(head[2]);
    expect(one[2]).toBeLessThan(all[2]);
  });
});
