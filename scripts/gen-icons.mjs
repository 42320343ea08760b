// Owns drawing Sheaf's icons (tray idle/running at 1x/2x, macOS template variants, the 512 px app icon) as PNGs
// with nothing but Node: a tiny anti-aliased rasteriser and a hand-written PNG encoder. Run: node scripts/gen-icons.mjs
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const outDir = fileURLToPath(new URL('../resources/', import.meta.url));

// --- PNG encoding -------------------------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA (straight alpha, 8 bits per channel) to PNG; every row uses filter 0. */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing: shapes are signed-distance functions in a 0..1 unit square, supersampled for smooth edges -------

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - t * dx, py - t * dy) - w / 2;
  };
}
function roundedSquare(inset, radius) {
  return (x, y) => {
    const qx = Math.abs(x - 0.5) - (0.5 - inset - radius);
    const qy = Math.abs(y - 0.5) - (0.5 - inset - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const intersect =
  (...shapes) =>
  (x, y) =>
    Math.max(...shapes.map((s) => s(x, y)));
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

/** Paints layers ([shape, [r,g,b,a]]) back to front onto a transparent canvas of `size` px. */
function paint(size, layers) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, color] of layers) {
        let cover = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const x = (px + (sx + 0.5) / samples) / size;
            const y = (py + (sy + 0.5) / samples) / size;
            if (shape(x, y) <= 0) cover++;
          }
        }
        const srcA = (color[3] / 255) * (cover / (samples * samples));
        const outA = srcA + a * (1 - srcA);
        if (outA > 0) {
          r = (color[0] * srcA + r * a * (1 - srcA)) / outA;
          g = (color[1] * srcA + g * a * (1 - srcA)) / outA;
          b = (color[2] * srcA + b * a * (1 - srcA)) / outA;
        }
        a = outA;
      }
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}

// --- The glyphs ------------------------------------------------------------------------------------------------

// Hands pointing to 12 and 3 read as "a clock" even at 16 px.
const hands = (w, cx = 0.5, cy = 0.5, r = 0.36) =>
  union(segment(cx, cy, cx, cy - r * 0.72, w), segment(cx, cy, cx + r * 0.55, cy, w));
const black = [0, 0, 0, 255];
const white = [255, 255, 255, 255];
const outline = [32, 36, 40, 255];
const idleFill = [120, 128, 138, 255];
const runningFill = [232, 98, 34, 255]; // Harvest-ish orange: reads as "on" on light and dark panels

// macOS template images: black + alpha only; the menu bar recolours them. Idle is an outline, running is solid.
const templateIdle = [[union(ring(0.5, 0.5, 0.36, 0.11), hands(0.1)), black]];
const templateRunning = [[subtract(circle(0.5, 0.5, 0.42), hands(0.11)), black]];

// Windows/Linux: a coloured face with a dark rim and white hands, legible on both light and dark panels.
const colouredTray = (fill) => [
  [circle(0.5, 0.5, 0.46), outline],
  [circle(0.5, 0.5, 0.39), fill],
  [hands(0.11), white],
];

// The app icon: a rounded green tile with a white clock face and a leaf growing from its rim (the "sheaf").
const tile = roundedSquare(0.06, 0.2);
const face = [0.45, 0.56, 0.3];
// A leaf is the lens where two circles overlap, along the axis from its stem (0.64, 0.34) to its tip (0.86, 0.12).
const leaf = intersect(circle(0.838, 0.318, 0.2), circle(0.662, 0.142, 0.2));
const ink = [33, 33, 33, 255];
const appIcon = [
  [tile, [46, 125, 50, 255]],
  [leaf, [174, 213, 129, 255]],
  [segment(0.66, 0.32, 0.8, 0.18, 0.014), [46, 125, 50, 255]],
  [circle(...face), white],
  [hands(0.045, ...face), ink],
  [circle(face[0], face[1], 0.03), ink],
];

const files = {
  'trayTemplate.png': [16, templateIdle],
  'trayTemplate@2x.png': [32, templateIdle],
  'trayRunningTemplate.png': [16, templateRunning],
  'trayRunningTemplate@2x.png': [32, templateRunning],
  'tray.png': [16, colouredTray(idleFill)],
  'tray@2x.png': [32, colouredTray(idleFill)],
  'trayRunning.png': [16, colouredTray(runningFill)],
  'trayRunning@2x.png': [32, colouredTray(runningFill)],
  'icon.png': [512, appIcon],
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, [size, layers]] of Object.entries(files)) {
    writeFileSync(join(outDir, name), paint(size, layers));
    console.log(`resources/${name} (${size}x${size})`);
  }
}
