/** Milliseconds left until `deadlineIso`, never negative; 0 for an unparseable date. */
export function msUntil(deadlineIso: string, nowMs: number): number {
  const deadline = Date.parse(deadlineIso);
  return Number.isNaN(deadline) ? 0 : Math.max(0, deadline - nowMs);
}

/** A countdown as `m:ss`, or `h:mm:ss` from an hour up. Rounds up so it reads 0:00 only at the end. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
