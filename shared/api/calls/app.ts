import { z } from 'zod';
import { CodedText } from '../../flow/wording';
import { defineCall } from '../define';

export const HostKind = z.enum(['electron', 'web', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  dataDir: z.string(),
  /** Where the desktop app, the web host and `koppel schedule` keep their log files. */
  logDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A support report as a text file to save: versions, settings, connections, flows, runs and logs. */
export const Diagnostics = z.object({ fileName: z.string(), text: z.string() });
export type Diagnostics = z.infer<typeof Diagnostics>;

/**
 * A document of the data folder that no longer reads (edited by hand while Koppel runs): Koppel
 * goes on with what it read last, and refuses to save over the file until it reads again.
 */
export const DocumentProblem = z.object({
  document: z.enum(['settings', 'flows']),
  file: z.string(),
  /** Why, in English; `text` words it in the screen's language. */
  message: z.string(),
  text: CodedText.optional(),
  /** The last version Koppel read, kept beside the file to put back. */
  backup: z.string().optional(),
});
export type DocumentProblem = z.infer<typeof DocumentProblem>;

export const DocumentProblems = z.object({ problems: z.array(DocumentProblem) });
export type DocumentProblems = z.infer<typeof DocumentProblems>;

export const appCalls = {
  'app.info': defineCall(z.object({}).strict(), AppInfo, 'What is running: version, host and data folder.'),
  'app.openExternal': defineCall(
    z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    z.object({ opened: z.boolean() }),
    'Opens an https: link in the system browser (desktop only; the web host opens links itself).',
  ),
  'app.openLogFolder': defineCall(
    z.object({}).strict(),
    z.object({ opened: z.boolean() }),
    "Shows the log files' folder in the file manager (desktop only; the web host shows its path).",
  ),
  'app.documentProblems': defineCall(
    z.object({}).strict(),
    DocumentProblems,
    'The data folder documents (settings, flows) that do not read now, and why; none when all read.',
  ),
  'app.diagnostics': defineCall(
    z.object({}).strict(),
    Diagnostics,
    'A support report: versions, the settings, connections, flows and newest runs as the screens see them (no secret), and the end of the log files.',
  ),
} as const;
