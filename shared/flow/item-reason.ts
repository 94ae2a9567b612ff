import { STOPPED_BY_CANCEL, type ItemAction, type RunItemSummary } from './run-records';
import { messageIn } from './run-messages';
import { skipReasonsText, type ReasonLanguage, type SkipReason } from './skip-reasons';
import type { TextLanguage } from './wording';

/**
 * What a record's reason column says in `language`: a failed record's error (worded from its code
 * when it has one; a system's own words as it gave them), a skipped record's reasons worded from
 * their codes, or the stored English sentence for records kept before there were codes.
 */
export function itemReason(
  item: Pick<RunItemSummary, 'status' | 'reason' | 'error'> & { reasons?: readonly SkipReason[] | null },
  language: ReasonLanguage,
): string {
  if (item.status === 'failed') return item.error ? messageIn(item.error, language) : (item.reason ?? '');
  return skipReasonsText(item.reasons, language, item.reason) ?? '';
}

/**
 * The status a record is shown with: one a cancel stopped failed (it can be retried, and the next run
 * reads it again) but did not fail of itself, so it reads "Cancelled" as its run does.
 */
export function shownStatus(
  item: Pick<RunItemSummary, 'status' | 'error'>,
): RunItemSummary['status'] | 'cancelled' {
  return item.status === 'failed' && item.error?.code === STOPPED_BY_CANCEL ? 'cancelled' : item.status;
}

/** What a target did with a record, as its result reads (a dry run's `would…`). */
const DONE: Record<TextLanguage, Record<ItemAction, string>> = {
  en: {
    created: 'Created',
    updated: 'Updated',
    recovered: 'Found existing',
    wouldCreate: 'Would create',
    wouldUpdate: 'Would update',
  },
  nl: {
    created: 'Aangemaakt',
    updated: 'Bijgewerkt',
    recovered: 'Bestaand gevonden',
    wouldCreate: 'Zou aanmaken',
    wouldUpdate: 'Zou bijwerken',
  },
};

/**
 * A record's result, as the records table and its CSV show it: a failed record's error, a skipped
 * one's reasons, or what a write did with the target's ids ("Created: 2026/14").
 */
export function recordResult(
  item: Pick<RunItemSummary, 'status' | 'reason' | 'error' | 'action' | 'targetIds'> & {
    reasons?: readonly SkipReason[] | null;
  },
  language: TextLanguage,
): string {
  const reason = itemReason(item, language);
  if (reason || item.status !== 'succeeded' || !item.action) return reason;
  const ids = Object.values(item.targetIds ?? {}).join(', ');
  return ids ? `${DONE[language][item.action]}: ${ids}` : DONE[language][item.action];
}
