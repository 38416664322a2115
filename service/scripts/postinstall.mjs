// Runs after `npm install`: builds the model packs' encoders from the weights inside nsfwjs
// (offline), and the try-it web app when its build tools are installed (not with --omit=dev).
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
if (hasVite && fs.existsSync("web/vite.config.ts") && !fs.existsSync("web/dist/index.html")) {
  run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:web", "--silent"]);
} else if (!hasVite) {
  console.warn("kalas-iris: vite is not installed, so the try-it web app was not built (npm run build:web -w service).");
}
