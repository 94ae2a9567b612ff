import { z } from 'zod';
import { defineCall } from '../define';
import { RunNotice } from '../../notifications/run-notice';
import { EmailAlerts, Settings, SettingsPatch } from '../../settings/settings';

/**
 * How the last alert e-mail went (by any process on this data folder: the app or `koppel schedule`):
 * the notice it carried, and when it was sent or refused.
 */
export const LastAlert = RunNotice.pick({ kind: true, flowName: true, runId: true }).extend({
  at: z.string(),
  sent: z.boolean(),
  /** The addresses it went, or was to go, to. */
  to: z.array(z.string()),
  /** Why it was not sent, in the mail server's or the network's words. */
  error: z.string().optional(),
});
export type LastAlert = z.infer<typeof LastAlert>;

/** The e-mail alert settings as the Settings screen shows them: where the password is, never what. */
export const EmailAlertsView = z.object({
  emailAlerts: EmailAlerts,
  /** `unavailable`: no keychain can be reached, so no password can be kept here. */
  password: z.enum(['stored', 'environment', 'missing', 'unavailable']),
  lastAlert: LastAlert.nullable(),
});
export type EmailAlertsView = z.infer<typeof EmailAlertsView>;

export const settingsCalls = {
  'settings.get': defineCall(z.object({}).strict(), Settings, 'The current settings.'),
  'settings.update': defineCall(SettingsPatch, Settings, 'Changes some settings; returns all of them.'),
  'settings.emailAlerts': defineCall(
    z.object({}).strict(),
    EmailAlertsView,
    'The e-mail alert settings, and where the mail password is (never the password).',
  ),
  'settings.saveEmailAlerts': defineCall(
    EmailAlerts.extend({
      /** Write-only: to the keychain. Absent keeps the stored one; empty deletes it. */
      password: z.string().optional(),
    }).strict(),
    EmailAlertsView,
    'Checks and saves the e-mail alert settings; the password goes to the OS keychain.',
  ),
  'settings.testEmailAlert': defineCall(
    z.object({}).strict(),
    z.object({ sentTo: z.array(z.string()) }),
    'Sends a test e-mail with the saved settings; the mail server refusing it is the error.',
  ),
} as const;
