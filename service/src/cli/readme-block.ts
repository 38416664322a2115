/**
 * Replaces a marked block of the repository's README.md (`<!-- name:start -->` … `<!-- name:end -->`)
 * with a command's own output, formatted as the repository's prettier does, so README figures are
 * always what `npm run bench` or `npm run eval` printed last, never typed by hand.
 */
import fs from "node:fs";

import * as prettier from "prettier";

export async function replaceReadmeBlock(readme: string, name: string, content: string): Promise<boolean> {
  const text = fs.readFileSync(readme, "utf8");
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  const updated = `${text.slice(0, a + start.length)}\n${content.trim()}\n\n${text.slice(b)}`;
  const options = (await prettier.resolveConfig(readme)) ?? {};
  fs.writeFileSync(readme, await prettier.format(updated, { ...options, filepath: readme }));
  return true;
}
