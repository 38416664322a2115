import type { AppliedRecord, TermsByTaxonomy } from "./writeback.types.js";

/** What to add and remove per taxonomy, and the record to store afterwards. */
export interface MergeResult {
  add: TermsByTaxonomy;
  remove: TermsByTaxonomy;
  record: AppliedRecord;
}

// Names keyed case-insensitively, so "Red" on the product matches "red" from the model.
function index(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name !== "" && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), name);
  }
  return out;
}

const minus = (a: Map<string, string>, b: Map<string, string>) => new Map([...a].filter(([k]) => !b.has(k)));

/**
 * Merges suggested terms into a product without overruling a person: the TypeScript twin of the
 * plugin's LabelMerger::merge, so the service's write-back and the plugin's agree term for term.
 *
 * - a term on the product that Kalas Iris did not add is a person's; with `protect` it is never removed;
 * - in attributes and categories a person's term also means nothing is added there (with `protect`);
 * - tags are a bag: ours go next to a person's;
 * - a term a person removed after Kalas Iris added it is "declined" and never added again;
 * - only terms Kalas Iris added are ever removed, except that without `protect` a confident
 *   suggestion replaces a person's attribute or category.
 */
export function mergeLabels(
  current: TermsByTaxonomy,
  record: AppliedRecord,
  wanted: TermsByTaxonomy,
  protect: boolean,
  untouchable: readonly string[] = [],
): MergeResult {
  const add: TermsByTaxonomy = {};
  const remove: TermsByTaxonomy = {};
  const next: AppliedRecord = {};
  const taxonomies = [...new Set([...Object.keys(wanted), ...Object.keys(record)])];

  for (const taxonomy of taxonomies) {
    const onProduct = index(current[taxonomy] ?? []);
    const applied = index(record[taxonomy]?.applied ?? []);
    const declined = index(record[taxonomy]?.declined ?? []);

    // Applied earlier but gone now: a person removed it, which is an answer too.
    for (const [k, name] of minus(applied, onProduct)) {
      declined.set(k, name);
      applied.delete(k);
    }

    const person = minus(onProduct, applied);
    let want = minus(index(wanted[taxonomy] ?? []), declined);
    const locked = untouchable.includes(taxonomy);
    if (locked || (taxonomy !== "product_tag" && protect && person.size > 0)) want = new Map();

    const toAdd = minus(want, onProduct);
    const toRemove = minus(applied, want);
    if (!protect && taxonomy !== "product_tag" && want.size > 0) {
      for (const [k, v] of minus(person, want)) toRemove.set(k, v);
    }
    if (locked) toRemove.clear();

    const nowApplied = new Map([...minus(applied, toRemove), ...toAdd]);
    if (toAdd.size > 0) add[taxonomy] = [...toAdd.values()];
    if (toRemove.size > 0) remove[taxonomy] = [...toRemove.values()];
    if (nowApplied.size > 0 || declined.size > 0) {
      next[taxonomy] = { applied: [...nowApplied.values()], declined: [...declined.values()] };
    }
  }
  return { add, remove, record: next };
}
