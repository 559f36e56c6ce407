import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Tone = 'success' | 'error';
interface Toast {
  id: number;
  text: string;
  tone: Tone;
}

const ToastContext = createContext<(text: string, tone?: Tone) => void>(() => {});

/** Shows a short confirmation ("Saved") that outlives the screen it came from, e.g. after a redirect. */
export const useToast = () => useContext(ToastContext);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const next = useRef(0);
  const show = useCallback((text: string, tone: Tone = 'success') => setToast({ id: (next.current += 1), text, tone }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* Always in the page, so screen readers hear what is put into it. */}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <p key={toast.id} data-testid="toast" className={`toast toast--${toast.tone}`}>
            {toast.text}
          </p>
        )}
      </div>
    </ToastContext.Provider>
  );
}
