import type { Page } from 'playwright-core';

export interface LayoutReport {
  dir: string;
  innerWidth: number;
  scrollWidth: number;
  /** Rects of the elements matched by the selector, in document order. */
  rects: { left: number; right: number; top: number; bottom: number }[];
}

/** Measures what a person would see as a broken layout: sideways scroll, boxes poking out of the screen. */
export function measureLayout(page: Page, selector: string): Promise<LayoutReport> {
  return page.evaluate((sel) => {
    const rects = Array.from(document.querySelectorAll(sel), (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    return {
      dir: document.documentElement.dir,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      rects,
    };
  }, selector);
}

/** Waits until the browser has laid out and painted the last DOM change. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** The background a person sees behind the app: the first opaque one of #root, body, html. */
export function readPageBackground(page: Page): Promise<{ element: string; color: string }> {
  return page.evaluate(() => {
    const candidates: [string, Element | null][] = [
      ['#root', document.getElementById('root')],
      ['body', document.body],
      ['html', document.documentElement],
    ];
    for (const [element, el] of candidates) {
      if (!el) continue;
      const color = getComputedStyle(el).backgroundColor;
      if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return { element, color };
    }
    return { element: 'none', color: 'transparent' };
  });
}

/** WCAG 2 contrast ratio of two `rgb(…)`/`rgba(…)` colours (alpha ignored). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function relativeLuminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
