import { describe, expect, it } from "vitest";

import { nameWithHead } from "./name-with-head.js";

const pixels = [
  { name: "grey", hex: "#9c9ca6", share: 0.611 },
  { name: "blue", hex: "#4d566a", share: 0.259 },
  { name: "black", hex: "#19242e", share: 0.131 },
];
const head = (label: string) => ({ label, score: 0.6, confident: false, alternatives: [] });

describe("nameWithHead", () => {
  it("moves the cluster the head names to the front", () => {
    expect(nameWithHead(pixels, head("black")).map((c) => c.name)).toEqual(["black", "grey", "blue"]);
  });
  it("gives the head's name to the closest cluster, so the swatch matches its name", () => {
    const out = nameWithHead(pixels, head("navy"));
    // #19242e is the closest of the three to the palette's navy prototypes in Lab.
    expect(out[0]).toEqual({ name: "navy", hex: "#19242e", share: 0.131 });
    expect(out.map((c) => c.name)).toEqual(["navy", "grey", "blue"]);
  });
  it("keeps the pixels' order without a head", () => {
    expect(nameWithHead(pixels)).toBe(pixels);
  });
});
