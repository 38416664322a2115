/**
 * Draws the app icons from one SVG with sharp and writes the PNGs into public/icons.
 * The PNGs are committed; run this only when the design changes:
 *   node --import tsx web/scripts/make-icons.ts      (from service/)
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import sharp from 'sharp';

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));

/** An iris: concentric rings in the theme blue; `pad` shrinks the art into the maskable safe zone. */
function svg(size: number, pad: number): string {
  const c = size / 2;
  const r = (size / 2) * (1 - pad);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${pad > 0 ? 0 : size * 0.18}" fill="#1e3a8a"/>
  <circle cx="${c}" cy="${c}" r="${r * 0.78}" fill="#ffffff"/>
  <circle cx="${c}" cy="${c}" r="${r * 0.56}" fill="#0ea5e9"/>
  <circle cx="${c}" cy="${c}" r="${r * 0.3}" fill="#0f172a"/>
  <circle cx="${c - r * 0.12}" cy="${c - r * 0.12}" r="${r * 0.08}" fill="#ffffff"/>
</svg>`;
}

const icons: { file: string; size: number; pad: number }[] = [
  { file: 'icon-192.png', size: 192, pad: 0 },
  { file: 'icon-512.png', size: 512, pad: 0 },
  { file: 'icon-maskable-512.png', size: 512, pad: 0.2 },
  { file: 'apple-touch-icon.png', size: 180, pad: 0.1 },
  { file: 'favicon-32.png', size: 32, pad: 0 },
];

await mkdir(out, { recursive: true });
for (const icon of icons) {
  await sharp(Buffer.from(svg(icon.size, icon.pad)))
    .png({ compressionLevel: 9 })
    .toFile(`${out}${icon.file}`);
  console.log(`wrote icons/${icon.file} (${icon.size}px)`);
}
