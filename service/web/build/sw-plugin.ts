import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { transformWithEsbuild, type Plugin } from 'vite';

/**
 * Emits `sw.js` at the root of the build with the list of files to precache.
 * The list comes from the finished bundle (hashed names) plus the given public files. The cache version
 * hashes their contents, so a build that changes any file, even an unhashed public one, gets a fresh cache.
 */
export function serviceWorkerPlugin(options: { source: string; publicDir: string; publicFiles: string[] }): Plugin {
  return {
    name: 'kalas-iris-service-worker',
    apply: 'build',
    async generateBundle(_output, bundle) {
      const hash = createHash('sha256');
      const urls = ['/'];
      for (const [file, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (file.endsWith('.map')) continue;
        hash.update(file).update(item.type === 'chunk' ? item.code : item.source);
        if (file !== 'index.html') urls.push(`/${file}`);
      }
      for (const file of options.publicFiles) {
        hash.update(file).update(await readFile(join(options.publicDir, file)));
        urls.push(`/${file}`);
      }
      const ts = await readFile(options.source, 'utf8');
      const { code } = await transformWithEsbuild(ts, options.source, {
        loader: 'ts',
        minify: true,
        format: 'esm',
        define: { __KALAS_PRECACHE__: JSON.stringify(urls), __KALAS_VERSION__: JSON.stringify(hash.digest('hex').slice(0, 12)) },
      });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}
