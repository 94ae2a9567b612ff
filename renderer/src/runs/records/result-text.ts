import type { TFunction } from 'i18next';
import type { RunItemSummary } from '../../../../shared/flow/run-records';
import type { ReasonLanguage } from '../../../../shared/flow/skip-reasons';
import { itemReason } from '../model/item-reason';

/** The result column: a failed record's error, a skipped one's reasons, or what a write did (with the target's ids). */
export function resultText(item: RunItemSummary, locale: ReasonLanguage, t: TFunction): string {
  const reason = itemReason(item, locale);
  if (reason || item.status !== 'succeeded' || !item.action) return reason;
  return t(`runs.records.done.${item.action}`, { ids: Object.values(item.targetIds ?? {}).join(', ') });
}
