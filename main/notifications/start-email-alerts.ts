import type { AppContext } from '../app/context';
import { attachNotifier } from './attach-notifier';
import { runRecordsCsv } from '../services/records-csv';
import {
  alertMail,
  ATTACHED_RECORDS,
  listedRecord,
  LISTED_RECORDS,
  recipients,
  sendMail,
} from './email-alerts';
import { AlertsPassword } from './alerts-password';
import { recordLastAlert } from './last-alert';
import { notifierStore } from './start-notifications';

/**
 * E-mail alerts of this process: the desktop's notices (a run failed, a flow works again; at most
 * one per flow per 15 minutes) sent to the alert addresses while they are on. Started by every
 * host that runs schedules, `koppel schedule` included. Returns the function that stops it.
 */
export function startEmailAlerts(ctx: AppContext): () => void {
  const { store } = ctx.sync;
  const password = new AlertsPassword(ctx.connections.vault, ctx.settings);
  return attachNotifier({
    ...notifierStore(ctx),
    settings: ctx.settings,
    logger: ctx.logger,
    enabled: () => ctx.settings.get().emailAlerts.enabled,
    onRunEvents: (listener) => ctx.bus.on('runs.events', listener),
    publish: (notice) => {
      const { emailAlerts, language } = ctx.settings.get();
      const failed =
        notice.kind === 'failed'
          ? store.items
              .list(notice.runId, { status: 'failed', limit: LISTED_RECORDS, offset: 0 })
              .items.map((item) => listedRecord(item, language))
          : [];
      // Every failed record (up to a few thousand) as the run page's CSV, for the books or a spreadsheet.
      const attachment =
        notice.kind === 'failed'
          ? runRecordsCsv(store, notice.runId, { status: 'failed', language, limit: ATTACHED_RECORDS })
          : undefined;
      const outcome = { kind: notice.kind, flowName: notice.flowName, runId: notice.runId };
      void password
        .forSignIn(emailAlerts.username)
        .then((secret) => sendMail(emailAlerts, secret, alertMail(notice, language, failed, attachment)))
        .then((to) => {
          ctx.logger.info('E-mail alert sent', { kind: notice.kind, runId: notice.runId, to });
          recordLastAlert(store, { ...outcome, at: new Date().toISOString(), sent: true, to });
        })
        .catch((reason: unknown) => {
          const error = reason instanceof Error ? reason.message : String(reason);
          ctx.logger.warn('E-mail alert not sent', { runId: notice.runId, error });
          // Settings says so: an alert that cannot go out is otherwise silent by nature.
          recordLastAlert(store, {
            ...outcome,
            at: new Date().toISOString(),
            sent: false,
            to: recipients(emailAlerts.to),
            error,
          });
        });
    },
  });
}
