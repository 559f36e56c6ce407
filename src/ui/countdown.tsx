import { useEffect, useRef, useState } from 'react';
import { formatCountdown, msUntil } from '../domain/time';
import { currentLocale } from '../i18n/i18n';

/** Ticks once a second until `deadlineIso`, then calls `onDone` once. */
export function Countdown({ deadlineIso, onDone, render }: { deadlineIso: string; onDone?: () => void; render: (formatted: string) => string }) {
  const [now, setNow] = useState(() => Date.now());
  const remaining = msUntil(deadlineIso, now);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    if (remaining <= 0) {
      onDoneRef.current?.();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, remaining));
    return () => clearTimeout(timer);
  }, [remaining]);

  return (
    <time className="countdown" dateTime={deadlineIso} role="timer">
      {render(formatCountdown(remaining, currentLocale()))}
    </time>
  );
}
