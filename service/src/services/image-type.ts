/**
 * The media type of stored image bytes, from their first bytes. Stored photos are kept without their
 * upload's Content-Type (any image/* or multipart part was accepted), and reading the magic numbers is
 * enough to answer them again; sharp would decode the header for the same answer.
 */

const SIGNATURES: [type: string, test: (b: Buffer) => boolean][] = [
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/gif", (b) => /^GIF8[79]a$/.test(b.toString("latin1", 0, 6))],
  ["image/webp", (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP"],
  // ISO base media files: the "ftyp" box names the brand. AVIF is "avif" (a still) or "avis" (a sequence).
  ["image/avif", (b) => b.toString("latin1", 4, 8) === "ftyp" && /^avi[fs]$/.test(b.toString("latin1", 8, 12))],
  ["image/heic", (b) => b.toString("latin1", 4, 8) === "ftyp" && /^(heic|heix|heim|heis|mif1|msf1)$/.test(b.toString("latin1", 8, 12))],
  ["image/tiff", (b) => ["II*\0", "MM\0*"].includes(b.toString("latin1", 0, 4))],
];

/** "image/jpeg", "image/png", …, or "application/octet-stream" when the bytes are none of those. */
export function imageMediaType(bytes: Buffer): string {
  return SIGNATURES.find(([, test]) => bytes.length >= 12 && test(bytes))?.[0] ?? "application/octet-stream";
}
