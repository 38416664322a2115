/**
 * Expands files and folders given on the command line into image paths. Inside folders only image
 * extensions count; a file named explicitly is always tried, so it fails with a reason instead of
 * being skipped without a word.
 */
import fs from "node:fs";
import path from "node:path";

const IMAGE = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;

export function imageFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, named: boolean) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or folder`);
    if (stat.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), false);
    else if (named || IMAGE.test(p)) out.push(p);
  };
  for (const p of inputs) walk(p, true);
  return out;
}
