import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { TONES } from '../logic/tones';

type Kind = 'success' | 'error';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}

const ToastContext = createContext<{ success: (text: string) => void; error: (text: string) => void }>({
  success: () => undefined,
  error: () => undefined,
});

/** Short confirmations ("Đã ghi nhận") read out by screen readers and gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((kind: Kind, text: string) => {
    const id = Date.now() + Math.random();
    setToasts((all) => [...all, { id, kind, text }]);
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), kind === 'error' ? 8000 : 4000);
  }, []);
  const api = useMemo(() => ({ success: (text: string) => show('success', text), error: (text: string) => show('error', text) }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((toast) => {
          const tone = TONES[toast.kind === 'success' ? 'green' : 'red'];
          return (
            <div key={toast.id} className="toast" style={{ color: tone.text, background: tone.background, borderColor: tone.border }}>
              {toast.text}
            </div>
          );
        })}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
