// Draws the app's PNG icons (the check mark of public/icon.svg) with no image library and no
// network: `node scripts/generate-icons.mjs` rewrites public/icons/. Committed output; rerun
// only when the design changes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x4f, 0x46, 0xe5];
const WHITE = [0xff, 0xff, 0xff];
const OUT = path.join(import.meta.dirname, '../public/icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1)
      rows.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from p to the segment a–b. */
function toSegment([px, py], [ax, ay], [bx, by]) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The icon on a 32-unit grid, like icon.svg. `maskable`: a full square (the platform cuts its
 * own shape) with the mark inside the safe zone, a circle of 80% of the size.
 */
function icon(size, maskable) {
  const unit = size / 32;
  const scale = maskable ? 0.7 : 1;
  const mark = (v) => 16 + (v - 16) * scale;
  const points = [
    [9, 16.5],
    [13.5, 21],
    [23, 11.5],
  ].map(([x, y]) => [mark(x) * unit, mark(y) * unit]);
  const stroke = 1.6 * scale * unit;
  const radius = maskable ? 0 : 8 * unit;
  return png(size, (x, y) => {
    const cx = Math.max(radius, Math.min(size - radius, x));
    const cy = Math.max(radius, Math.min(size - radius, y));
    if (Math.hypot(x - cx, y - cy) > radius) return [0, 0, 0, 0];
    const onMark =
      toSegment([x, y], points[0], points[1]) <= stroke ||
      toSegment([x, y], points[1], points[2]) <= stroke;
    return [...(onMark ? WHITE : ACCENT), 255];
  });
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  writeFileSync(path.join(OUT, name), icon(size, maskable));
}
