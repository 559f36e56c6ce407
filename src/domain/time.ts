/** Milliseconds left until `deadlineIso`, never negative; 0 for an unparseable date. */
export function msUntil(deadlineIso: string, nowMs: number): number {
  const deadline = Date.parse(deadlineIso);
  return Number.isNaN(deadline) ? 0 : Math.max(0, deadline - nowMs);
}

/**
 * A countdown as `m:ss`, or `h:mm:ss` from an hour up, in `locale`'s digits (fa: "۴:۰۵"). Rounds up so
 * it reads 0:00 only at the end.
 */
export function formatCountdown(remainingMs: number, locale = 'en'): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const padded = new Intl.NumberFormat(locale, { useGrouping: false, minimumIntegerDigits: 2 });
  const seconds = padded.format(total % 60);
  return hours > 0 ? `${plain.format(hours)}:${padded.format(minutes)}:${seconds}` : `${plain.format(minutes)}:${seconds}`;
}
