/**
 * A numeric setting from the environment. Unset or blank (a `PORT=` line in an environment file)
 * means the default, as config-checks.ts reads it; Number("") would have made it 0 (a random port,
 * no requests allowed, no inference slots).
 */
export function envNumber(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? fallback : Number(raw);
}
