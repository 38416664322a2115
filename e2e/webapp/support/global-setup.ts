import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { datasetDir, imageHost, limitedPort, MISSING_DATASET, port, queryPhoto, repoRoot, sampleProducts } from './env.js';

const cli = path.join(repoRoot, 'service', 'bin', 'kalas-iris.js');

/**
 * Builds the web app, creates a key for shop "web", starts the real service in public-demo mode
 * (WEB_SHOP=web) on a fresh data directory, and indexes a few dataset products for similar items.
 * A second service with a tiny rate limit gives a real 429. Values reach the tests through process.env.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  execFileSync('npm', ['run', 'build:web', '-w', 'service'], { cwd: repoRoot, stdio: 'inherit' });

  const logDir = path.join(repoRoot, 'e2e', 'webapp', 'service-logs');
  fs.mkdirSync(logDir, { recursive: true });
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];
  const teardown = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  };

  const start = (name: string, listenPort: number, extraEnv: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kalas-webapp-${name}-`));
    dataDirs.push(dataDir);
    const env = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(listenPort), WEB_SHOP: 'web', ...extraEnv };
    const key = execFileSync('node', [cli, 'keys', 'create', '--shop', 'web'], { env, encoding: 'utf8' }).trim().split('\n').pop()!.trim();
    const log = fs.openSync(path.join(logDir, `service-${name}.log`), 'w');
    const child = spawn('node', [cli, 'serve'], { env, stdio: ['ignore', log, log] });
    children.push(child);
    return { key, child, url: `http://127.0.0.1:${listenPort}` };
  };

  try {
    // The tests act faster than a person: the visitors' limit is lifted on the main service.
    const main = start('main', port, { WEB_RATE_LIMIT_PER_SECOND: '1000' });
    const limited = start('limited', limitedPort, { RATE_LIMIT_PER_SECOND: '0.01', WEB_RATE_LIMIT_PER_SECOND: '0.01' });
    await Promise.all([waitReady(main.url, main.child), waitReady(limited.url, limited.child)]);
    process.env.KALAS_WEBAPP_KEY = main.key;
    process.env.KALAS_WEBAPP_LIMITED_URL = limited.url;

    // A plain generated photo, so the error cases run even without the dataset.
    const synthetic = path.join(dataDirs[0]!, 'synthetic-red.jpg');
    const sharp = createRequire(path.join(repoRoot, 'service', 'package.json'))('sharp') as typeof import('sharp');
    await sharp({ create: { width: 320, height: 320, channels: 3, background: '#c62828' } })
      .jpeg()
      .toFile(synthetic);
    process.env.KALAS_WEBAPP_SYNTHETIC = synthetic;

    const dataset = datasetDir();
    if (!dataset) console.warn(`\n[e2e/webapp] ${MISSING_DATASET}; those tests are skipped.\n`);
    if (dataset) {
      const products = sampleProducts(dataset, 8);
      for (const p of products) await indexProduct(main.url, main.key, p.id, p.name, p.file);
      process.env.KALAS_WEBAPP_PRODUCTS = JSON.stringify(products);
      process.env.KALAS_WEBAPP_QUERY = JSON.stringify(queryPhoto(dataset, products));
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Polls readiness until the pack is loaded; fails at once if the process dies. */
async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service at ${url} exited with ${child.exitCode}; see e2e/webapp/service-logs/*.log`);
    try {
      const res = await fetch(`${url}/v1/health/ready`);
      if (res.ok && ((await res.json()) as { ready?: boolean }).ready) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the service at ${url} was not ready within 120 s`);
}

async function indexProduct(url: string, key: string, id: string, name: string, file: string): Promise<void> {
  const form = new FormData();
  form.append('image', new Blob([fs.readFileSync(file)], { type: 'image/jpeg' }), `${id}.jpg`);
  form.append('name', name);
  form.append('permalink', `${imageHost}/product/${id}`);
  form.append('image_url', `${imageHost}/images/${id}.jpg`);
  const res = await fetch(`${url}/v1/products/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${key}` }, body: form });
  if (!res.ok) throw new Error(`indexing product ${id} failed: ${res.status} ${await res.text()}`);
}
