import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowSummary } from '../../../../shared/api/calls/flows';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { ConfirmDialog } from '../../editor/ui/ConfirmDialog';

/** Renames a saved flow (a save of the stored document with the new name). */
export function RenameFlowDialog({
  flow,
  onClose,
  onDone,
}: {
  flow: FlowSummary | null;
  onClose(): void;
  /** After the flow was saved under its new name. */
  onDone(names: { from: string; to: string }): void;
}) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const [name, setName] = useState(flow?.name ?? '');
  const [error, setError] = useState<Failure | null>(null);
  // The name is filled in while the dialog renders for a new flow, not in an effect after it
  // opens: in between, the input showed empty, and what was typed then was joined to the name.
  const [shownFor, setShownFor] = useState(flow);
  if (flow !== shownFor) {
    setShownFor(flow);
    setName(flow?.name ?? '');
    setError(null);
  }
  const rename = async () => {
    if (!flow) return;
    const to = name.trim();
    // The same name: nothing to save (a save would only count another revision).
    if (to === flow.name) return onClose();
    try {
      const { flow: stored } = await api().flows.get({ id: flow.id });
      await api().flows.save({ flow: { ...stored, name: to } });
      onDone({ from: flow.name, to });
    } catch (failure) {
      setError(failureOf(failure));
    }
  };
  return (
    <ConfirmDialog
      open={flow !== null}
      title={t('flows.rename.title')}
      onCancel={onClose}
      testId="rename-dialog"
      actions={[
        { label: t('flows.cancel'), onClick: onClose },
        {
          label: t('flows.rename.save'),
          variant: 'primary',
          onClick: () => void rename(),
          testId: 'rename-save',
        },
      ]}
    >
      <label className="ed-stack">
        <span className="ed-field-label">{t('flows.rename.name')}</span>
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && void rename()}
          data-testid="rename-input"
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      )}
    </ConfirmDialog>
  );
}
