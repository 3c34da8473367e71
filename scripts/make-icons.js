#!/usr/bin/env node
/**
 * Draws the add-in icons (a blue table with a green check mark) and writes them as
 * RGBA PNGs to assets/icon-<size>.png. No image library: shapes are sampled 4×4 per
 * pixel for anti-aliasing and the PNG is assembled with zlib, so the icons can be
 * regenerated on any machine with plain Node.
 *
 *   node scripts/make-icons.js [outDir]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [31, 94, 181];
const LIGHT = [232, 240, 252];
const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];

// ---- PNG encoding -------------------------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of width*height*4, row-major. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---- drawing --------------------------------------------------------------------
/**
 * The glyph in unit coordinates (0..1, y down): returns the colour at a point or
 * null for transparent. Later layers paint over earlier ones.
 */
function glyph(size) {
  // Strokes never thinner than one pixel, so the 16 px icon keeps its grid.
  const line = Math.max(1.15 / size, 0.055);
  const L = 0.06, R = 0.86, T = 0.12, B = 0.84;
  const headerB = 0.33;
  const rows = [0.50, 0.67];
  const col = 0.36;
  const cx = 0.73, cy = 0.73, rOuter = 0.27, rInner = 0.22;
  // Check mark as two segments inside the badge.
  const p1 = [cx - 0.115, cy + 0.005], p2 = [cx - 0.03, cy + 0.09], p3 = [cx + 0.12, cy - 0.08];
  const checkW = Math.max(1.3 / size, 0.05);

  const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const distSeg = (x, y, a, b) => {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
  };

  return (x, y) => {
    let c = null;
    if (inRect(x, y, L, T, R, B)) {
      c = LIGHT;
      const border = x < L + line || x > R - line || y < T + line || y > B - line;
      const grid = Math.abs(x - col) < line / 2 || rows.some((ry) => Math.abs(y - ry) < line / 2);
      if (y <= headerB || border || (y > headerB && grid)) c = BLUE;
    }
    const d = Math.hypot(x - cx, y - cy);
    if (d <= rOuter) c = WHITE; // halo separates the badge from the table
    if (d <= rInner) c = GREEN;
    if (d <= rInner && Math.min(distSeg(x, y, p1, p2), distSeg(x, y, p2, p3)) <= checkW / 2) c = WHITE;
    return c;
  };
}

function render(size) {
  const g = glyph(size);
  const S = 4; // samples per axis
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, gr = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = g((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          r += c[0]; gr += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(gr / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
