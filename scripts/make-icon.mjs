#!/usr/bin/env node
// Draws the shop's 192×192 PNG icon (TON Connect manifests need a PNG `iconUrl`) into public/icon-192.png.
// Run once after changing the design; the PNG is checked in. No image library: PNG is zlib + CRC32.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 192;
const pixels = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  pixels[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    const o = y * (size * 4 + 1) + 1 + x * 4;
    const dx = x - size / 2 + 0.5;
    const dy = y - size / 2 + 0.5;
    const r = Math.hypot(dx, dy);
    // A blue tile with a white shopping-bag silhouette: a body and a handle ring.
    const inBody = x >= 52 && x < 140 && y >= 76 && y < 156;
    const inHandle = Math.abs(Math.hypot(dx, y - 78) - 26) < 7 && y < 80;
    const white = inBody || inHandle;
    const edge = r > size / 2 - 0.5 ? 0 : 255;
    pixels[o] = white ? 255 : 36;
    pixels[o + 1] = white ? 255 : 129;
    pixels[o + 2] = white ? 255 : 204;
    pixels[o + 3] = edge;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../public/icon-192.png', import.meta.url), png);
console.log(`public/icon-192.png: ${png.length} bytes`);
