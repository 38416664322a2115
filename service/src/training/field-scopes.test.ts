import { describe, expect, it } from "vitest";

import type { Example } from "./datasets.js";
import { fieldScopes } from "./field-scopes.js";

const photo = (category: string, labels: Example["labels"] = {}): Example => ({
  file: "x.jpg",
  source: "fashion-products-224",
  group: "g",
  rawType: category,
  labels: { category, ...labels },
});
const many = (n: number, category: string, labels: Example["labels"] = {}) => Array.from({ length: n }, () => photo(category, labels));

describe("field scopes", () => {
  const examples = [
    ...many(40, "T-shirts", { sleeve: "Short sleeve", gender: "Men" }),
    ...many(30, "Shorts", { gender: "Men" }),
    ...many(5, "Sweaters", { sleeve: "Long sleeve", gender: "Women" }),
    ...many(25, "Shoes", { gender: "Women" }),
  ];

  it("lists the categories an attribute was labelled on, from 10 photos each", () => {
    expect(fieldScopes(examples, ["sleeve"]).sleeve).toEqual(["T-shirts"]);
  });

  it("leaves a field that covers nearly every photo unscoped", () => {
    expect(fieldScopes([...examples, ...many(5, "Hats")], ["gender"]).gender).toBeUndefined();
  });
});
