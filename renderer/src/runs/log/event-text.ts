import type { TFunction } from 'i18next';
import type { RunEvent } from '../../../../shared/flow/run-events';
import { skipReasonsText } from '../../../../shared/flow/skip-reasons';
import { formatDuration } from '../model/format';
import { messageIn } from '../../../../shared/flow/run-messages';

/** One line of human text for a log row, in the user's language. */
export function eventText(t: TFunction, event: RunEvent, locale: string): string {
  const language = locale === 'nl' ? 'nl' : 'en';
  switch (event.type) {
    case 'runStarted':
      return t('runs.log.event.runStarted', {
        trigger: t(`runs.trigger.${event.trigger}`),
        flow: event.flowName,
        revision: event.flowRevision,
      });
    case 'itemStarted': {
      const keys = Object.values(event.businessKeys).join(' · ');
      return event.retryOf === null
        ? t('runs.log.event.itemStarted', { keys: keys || event.key })
        : t('runs.log.event.itemRetryStarted', { keys: keys || event.key });
    }
    case 'itemRetrying':
      return t('runs.log.event.itemRetrying', {
        attempt: event.attempt,
        message: messageIn(event.error, language),
        delay: formatDuration(event.delayMs, locale),
      });
    case 'itemSucceeded':
      return event.action
        ? t('runs.log.event.itemSucceededAction', {
            action: t(`runs.action.${event.action}`),
            ids: Object.values(event.targetIds ?? {}).join(', '),
          })
        : t('runs.log.event.itemSucceeded');
    case 'itemSkipped':
      return t('runs.log.event.itemSkipped', {
        reason: skipReasonsText(event.reasons, language, event.reason),
      });
    case 'itemFailed':
      return t('runs.log.event.itemFailed', {
        attempt: event.attempt,
        message: messageIn(event.error, language),
      });
    case 'wouldWrite':
      return t('runs.log.event.wouldWrite', {
        action: t(event.action === 'create' ? 'runs.action.wouldCreate' : 'runs.action.wouldUpdate'),
      });
    case 'nodeProgress':
      return t('runs.log.event.nodeProgress', event);
    case 'cursorSaved':
      return t('runs.log.event.cursorSaved');
    case 'log':
      return messageIn(event, language);
    case 'runFinished': {
      const text = t('runs.log.event.runFinished', {
        // Mid-sentence: "Run succeeded in 80 ms", "Run gelukt in 80 ms".
        status: t(`runs.status.${event.status}`).toLocaleLowerCase(locale),
        duration: formatDuration(event.durationMs, locale),
        ...event.counts,
      });
      return event.error ? `${text} ${messageIn(event.error, language)}` : text;
    }
  }
}
