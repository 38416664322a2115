/**
 * Plots for docs/quality.md, drawn as SVG and rendered to PNG with sharp (librsvg), so no
 * plotting library is needed.
 */
import sharp from "sharp";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export async function savePng(svg: string, file: string): Promise<void> {
  await sharp(Buffer.from(svg)).png().toFile(file);
}

/** Row-normalised confusion matrix with labels. */
export function confusionSvg(labels: string[], matrix: number[][], title: string): string {
  const cell = 18;
  const left = 170;
  const top = 170;
  const n = labels.length;
  const w = left + n * cell + 20;
  const h = top + n * cell + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="10"><rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="16" font-size="13">${esc(title)}</text>`,
  ];
  labels.forEach((l, i) => {
    parts.push(`<text x="${left - 4}" y="${top + i * cell + 12}" text-anchor="end">${esc(l)}</text>`);
    parts.push(`<text transform="translate(${left + i * cell + 12},${top - 4}) rotate(-60)">${esc(l)}</text>`);
  });
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((v, j) => {
      const f = v / total;
      const shade = Math.round(255 - f * 220);
      parts.push(
        `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 1}" height="${cell - 1}" fill="rgb(${shade},${shade},255)"/>`,
      );
      if (f >= 0.1) parts.push(`<text x="${left + j * cell + 2}" y="${top + i * cell + 12}" font-size="8">${Math.round(f * 100)}</text>`);
    });
  });
  parts.push("</svg>");
  return parts.join("");
}

/** A line chart with axes 0..1, one series per entry. */
export function lineChartSvg(
  title: string,
  xLabel: string,
  yLabel: string,
  series: { name: string; points: [number, number][]; color: string }[],
  diagonal = false,
): string {
  const W = 420,
    H = 320,
    L = 50,
    B = 40,
    T = 30,
    R = 120;
  const x = (v: number) => L + v * (W - L - R);
  const y = (v: number) => H - B - v * (H - B - T);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>`,
    `<text x="${L}" y="18" font-size="13">${esc(title)}</text>`,
  ];
  parts.push(
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="black"/><line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="black"/>`,
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<text x="${x(t)}" y="${y(0) + 14}" text-anchor="middle">${t}</text><text x="${x(0) - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    );
  }
  parts.push(
    `<text x="${(x(0) + x(1)) / 2}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text><text transform="translate(12,${(y(0) + y(1)) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  if (diagonal) parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#aaa" stroke-dasharray="4 3"/>`);
  series.forEach((s, k) => {
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([a, b]) => `${x(a)},${y(b)}`).join(" ")}"/>`,
    );
    for (const [a, b] of s.points) parts.push(`<circle cx="${x(a)}" cy="${y(b)}" r="2.5" fill="${s.color}"/>`);
    parts.push(
      `<rect x="${W - R + 10}" y="${T + k * 16}" width="10" height="10" fill="${s.color}"/><text x="${W - R + 24}" y="${T + k * 16 + 9}">${esc(s.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
