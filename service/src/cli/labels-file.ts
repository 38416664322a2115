/**
 * Reads the labels CSV of `learn --labels`. A mistake in it would teach the shop wrong labels, so
 * every problem stops the command and names the line to fix instead of being guessed around.
 */
import fs from "node:fs";

import { checkProductId } from "../services/catalog.service.js";
import { existingFile } from "./checks.js";
import { parseCsvRecords } from "./csv.js";

export interface LabelItem {
  id: string;
  labels: Record<string, string>;
}

export function readLabels(file: string): LabelItem[] {
  if (!fs.existsSync(file)) throw new Error(`labels file ${file} not found`);
  const { records, unterminated } = parseCsvRecords(fs.readFileSync(existingFile(file), "utf8"));
  const at = (line: number, what: string) => new Error(`labels file ${file}, line ${line}: ${what}`);
  if (unterminated != null) throw at(unterminated, "a quote is opened and never closed");
  const [head, ...body] = records;
  const header = head?.cells.map((h) => h.trim()) ?? [];
  if (!header.includes("id")) throw new Error(`labels file ${file} needs a header with an "id" column`);
  if (!body.length) throw new Error(`labels file ${file} has a header but no rows`);
  const seen = new Map<string, number>();
  return body.map(({ line, cells }) => {
    if (cells.length !== header.length) throw at(line, `${cells.length} cells, but the header has ${header.length}`);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    const { id, ...fields } = row;
    try {
      checkProductId(id);
    } catch (e) {
      throw at(line, `id "${id}": ${(e as Error).message}`);
    }
    const first = seen.get(id);
    if (first != null) throw at(line, `id "${id}" is already on line ${first}`);
    seen.set(id, line);
    return { id, labels: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "")) };
  });
}
