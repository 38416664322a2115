#!/usr/bin/env node
/**
 * Builds the installable WordPress plugin: dist/kalas-iris-<version>.zip, with one folder
 * `kalas-iris/` inside, which a shop uploads under Plugins → Add New → Upload Plugin.
 *
 * The repository's plugin/ folder cannot be copied as it is: its admin screens and block scripts are
 * built from admin-ui/ into plugin/build/, which is not committed, and it holds the PHP tests and the
 * developers' README. This script builds the scripts, checks that everything the PHP and the blocks
 * load is there, and zips only what WordPress runs, plus the licence.
 *
 *   npm run package:plugin                  # build the admin UI, then zip
 *
 * It always builds: a zip of an older plugin/build would ship scripts that do not match the sources,
 * and the build's file times cannot tell (webpack leaves an unchanged output file untouched).
 *
 * The WordPress browser flows install this zip (e2e/run-ci.sh), so what they test is what ships.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLUGIN = path.join(ROOT, "plugin");
const SLUG = "kalas-iris";
/** What WordPress runs; the rest of plugin/ (tests, README.md) stays in the repository. */
const SHIPPED = ["kalas-iris.php", "uninstall.php", "readme.txt", "src", "blocks", "build"];

function fail(message) {
  process.stderr.write(`package-plugin: ${message}\n`);
  process.exit(1);
}

/** The version, which the plugin header, its KALAS_IRIS_VERSION, readme.txt's stable tag and package.json must agree on. */
function version() {
  const php = fs.readFileSync(path.join(PLUGIN, "kalas-iris.php"), "utf8");
  const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(php)?.[1];
  const constant = /const KALAS_IRIS_VERSION = '([^']+)'/.exec(php)?.[1];
  const stable = /^Stable tag:\s*(\S+)/m.exec(fs.readFileSync(path.join(PLUGIN, "readme.txt"), "utf8"))?.[1];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  if (!header || new Set([header, constant, stable, pkg]).size !== 1)
    fail(
      `versions disagree: plugin header ${header}, KALAS_IRIS_VERSION ${constant}, readme.txt stable tag ${stable}, package.json ${pkg}`,
    );
  return header;
}

/** Every script the plugin loads must have been built: the admin entries (with their .asset.php) and the blocks' files. */
function checkBuild() {
  const build = path.join(PLUGIN, "build");
  if (!fs.existsSync(build)) fail("plugin/build is missing after the build");
  const missing = [];
  for (const name of fs.readdirSync(build).filter((n) => n.endsWith(".asset.php"))) {
    const js = name.replace(/\.asset\.php$/, ".js");
    if (!fs.existsSync(path.join(build, js))) missing.push(`build/${js}`);
  }
  for (const block of fs.readdirSync(path.join(PLUGIN, "blocks"))) {
    const dir = path.join(PLUGIN, "blocks", block);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "block.json"), "utf8"));
    for (const value of Object.values(json).flat()) {
      if (typeof value !== "string" || !value.startsWith("file:")) continue;
      const file = path.resolve(dir, value.slice("file:".length));
      if (!fs.existsSync(file)) missing.push(path.relative(PLUGIN, file));
      // A built script comes with the list of WordPress scripts it needs.
      if (file.endsWith(".js") && !fs.existsSync(file.replace(/\.js$/, ".asset.php")))
        missing.push(path.relative(PLUGIN, file).replace(/\.js$/, ".asset.php"));
    }
  }
  for (const entry of ["admin", "product-panel"]) if (!fs.existsSync(path.join(build, `${entry}.js`))) missing.push(`build/${entry}.js`);
  if (missing.length) fail(`the build lacks ${missing.join(", ")}: run npm run build -w admin-ui`);
}

function main() {
  const v = version();
  process.stderr.write("building the admin UI (npm run build -w admin-ui)…\n");
  try {
    // The build's own output goes to stderr, where its errors can be read; stdout is this script's one line.
    execFileSync("npm", ["run", "build", "-w", "admin-ui", "--silent"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  } catch {
    fail("the admin UI build failed (its output is above)");
  }
  checkBuild();
  try {
    execFileSync("zip", ["-v"], { stdio: "ignore" });
  } catch {
    fail("the zip command is missing (Debian: apt-get install zip)");
  }

  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-plugin-"));
  try {
    const into = path.join(stage, SLUG);
    fs.mkdirSync(into);
    // Dotfiles (build stamps, editor files) never ship.
    const filter = (src) => !path.basename(src).startsWith(".");
    // Files keep their own times, so the same sources give the same archive entries.
    for (const item of SHIPPED)
      fs.cpSync(path.join(PLUGIN, item), path.join(into, item), { recursive: true, filter, preserveTimestamps: true });
    fs.copyFileSync(path.join(ROOT, "LICENSE"), path.join(into, "license.txt"));

    const dist = path.join(ROOT, "dist");
    fs.mkdirSync(dist, { recursive: true });
    const zipFile = path.join(dist, `${SLUG}-${v}.zip`);
    fs.rmSync(zipFile, { force: true });
    // -X: no extra file attributes.
    execFileSync("zip", ["-r", "-X", "-q", zipFile, SLUG], { cwd: stage });
    const files = execFileSync("zip", ["-sf", zipFile], { encoding: "utf8" })
      .split("\n")
      .filter((l) => /^\s+\S/.test(l) && !l.trim().endsWith("/"));
    const kb = Math.round(fs.statSync(zipFile).size / 1024);
    process.stdout.write(`${path.relative(ROOT, zipFile)}: ${files.length} files, ${kb} KB\n`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

main();
