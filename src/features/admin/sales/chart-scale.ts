// Bar heights for the revenue chart, computed on nanotons as BigInt: revenue can exceed 2^53 nanotons
// (~9M TON), where Number would silently round.

/** Each amount's bar height in [0, maxHeight], relative to the largest; a non-zero amount is at least `minVisible`. */
export function scaleBars(amountsNano: readonly string[], maxHeight: number, minVisible = 1): number[] {
  const values = amountsNano.map((a) => BigInt(a));
  const max = values.reduce((m, v) => (v > m ? v : m), 0n);
  if (max === 0n) return values.map(() => 0);
  // Per-mille precision is finer than a pixel at any chart size we draw.
  return values.map((v) => {
    if (v <= 0n) return 0;
    const height = (Number((v * 1000n) / max) / 1000) * maxHeight;
    return Math.max(height, minVisible);
  });
}

/** The index of the largest amount (the first one on a tie), or -1 when all are zero. */
export function indexOfMax(amountsNano: readonly string[]): number {
  let best = -1;
  let bestValue = 0n;
  amountsNano.forEach((a, i) => {
    const v = BigInt(a);
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  });
  return best;
}
