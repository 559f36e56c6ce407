/** A long hash or address shortened to its ends ("3f9a…c21b"), whole in the tooltip and for screen readers. */
export function ShortHash({ value }: { value: string }) {
  const short = value.length > 14 ? `${value.slice(0, 6)}…${value.slice(-6)}` : value;
  return (
    <code className="short-hash" dir="ltr" title={value} aria-label={value}>
      {short}
    </code>
  );
}
