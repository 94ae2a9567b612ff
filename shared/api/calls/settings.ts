import { z } from 'zod';
import { defineCall } from '../define';
import { EmailAlerts, Settings, SettingsPatch } from '../../settings/settings';

/** The e-mail alert settings as the Settings screen shows them: where the password is, never what. */
export const EmailAlertsView = z.object({
  emailAlerts: EmailAlerts,
  password: z.enum(['stored', 'environment', 'missing']),
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
