import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogAction {
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  onClick(): void;
  testId?: string;
}

/**
 * A modal question (native <dialog>: focus is trapped and Escape cancels). The first action has
 * the focus.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  actions,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  actions: DialogAction[];
  onCancel(): void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ed-dialog"
      aria-labelledby="ed-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      {open && (
        <>
          <h2 id="ed-dialog-title">{title}</h2>
          <div className="ed-dialog-body">{children}</div>
          <div className="ed-dialog-actions">
            {actions.map((action, index) => (
              <button
                key={action.label}
                type="button"
                className={`button button-${action.variant ?? 'secondary'}`}
                onClick={action.onClick}
                // The dialog's first (safest) choice gets the focus.
                autoFocus={index === 0}
                data-testid={action.testId}
              >
                {action.label}
              </button>
            ))}
          </div>
        </>
      )}
    </dialog>
  );
}
