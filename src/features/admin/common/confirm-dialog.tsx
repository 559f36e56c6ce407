import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question before something that can't be undone (cancelling an order, deleting a category).
 * The native <dialog>: focus moves into it, Esc closes it, the page behind is inert.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmText,
  cancelText,
  destructive = false,
  busy = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmText: string;
  cancelText: string;
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="confirm-dialog" data-testid="confirm-dialog" aria-labelledby="confirm-title" onClose={onClose}>
      <h2 id="confirm-title" className="confirm-dialog__title">
        {title}
      </h2>
      {children}
      <div className="confirm-dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {cancelText}
        </button>
        <button
          type="button"
          data-testid="confirm"
          className={`button ${destructive ? 'button--destructive' : 'button--primary'}`}
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy && <span className="spinner" aria-hidden="true" />}
          {confirmText}
        </button>
      </div>
    </dialog>
  );
}
