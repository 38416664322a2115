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
  // Folders by their real path: a link back to a folder above would otherwise be walked for ever.
  const seen = new Set<string>();
  const walk = (p: string, named: boolean) => {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p, { throwIfNoEntry: false });
    } catch (e) {
      // A link that points at itself, or at nothing readable: named, it is an error; in a folder, skipped.
      if (named) throw new Error(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      return;
    }
    if (!stat) {
      if (named) throw new Error(`${p}: no such file or folder`);
      return; // a dangling link inside a folder
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(p);
      if (seen.has(real)) return;
      seen.add(real);
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), false);
    } else if (named || IMAGE.test(p)) out.push(p);
  };
  for (const p of inputs) walk(p, true);
  return out;
}
