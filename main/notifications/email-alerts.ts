import nodemailer from 'nodemailer';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { messageIn } from '../../shared/flow/run-messages';
import type { RunItemSummary } from '../../shared/flow/run-records';
import { runLink } from '../../shared/links/app-link';
import type { RunNotice } from '../../shared/notifications/run-notice';
import type { EmailAlerts, Language } from '../../shared/settings/settings';
import type { RecordsCsvFile } from '../services/records-csv';
import { noticeSummary, noticeText } from './notice-text';

/** At most this many failed records are listed in an alert (the app has them all). */
export const LISTED_RECORDS = 10;

/** At most this many failed records go into the CSV an alert attaches (~200 bytes each). */
export const ATTACHED_RECORDS = 5000;

// Deliberately loose: the mail server is the judge; this catches a name typed in the wrong field.
const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** The addresses in the "to" field (comma- or semicolon-separated). */
export function recipients(to: string): string[] {
  return to
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/** Refuses settings that could not send an alert, naming the field; settings that are off pass. */
export function checkEmailAlerts(settings: EmailAlerts): void {
  if (!settings.enabled) return;
  if (!settings.host)
    throw new KoppelError('invalid_input', apiMessage('emailAlertsNeedHost'), { field: 'host' });
  if (!ADDRESS.test(settings.from))
    throw new KoppelError('invalid_input', apiMessage('emailAlertsBadFrom', { address: settings.from }), {
      field: 'from',
    });
  const to = recipients(settings.to);
  if (to.length === 0) throw new KoppelError('invalid_input', apiMessage('emailAlertsNoTo'), { field: 'to' });
  const wrong = to.find((address) => !ADDRESS.test(address));
  if (wrong)
    throw new KoppelError('invalid_input', apiMessage('emailAlertsBadTo', { address: wrong }), {
      field: 'to',
    });
}

export interface AlertMail {
  subject: string;
  text: string;
  /** The same words as HTML, where the link into the app is a link a mail program opens. */
  html?: string;
  /** A file to attach: a failed run's failed records as CSV. */
  attachment?: { fileName: string; text: string };
}

/** A record of the run, as an alert lists it. */
export interface ListedRecord {
  label: string;
  reason: string;
}

/** The e-mail for a notice, in the settings' language: what the desktop says, and the failed records. */
export function alertMail(
  notice: RunNotice,
  language: Language,
  failed: readonly ListedRecord[],
  attachment?: RecordsCsvFile,
): AlertMail {
  const dutch = language === 'nl';
  const { title, body } = noticeText(notice, language);
  // A failed run's notice without more to say: the e-mail says where to look at its end.
  const said = notice.kind === 'recovered' ? body : noticeSummary(notice, language);
  const summary = said ? [said, ''] : [];
  const { total, succeeded, skipped, failed: failedCount } = notice.counts;
  const lines = [
    ...summary,
    `Flow: ${notice.flowName}`,
    `Run: ${notice.runId} (${notice.at})`,
    dutch
      ? `Records: ${total} in totaal, ${succeeded} gelukt, ${skipped} overgeslagen, ${failedCount} mislukt`
      : `Records: ${total} in all, ${succeeded} succeeded, ${skipped} skipped, ${failedCount} failed`,
  ];
  if (failed.length > 0) {
    lines.push('', dutch ? 'Mislukte records:' : 'Failed records:');
    for (const record of failed.slice(0, LISTED_RECORDS)) lines.push(`- ${record.label}: ${record.reason}`);
    if (failedCount > LISTED_RECORDS)
      lines.push(
        dutch ? `… en ${failedCount - LISTED_RECORDS} meer.` : `… and ${failedCount - LISTED_RECORDS} more.`,
      );
  }
  if (attachment)
    lines.push(
      '',
      dutch
        ? `${attachment.cut ? `De eerste ${attachment.records}` : 'Alle'} mislukte records staan in het bijgevoegde CSV-bestand "${attachment.fileName}".`
        : `${attachment.cut ? `The first ${attachment.records}` : 'All'} failed records are in the attached CSV file "${attachment.fileName}".`,
    );
  // The link opens the run (a failed run: its failed records) in the desktop app, which registers
  // the koppel:// scheme; the words before it say what it opens, for a reader without the app.
  const link = runLink(notice.runId, notice.kind === 'failed' ? 'failed' : 'run');
  const where =
    notice.kind === 'failed'
      ? dutch
        ? 'Open de mislukte records in Koppel om te zien waarom, en probeer ze daar opnieuw'
        : 'Open the failed records in Koppel to see why, and retry them there'
      : dutch
        ? 'Open de run in Koppel'
        : 'Open the run in Koppel';
  const closing = link ? `${where}: ${link}` : `${where} (Runs).`;
  return {
    subject: `Koppel: ${title}`,
    text: `${[...lines, '', closing].join('\n')}\n`,
    html: htmlOf(lines, link ? `${escapeHtml(where)}: <a href="${link}">${link}</a>` : escapeHtml(closing)),
    ...(attachment ? { attachment: { fileName: attachment.fileName, text: attachment.text } } : {}),
  };
}

/**
 * Lines as HTML paragraphs (a blank line ends one), escaped, then `closing` (HTML already) as the
 * last. The link is markup of its own: runLink makes it of letters, digits and "/:-_" only.
 */
function htmlOf(lines: readonly string[], closing: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paragraphs.push([]);
    else paragraphs.at(-1)?.push(escapeHtml(line));
  }
  const body = [...paragraphs.filter((paragraph) => paragraph.length > 0), [closing]]
    .map((paragraph) => `<p>${paragraph.join('<br>\n')}</p>`)
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A failed record's line: its order number, e-mail or SKU (else its key) and why, in `language`. */
export function listedRecord(
  item: Pick<RunItemSummary, 'key' | 'businessKeys' | 'error' | 'reason'>,
  language: Language,
): ListedRecord {
  const { orderNumber, email, sku } = item.businessKeys;
  return {
    label: [orderNumber, email, sku].filter(Boolean).join(' · ') || item.key,
    reason: item.error ? messageIn(item.error, language) : (item.reason ?? ''),
  };
}

/**
 * Sends one e-mail through the configured server (nodemailer: the SMTP client most Node software
 * uses; it speaks TLS, STARTTLS and AUTH). The server's refusal or the network's error is the
 * error, in the server's own words.
 */
export async function sendMail(
  settings: EmailAlerts,
  password: string | undefined,
  mail: AlertMail,
): Promise<string[]> {
  const to = recipients(settings.to);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.username ? { auth: { user: settings.username, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.attachment
        ? {
            attachments: [
              {
                filename: mail.attachment.fileName,
                content: mail.attachment.text,
                contentType: 'text/csv; charset=utf-8',
              },
            ],
          }
        : {}),
    });
    return to;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KoppelError(
      'connection_failed',
      apiMessage('emailAlertsNotSent', { host: settings.host, detail }),
    );
  } finally {
    transport.close();
  }
}
