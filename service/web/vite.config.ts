import { fileURLToPath } from 'node:url';

import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

import { serviceWorkerPlugin } from './build/sw-plugin';

// Run from the service workspace (`npm run build:web -w service`), so every path is anchored here, not at the cwd.
const root = fileURLToPath(new URL('.', import.meta.url));
const publicDir = `${root}public`;

export default defineConfig({
  root,
  publicDir,
  plugins: [
    preact(),
    serviceWorkerPlugin({
      source: `${root}src/pwa/sw.ts`,
      publicDir,
      publicFiles: [
        'offline.html',
        'manifest.webmanifest',
        'icons/icon-192.png',
        'icons/icon-512.png',
        'icons/icon-maskable-512.png',
        'icons/apple-touch-icon.png',
        'icons/favicon-32.png',
      ],
    }),
  ],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
  },
  server: {
    // `vite --config web/vite.config.ts` during development talks to a service running on its default port.
    proxy: { '/v1': 'http://127.0.0.1:8787' },
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
