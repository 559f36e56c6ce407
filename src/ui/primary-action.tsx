import { useEffect, useRef } from 'react';
import { usePlatform } from '../platform/services';

interface PrimaryActionProps {
  text: string;
  onClick: () => void;
  disabled?: boolean;
  progress?: boolean;
}

/**
 * The screen's one primary action: Telegram's MainButton inside Telegram, an in-page sticky button
 * elsewhere. A screen without one simply doesn't render it, and the MainButton hides.
 */
export function PrimaryAction({ text, onClick, disabled = false, progress = false }: PrimaryActionProps) {
  const platform = usePlatform();
  const latest = useRef({ onClick, disabled, progress });
  latest.current = { onClick, disabled, progress };
  // One stable handler per mount, so Telegram's onClick/offClick pair always matches.
  const handleClick = useRef(() => {
    const { onClick: run, disabled: off, progress: busy } = latest.current;
    if (!off && !busy) run();
  }).current;

  useEffect(() => {
    platform.setMainButton({ text, disabled, progress, onClick: handleClick });
  }, [platform, text, disabled, progress, handleClick]);
  useEffect(() => () => platform.setMainButton(null), [platform]);

  if (platform.insideTelegram) return null;
  return (
    <div className="primary-action">
      <button
        type="button"
        data-testid="main-button-fallback"
        className="button button--primary button--block"
        onClick={handleClick}
        disabled={disabled}
        aria-busy={progress || undefined}
      >
        {progress && <span className="spinner" aria-hidden="true" />}
        {text}
      </button>
    </div>
  );
}
