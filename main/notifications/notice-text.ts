import type { RunNotice } from '../../shared/notifications/run-notice';
import type { Language } from '../../shared/settings/settings';
import { messageIn } from '../../shared/flow/run-messages';
import { recordCount } from '../../shared/flow/wording';

/**
 * Title and body of a notice for the desktop host, which shows it from main (the renderer
 * formats the same notice with its own translations).
 */
export function noticeText(notice: RunNotice, language: Language): { title: string; body: string } {
  const { flowName, counts } = notice;
  const dutch = language === 'nl';
  if (notice.kind === 'recovered') {
    return {
      title: dutch ? `${flowName} werkt weer` : `${flowName} recovered`,
      body: dutch
        ? `De laatste run is gelukt: ${recordCount(counts.succeeded)} gesynchroniseerd.`
        : `The last run succeeded: ${recordCount(counts.succeeded)} synced.`,
    };
  }
  return {
    title: dutch ? `${flowName}: run mislukt` : `${flowName}: run failed`,
    body: noticeSummary(notice, language) || (dutch ? 'Klik om de run te openen.' : 'Click to open the run.'),
  };
}

/** What a failed run's notice says beyond its title (empty when nothing: the run failed as such). */
export function noticeSummary(notice: RunNotice, language: Language): string {
  const { counts, folded } = notice;
  const dutch = language === 'nl';
  const reason = notice.error ? messageIn(notice.error, language) : undefined;
  const lines: string[] = [];
  if (notice.status === 'interrupted')
    lines.push(dutch ? 'De run is onderbroken.' : 'The run was interrupted.');
  if (counts.failed > 0)
    lines.push(
      dutch
        ? `${counts.failed} van ${recordCount(counts.total)} mislukt.`
        : `${counts.failed} of ${recordCount(counts.total)} failed.`,
    );
  if (reason) lines.push(reason);
  if (folded > 0)
    lines.push(
      dutch
        ? `En ${folded} eerdere ${folded === 1 ? 'melding' : 'meldingen'} in het afgelopen kwartier.`
        : `And ${folded} earlier ${folded === 1 ? 'notice' : 'notices'} in the last 15 minutes.`,
    );
  return lines.join(' ');
}
