const NANO_PER_TON = 1_000_000_000n;

/**
 * Formats integer nanotons as TON with bigint arithmetic only (a float would print 0.30000000000000004
 * and lose precision above 2^53 nanotons): 1_500_000_000n → "1.5 TON", 1_234_000_000_000n → "1,234 TON".
 * Never rounds: every significant fraction digit is shown and trailing zeros are trimmed.
 */
export function formatTon(amountNano: bigint): string {
  const negative = amountNano < 0n;
  const absolute = negative ? -amountNano : amountNano;
  const whole = (absolute / NANO_PER_TON).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = (absolute % NANO_PER_TON).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} TON`;
}
