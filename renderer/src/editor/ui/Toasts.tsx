import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFlowToastStore } from '../../stores/flow-toast-store';

/** The toast stack: errors are alerts, the rest polite status messages. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useFlowToastStore((state) => state.toasts);
  const dismiss = useFlowToastStore((state) => state.dismiss);
  return (
    <div className="ed-toasts">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`ed-toast ed-toast-${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
          data-testid={`toast-${toast.kind}`}
        >
          <span>{toast.text}</span>
          <button
            type="button"
            className="ed-icon-button"
            onClick={() => dismiss(toast.id)}
            aria-label={t('editor.close')}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
