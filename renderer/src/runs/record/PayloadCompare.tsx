import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunItemDetail } from '../../../../shared/flow/run-records';
import { diffJson } from '../model/json-diff';
import { JsonDiffView } from './JsonDiffView';

type Payload = 'source' | 'mapped' | 'request' | 'response';
const pairs: [Payload, Payload][] = [
  ['source', 'mapped'],
  ['mapped', 'request'],
  ['request', 'response'],
];

/** The pair shown first: the latest step with both sides recorded (what was sent and answered, if any). */
function defaultPair(has: (payload: Payload) => boolean): number {
  for (let index = pairs.length - 1; index >= 0; index--) {
    const [left, right] = pairs[index] ?? [];
    if (left && right && has(left) && has(right)) return index;
  }
  return Math.max(
    0,
    pairs.findIndex(([left, right]) => has(left) || has(right)),
  );
}

/**
 * What Koppel received, what it made of it, what it sent and what the API answered: any two
 * neighbours side by side with their differences highlighted.
 */
export function PayloadCompare({ item }: { item: RunItemDetail }) {
  const { t } = useTranslation();
  const has = (payload: Payload) => item[payload] !== null;
  const [chosen, setChosen] = useState<number | null>(null);
  // A skipped record sent nothing: open on what it was made into, not on the unsent request.
  const index =
    chosen ?? (item.status === 'skipped' && has('source') && has('mapped') ? 0 : defaultPair(has));
  const [left, right] = pairs[index] ?? ['source', 'mapped'];
  const diff = useMemo(() => diffJson(item[left], item[right]), [item, left, right]);
  // A skipped record's request was built but never sent ("already up to date", a booked invoice).
  const title = (payload: Payload) =>
    payload === 'request' && item.status === 'skipped'
      ? t('runs.record.payload.requestNotSent')
      : t(`runs.record.payload.${payload}`);

  /**
   * Received and mapped are both Koppel's record: their differences count. What was sent is the
   * API's shape, and the answer another: there every field of the record not sent was "left out"
   * (96 for one order), so say how much of the right side comes from the left instead.
   */
  const summary = (from: Payload, { changedPaths, counts, rightLeaves }: typeof diff) => {
    if (changedPaths.length === 0) return t('runs.record.noDifferences');
    if (from === 'source') return t('runs.record.differences', counts);
    const total = rightLeaves.carried + rightLeaves.fresh;
    return from === 'mapped'
      ? t('runs.record.carriedSent', { ...rightLeaves, total })
      : t('runs.record.carriedAnswer', { ...rightLeaves, total });
  };

  if (item.erased || pairs.every(([a, b]) => !has(a) && !has(b))) {
    return (
      <p className="rn-callout" data-testid="payloads-missing">
        {item.erased ? t('runs.record.erased') : t('runs.record.metadataOnly')}
      </p>
    );
  }
  return (
    <section className="rn-section" aria-labelledby="payloads-title">
      <div className="rn-section-head">
        <h2 id="payloads-title">{t('runs.record.payloads')}</h2>
        <div className="rn-chips" role="group" aria-label={t('runs.record.compare')}>
          {pairs.map(([a, b], position) => (
            <button
              key={`${a}-${b}`}
              type="button"
              className={position === index ? 'rn-chip rn-chip-on' : 'rn-chip'}
              aria-pressed={position === index}
              onClick={() => setChosen(position)}
              data-testid={`compare-${a}-${b}`}
            >
              {title(a)} ↔ {title(b)}
            </button>
          ))}
        </div>
        {/* With one side not recorded there is nothing to compare, not "no differences". */}
        {has(left) && has(right) && (
          <span className="rn-muted" data-testid="diff-count">
            {summary(left, diff)}
          </span>
        )}
      </div>
      <JsonDiffView
        leftTitle={title(left)}
        rightTitle={title(right)}
        left={diff.left}
        right={diff.right}
        across={left !== 'source'}
      />
    </section>
  );
}
