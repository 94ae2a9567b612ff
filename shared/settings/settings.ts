import { z } from 'zod';
import { Connection } from '../connections/connection';
import { schemaMessage } from '../flow/schema-message';

/** Current version of the settings document; bump it and add a step in `migrations.ts`. */
export const SETTINGS_SCHEMA_VERSION = 3;

export const Language = z.enum(['en', 'nl']);
export type Language = z.infer<typeof Language>;

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const PayloadLogging = z.enum(['full', 'metadata']);
export type PayloadLogging = z.infer<typeof PayloadLogging>;

/** How much sample data the sandbox twins are seeded with. */
export const SandboxSize = z.enum(['small', 'medium', 'large']);
export type SandboxSize = z.infer<typeof SandboxSize>;

/** How the mail server is reached: TLS from the first byte (465), upgraded (587), or plain (tests, a local relay). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/**
 * E-mail alerts: the notices the desktop shows (a run failed, a flow works again) also as an e-mail,
 * for a PC nobody watches and a server running `koppel schedule`. The password is in the keychain
 * (or `KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD`), never here.
 */
export const EmailAlerts = z.object({
  enabled: z.boolean().default(false),
  host: z.string().trim().default(''),
  port: z.number().int().min(1).max(65535).default(587),
  security: SmtpSecurity.default('starttls'),
  /** Empty: the server takes mail without signing in. */
  username: z.string().trim().default(''),
  from: z.string().trim().default(''),
  /** One or more addresses, separated by commas. */
  to: z.string().trim().default(''),
});
export type EmailAlerts = z.infer<typeof EmailAlerts>;

/** The narrowest the inspector may be dragged: below it its controls do not fit. */
export const INSPECTOR_MIN_WIDTH = 240;
/** How wide the inspector may be dragged. */
export const InspectorWidth = z.number().int().min(INSPECTOR_MIN_WIDTH).max(1200);

/** The settings document, stored by electron-store (desktop) or conf (web and command line). */
export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  language: Language.default('en'),
  theme: Theme.default('system'),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
    })
    .default({ enabled: true }),
  emailAlerts: EmailAlerts.default({
    enabled: false,
    host: '',
    port: 587,
    security: 'starttls',
    username: '',
    from: '',
    to: '',
  }),
  retentionDays: z.number().int().min(1).max(3650).default(30),
  payloadLogging: PayloadLogging.default('full'),
  sandbox: z
    .object({
      /** The built-in twins of both APIs; on by default so the app works without accounts. */
      enabled: z.boolean().default(true),
      seed: z.number().int().default(1),
      size: SandboxSize.default('small'),
    })
    .default({ enabled: true, seed: 1, size: 'small' }),
  /** The desktop app beside its window (the web host and the command line have none to close). */
  desktop: z
    .object({
      /**
       * Closing the window leaves Koppel running in the notification area, so the schedules go on;
       * off, closing it quits Koppel (the next start makes up one missed run per flow).
       */
      keepRunning: z.boolean().default(true),
      /** Start with the user's login, in the notification area without a window. */
      openAtLogin: z.boolean().default(false),
    })
    .default({ keepRunning: true, openAtLogin: false }),
  /** Set once the setup wizard has been finished or dismissed. */
  onboarded: z.boolean().default(false),
  /** The flow editor's inspector as the user dragged it wide, in CSS pixels (null: the default). */
  inspectorWidth: InspectorWidth.nullable().default(null),
  /**
   * This data folder's own id, made the first time it is needed. The folder's secrets that belong
   * to no connection (the e-mail alerts' password) are filed under it in the keychain, so two data
   * folders (`--data-dir`) never read each other's.
   */
  folderId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, schemaMessage('folderIdShape'))
    .optional(),
  /** Connection metadata (the connection registry writes it; secrets are in the OS keychain). */
  connections: z
    .array(Connection)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'connection ids must be unique')
    .default([]),
});
export type Settings = z.infer<typeof Settings>;

/**
 * A partial update, as the Settings screen sends it: only the fields it changes, also inside
 * `sandbox` and `desktop`, so two changes of different fields made at once (two windows, or a
 * second change before the first is answered) do not undo each other.
 */
export const SettingsPatch = z
  .object({
    language: Language,
    theme: Theme,
    notifications: z.object({ enabled: z.boolean() }).strict(),
    retentionDays: z.number().int().min(1).max(3650),
    payloadLogging: PayloadLogging,
    sandbox: z
      .object({
        enabled: z.boolean(),
        seed: z.number().int(),
        size: SandboxSize,
      })
      .partial()
      .strict(),
    desktop: z.object({ keepRunning: z.boolean(), openAtLogin: z.boolean() }).partial().strict(),
    onboarded: z.boolean(),
    inspectorWidth: InspectorWidth.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * The settings with `patch` applied, field by field: a group (`sandbox`, `desktop`) keeps the
 * fields the patch leaves out, and a field given as undefined keeps its value. Main applies it to
 * the file as it is; the renderer to what it shows, until main answers.
 */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const { notifications, sandbox, desktop, ...plain } = patch;
  return {
    ...settings,
    ...definedFields(plain),
    notifications: { ...settings.notifications, ...definedFields(notifications) },
    sandbox: { ...settings.sandbox, ...definedFields(sandbox) },
    desktop: { ...settings.desktop, ...definedFields(desktop) },
  };
}

/** The fields of `value` that are not undefined. */
function definedFields<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export function defaultSettings(): Settings {
  return Settings.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION });
}
