import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface InlineConfirmProps {
  question: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A yes/no asked in place (focus moves to it; Escape cancels). */
export function InlineConfirm({ question, confirmLabel, danger, onConfirm, onCancel }: InlineConfirmProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      className="cn-confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p>{question}</p>
      <div className="cn-actions">
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} ref={cancel}>
          {t('connections.actions.cancel')}
        </button>
      </div>
    </div>
  );
}
