/**
 * Serves the built try-it web app (service/web/dist) at /. The HTML, the service worker and the
 * manifest must be revalidated on every load, or a phone keeps running an old build; Vite's hashed
 * assets never change under the same name, so browsers may keep them for a year.
 */
import fs from "node:fs";
import path from "node:path";

import express, { Router } from "express";

const NO_CACHE = new Set(["index.html", "sw.js", "offline.html", "manifest.webmanifest"]);

// The page loads only its own scripts and styles and talks only to this origin; product photos in
// the similar-items grid come from the shops' own sites, hence any https image.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function webRouter(distDir: string): Router {
  const router = Router();
  if (!fs.existsSync(path.join(distDir, "index.html"))) {
    // Not built: say so at / instead of a bare 404, and leave every other path to the API's 404.
    router.get("/", (_req, res) => {
      res.status(503).type("text/plain").send("The web app is not built. Run: npm run build:web -w service\n");
    });
    return router;
  }
  router.use(
    express.static(distDir, {
      index: "index.html",
      setHeaders(res, file) {
        const name = path.basename(file);
        const rel = path.relative(distDir, file).split(path.sep).join("/");
        if (NO_CACHE.has(name)) res.setHeader("Cache-Control", "no-cache");
        else if (rel.startsWith("assets/")) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        else res.setHeader("Cache-Control", "public, max-age=86400");
        if (name === "sw.js") res.setHeader("Service-Worker-Allowed", "/");
        if (name.endsWith(".html")) {
          res.setHeader("Content-Security-Policy", CSP);
          res.setHeader("X-Content-Type-Options", "nosniff");
          res.setHeader("Referrer-Policy", "same-origin");
        }
        if (name.endsWith(".webmanifest")) res.setHeader("Content-Type", "application/manifest+json");
      },
    }),
  );
  return router;
}
