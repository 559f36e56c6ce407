import type { DemoIcon } from './demo-catalog';

/**
 * Draws a demo product's picture as SVG, deterministically from its slug: a coloured tile with the
 * category's icon. Made locally so the demo shop needs no network and no binary assets in the repo.
 */
export function drawDemoImage(slug: string, icon: DemoIcon): string {
  const hue = hashString(slug) % 360;
  const base = `hsl(${hue} 55% 62%)`;
  const deep = `hsl(${(hue + 30) % 360} 50% 38%)`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="${base}"/><stop offset="1" stop-color="${deep}"/></linearGradient></defs>`,
    `<rect width="400" height="400" fill="url(#g)"/>`,
    `<circle cx="200" cy="200" r="120" fill="rgba(255,255,255,0.18)"/>`,
    `<g fill="none" stroke="#fff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round">`,
    ICONS[icon],
    `</g></svg>`,
  ].join('');
}

const ICONS: Record<DemoIcon, string> = {
  cup: '<path d="M130 170h110v60a50 50 0 0 1-50 50h-10a50 50 0 0 1-50-50z"/><path d="M240 185h15a25 25 0 0 1 0 50h-15"/><path d="M160 140c0-15 15-15 15-30M195 140c0-15 15-15 15-30"/>',
  leaf: '<path d="M130 270c0-90 60-140 150-140 0 90-50 150-140 150"/><path d="M140 265l90-90"/>',
  bun: '<path d="M120 240a80 60 0 0 1 160 0z"/><path d="M110 240h180"/><path d="M160 200c10-10 20-10 30 0M210 200c10-10 20-10 30 0"/>',
  shirt: '<path d="M160 125l-50 30 20 40 25-12v92h90v-92l25 12 20-40-50-30c-5 15-20 25-40 25s-35-10-40-25z"/>',
  bag: '<rect x="130" y="160" width="140" height="120" rx="16"/><path d="M165 160v-15a35 35 0 0 1 70 0v15"/>',
  gift: '<rect x="125" y="180" width="150" height="100" rx="8"/><path d="M115 150h170v30H115zM200 150v130"/><path d="M200 150c-20-35-60-25-45 0M200 150c20-35 60-25 45 0"/>',
};

/** FNV-1a: a tiny, stable string hash, good enough to spread hues. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
