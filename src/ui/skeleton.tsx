import type { CSSProperties, ReactNode } from 'react';

/** One shimmering placeholder block. */
export function SkeletonBlock({ style, className }: { style?: CSSProperties; className?: string }) {
  return <span className={`skeleton-block ${className ?? ''}`} style={style} />;
}

/** Wraps a screen's placeholders; announced once to screen readers. */
export function Skeleton({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div data-testid="skeleton" className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}
