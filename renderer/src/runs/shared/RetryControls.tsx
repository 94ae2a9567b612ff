import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RetryFrom } from '../../../../shared/flow/run-records';
import { oneOf } from '../model/event-facets';

interface RetryControlsProps {
  /** The button's text, e.g. "Retry 6 failed". */
  label: string;
  /** Where "the node it failed at" is, when it is one node (a single record). */
  failedNode?: string;
  busy: boolean;
  onRetry(from: RetryFrom): void;
  testId: string;
}

/**
 * Retry with a choice of where to start again: the node the record failed at (its stored input),
 * or the start (its stored source record through the flow as it is now, so a fixed mapping applies).
 */
export function RetryControls({ label, failedNode, busy, onRetry, testId }: RetryControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState<RetryFrom>('failed');
  return (
    <span className="rn-retry">
      <label htmlFor={id} className="rn-retry-label">
        {t('runs.retry.from')}
      </label>
      <select
        id={id}
        value={from}
        onChange={(event) => setFrom(oneOf(RetryFrom.options, event.target.value) ?? 'failed')}
        data-testid={`${testId}-from`}
        title={t('runs.retry.from')}
      >
        <option value="failed">
          {failedNode ? t('runs.retry.fromNode', { node: failedNode }) : t('runs.retry.fromFailed')}
        </option>
        <option value="start">{t('runs.retry.fromStart')}</option>
      </select>
      <button
        type="button"
        className="button button-primary"
        onClick={() => onRetry(from)}
        disabled={busy}
        data-testid={testId}
      >
        <RotateCcw size={14} aria-hidden="true" /> {label}
      </button>
    </span>
  );
}
