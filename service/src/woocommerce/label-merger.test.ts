import { describe, expect, it } from "vitest";

import { mergeLabels } from "./label-merger.js";

// The same cases as plugin/tests/unit/LabelMergerTest.php: both writers must agree term for term.
describe("mergeLabels (twin of the plugin's LabelMerger)", () => {
  it("a person's tag survives and Kalas Iris adds its own", () => {
    const m = mergeLabels({ product_tag: ["summer-sale"] }, {}, { product_tag: ["Casual"] }, true);
    expect(m.add).toEqual({ product_tag: ["Casual"] });
    expect(m.remove).toEqual({});
    expect(m.record.product_tag!.applied).toEqual(["Casual"]);
  });

  it("removes only terms it added", () => {
    const m = mergeLabels(
      { product_tag: ["summer-sale", "Casual"] },
      { product_tag: { applied: ["Casual"], declined: [] } },
      { product_tag: ["Formal"] },
      true,
    );
    expect(m.add).toEqual({ product_tag: ["Formal"] });
    expect(m.remove).toEqual({ product_tag: ["Casual"] });
  });

  it("a person-set attribute is neither overwritten nor extended", () => {
    const m = mergeLabels({ pa_pattern: ["Floral"] }, {}, { pa_pattern: ["Striped"] }, true);
    expect(m.add).toEqual({});
    expect(m.remove).toEqual({});
  });

  it("a term a person removed is not added again", () => {
    const m = mergeLabels({ product_tag: [] }, { product_tag: { applied: ["Casual"], declined: [] } }, { product_tag: ["casual"] }, true);
    expect(m.add).toEqual({});
    expect(m.record.product_tag!.declined).toEqual(["Casual"]);
  });

  it("the same label as a person's term is not claimed", () => {
    const m = mergeLabels({ product_tag: ["CASUAL"] }, {}, { product_tag: ["Casual"] }, true);
    expect(m.add).toEqual({});
    expect(m.record).toEqual({});
  });

  it("with protection off a confident label replaces a person's attribute but not tags", () => {
    const m = mergeLabels(
      { pa_pattern: ["Floral"], product_tag: ["summer-sale"] },
      {},
      { pa_pattern: ["Striped"], product_tag: ["Casual"] },
      false,
    );
    expect(m.add).toEqual({ pa_pattern: ["Striped"], product_tag: ["Casual"] });
    expect(m.remove).toEqual({ pa_pattern: ["Floral"] });
  });

  it("untouchable (variation) attributes are left alone", () => {
    const m = mergeLabels({ pa_color: [] }, { pa_color: { applied: [], declined: [] } }, { pa_color: ["red"] }, false, ["pa_color"]);
    expect(m.add).toEqual({});
    expect(m.remove).toEqual({});
  });
});
