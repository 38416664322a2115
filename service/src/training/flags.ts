/** `--name value` pairs of a training script's command line (these scripts take no bare flags). */
export function parseFlags(argv: string[] = process.argv.slice(2)): Record<string, string | undefined> {
  return Object.fromEntries(argv.map((a, i, all) => (a.startsWith("--") ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
}
