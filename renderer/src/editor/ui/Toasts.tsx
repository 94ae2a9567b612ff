import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFlowToastStore } from '../../stores/flow-toast-store';

/**
 * The toast stack: errors are alerts, the rest polite status messages. On a screen of its own it
 * sits in the window's corner; in the editor it sits at the top of the canvas (`placement
 * "canvas"`), where it covers neither the problems panel nor the inspector.
 */
export function Toasts({ placement = 'corner' }: { placement?: 'corner' | 'canvas' }) {
  const { t } = useTranslation();
  const toasts = useFlowToastStore((state) => state.toasts);
  const dismiss = useFlowToastStore((state) => state.dismiss);
  return (
    <div className={`ed-toasts ed-toasts-${placement}`}>
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
