// Draws the app's icon, packaging/icon.png (512×512, what electron-builder wants for Linux and
// turns into Windows' .ico): a hall screen with a queue board and a speaker's sound arcs, on the
// operator's blue. Run once when it changes: node scripts/make-icon.mjs (pngjs, no image tools).
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 512;
const png = new PNG({ width: SIZE, height: SIZE });

/** Coverage of a pixel by a shape, from 4×4 samples: edges are smooth without a renderer. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const arc = (cx, cy, r, width, from, to) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  const a = Math.atan2(y - cy, x - cx);
  return Math.abs(d - r) <= width / 2 && a >= from && a <= to;
};

// Back to front: [shape, [r, g, b]].
const layers = [
  [roundedRect(16, 16, 496, 496, 96), null], // the tile: a vertical blue gradient, below
  [roundedRect(72, 104, 376, 312, 20), [255, 255, 255]], // the screen
  [roundedRect(196, 312, 252, 352, 0), [255, 255, 255]], // its stand
  [roundedRect(148, 352, 300, 372, 10), [255, 255, 255]],
  [roundedRect(96, 132, 352, 168, 8), [0, 122, 204]], // the queue board's header
  [roundedRect(96, 188, 220, 212, 6), [30, 41, 59]], // ticket lines
  [roundedRect(240, 188, 352, 212, 6), [234, 88, 12]],
  [roundedRect(96, 228, 220, 252, 6), [30, 41, 59]],
  [roundedRect(240, 228, 352, 252, 6), [30, 41, 59]],
  [roundedRect(96, 268, 220, 292, 6), [30, 41, 59]],
  [roundedRect(240, 268, 352, 292, 6), [30, 41, 59]],
  [arc(380, 208, 56, 18, -0.9, 0.9), [255, 255, 255]], // the PA's sound
  [arc(380, 208, 92, 18, -0.9, 0.9), [255, 255, 255]],
];

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const [inside, colour] of layers) {
      const c = coverage(x, y, inside);
      if (c === 0) continue;
      const t = y / SIZE;
      const [cr, cg, cb] = colour ?? [Math.round(0 + 10 * t), Math.round(110 - 40 * t), Math.round(200 - 50 * t)];
      r = r * (1 - c) + cr * c;
      g = g * (1 - c) + cg * c;
      b = b * (1 - c) + cb * c;
      a = a + (255 - a) * c;
    }
    const i = (y * SIZE + x) * 4;
    png.data[i] = Math.round(r);
    png.data[i + 1] = Math.round(g);
    png.data[i + 2] = Math.round(b);
    png.data[i + 3] = Math.round(a);
  }
}
writeFileSync(new URL('../packaging/icon.png', import.meta.url), PNG.sync.write(png));
