import type { TFunction } from 'i18next';
import type { RunNotice } from '../../../shared/notifications/run-notice';
import { messageIn } from '../../../shared/flow/run-messages';
import type { TextLanguage } from '../../../shared/flow/wording';

/** Title and body of a notice in the user's language (the desktop host formats its own in main). */
export function noticeText(
  t: TFunction,
  notice: RunNotice,
  language: TextLanguage,
): { title: string; body: string } {
  if (notice.kind === 'recovered') {
    return {
      title: t('notifications.recoveredTitle', { flow: notice.flowName }),
      body: t('notifications.recoveredBody', { count: notice.counts.succeeded }),
    };
  }
  const parts: string[] = [];
  if (notice.status === 'interrupted') parts.push(t('notifications.interrupted'));
  if (notice.counts.failed > 0)
    parts.push(
      t('notifications.failedRecords', { failed: notice.counts.failed, count: notice.counts.total }),
    );
  if (notice.error) parts.push(messageIn(notice.error, language));
  if (notice.folded > 0) parts.push(t('notifications.folded', { count: notice.folded }));
  return {
    title: t('notifications.failedTitle', { flow: notice.flowName }),
    body: parts.join(' ') || t('notifications.openRun'),
  };
}
