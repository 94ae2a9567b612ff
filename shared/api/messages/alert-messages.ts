import { wording } from '../../flow/wording';

/** What the e-mail alert calls refuse or report, in English and Dutch. */
export const alertMessages = {
  emailAlertsNeedHost: wording<Record<string, never>>(
    () => 'Give the mail server (SMTP) that sends the alerts.',
    () => 'Geef de mailserver (SMTP) die de meldingen verstuurt.',
  ),
  emailAlertsBadFrom: wording<{ address: string }>(
    ({ address }) => `"${address}" is not an e-mail address to send from.`,
    ({ address }) => `"${address}" is geen e-mailadres om vanaf te versturen.`,
  ),
  emailAlertsBadTo: wording<{ address: string }>(
    ({ address }) => `"${address}" is not an e-mail address to send the alerts to.`,
    ({ address }) => `"${address}" is geen e-mailadres om de meldingen naar te sturen.`,
  ),
  emailAlertsNoTo: wording<Record<string, never>>(
    () => 'Give at least one address to send the alerts to.',
    () => 'Geef minstens één adres om de meldingen naar te sturen.',
  ),
  emailAlertsOff: wording<Record<string, never>>(
    () => 'E-mail alerts are off: turn them on and save first.',
    () => 'Meldingen per e-mail staan uit: zet ze aan en sla eerst op.',
  ),
  /** `detail` is the mail server's or the network's own words. */
  emailAlertsNotSent: wording<{ host: string; detail: string }>(
    ({ host, detail }) => `The mail server ${host} did not take the e-mail: ${detail}`,
    ({ host, detail }) => `De mailserver ${host} nam de e-mail niet aan: ${detail}`,
  ),
};
