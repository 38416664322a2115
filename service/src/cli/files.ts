/** Expands files and folders given on the command line into image paths. */
import fs from "node:fs";
import path from "node:path";

const IMAGE = /\.(jpe?g|png|webp|gif|avif|tiff?)$/i;

export function imageFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or folder`);
    if (stat.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else if (IMAGE.test(p)) out.push(p);
  };
  inputs.forEach(walk);
  return out;
}
