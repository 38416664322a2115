// Runs after `npm install`: builds the model packs' encoders from the weights inside nsfwjs
// (offline), and the try-it web app when its build tools are installed (not with --omit=dev) and
// its build is missing or older than its sources.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ["bin/kalas-iris.js", "model", "build", "--if-missing"]);

let hasVite = true;
try {
  createRequire(import.meta.url).resolve("vite");
} catch {
  hasVite = false;
}
/** The newest change under a folder, leaving out its build output and installed packages. */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "dist" || e.name === "node_modules") continue;
    const p = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
// Built when missing, and again when its sources changed since (a `git pull` of a new version).
const stale = () => !fs.existsSync("web/dist/index.html") || newest("web") > fs.statSync("web/dist/index.html").mtimeMs;
if (hasVite && fs.existsSync("web/vite.config.ts") && stale()) {
  run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:web", "--silent"]);
} else if (!hasVite) {
  console.warn("kalas-iris: vite is not installed, so the try-it web app was not built (npm run build:web -w service).");
}
