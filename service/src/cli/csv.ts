/** Minimal RFC 4180 CSV reading and writing (quoted fields, commas and newlines inside quotes). */

/** One record and the line of the file it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Records of a CSV text, blank lines left out. `unterminated` is the line of a quote that is never
 * closed: the parser would otherwise swallow the rest of the file into one cell.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; unterminated: number | null } {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    row.push(field);
    field = "";
    if (row.some((v) => v !== "")) records.push({ line: rowLine, cells: row });
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i++;
        line++;
      } else if (c === "\r") line++;
      endRow();
      rowLine = line;
    } else field += c;
  }
  endRow();
  return { records, unterminated: quoted ? quoteLine : null };
}

export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRecords(text).records.map((r) => r.cells);
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ""])));
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
