import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { EmailAlertsView } from '../../shared/api/calls/settings';
import type { AppContext } from '../app/context';
import type { DomainHandlers } from '../api/handlers';
import { AlertsPassword } from '../notifications/alerts-password';
import { checkEmailAlerts, sendMail } from '../notifications/email-alerts';
import { lastAlert } from '../notifications/last-alert';

export function settingsHandlers(ctx: AppContext): DomainHandlers<'settings'> {
  const password = new AlertsPassword(ctx.connections.vault, ctx.settings);
  const emailAlertsView = async (): Promise<EmailAlertsView> => ({
    emailAlerts: ctx.settings.get().emailAlerts,
    password: await password.state(),
    lastAlert: lastAlert(ctx.sync.store),
  });
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => ctx.settings.update(patch),
    'settings.emailAlerts': () => emailAlertsView(),
    'settings.saveEmailAlerts': async ({ password: typed, ...emailAlerts }) => {
      checkEmailAlerts(emailAlerts);
      // The password first: a keychain that refuses it leaves the settings as they were.
      if (typed) await password.set(typed);
      else if (typed === '') await password.delete();
      ctx.settings.updateEmailAlerts(emailAlerts);
      return emailAlertsView();
    },
    'settings.testEmailAlert': async () => {
      const { emailAlerts, language } = ctx.settings.get();
      if (!emailAlerts.enabled) throw new KoppelError('invalid_input', apiMessage('emailAlertsOff'));
      const dutch = language === 'nl';
      const sentTo = await sendMail(emailAlerts, await password.forSignIn(emailAlerts.username), {
        subject: dutch ? 'Koppel: testbericht' : 'Koppel: test e-mail',
        text: dutch
          ? 'Dit is een test van de meldingen per e-mail van Koppel. Komt hij aan, dan komen ook de meldingen van mislukte runs aan.\n'
          : "This is a test of Koppel's e-mail alerts. If it arrives, the alerts of failed runs will too.\n",
      });
      return { sentTo };
    },
  };
}
