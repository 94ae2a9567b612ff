import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogAction {
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  onClick(): void;
  testId?: string;
}

/**
 * A modal question (native <dialog>: focus is trapped and Escape cancels). The first thing that
 * takes focus has it (an input, else the first action), unless `focusAction` names an action (the
 * safest). Actions stand in a row, or in a `column` where there are more than a row holds.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  actions,
  onCancel,
  testId,
  focusAction,
  layout = 'row',
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  actions: DialogAction[];
  onCancel(): void;
  testId?: string;
  focusAction?: number;
  layout?: 'row' | 'column';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first control it finds; React's autoFocus ran before, while the
      // dialog was closed, so it cannot pick another.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
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
          <div className={`ed-dialog-actions ed-dialog-actions-${layout}`}>
            {actions.map((action, index) => (
              <button
                key={action.label}
                type="button"
                className={`button button-${action.variant ?? 'secondary'}`}
                onClick={action.onClick}
                // The dialog's safest choice gets the focus.
                data-autofocus={index === focusAction ? '' : undefined}
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
