import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostics } from '../../shared/api/calls/app';
import { spreadsheetTime } from '../../shared/flow/records-sheet';
import type { Handlers } from '../api/handlers';
import type { AppContext } from '../app/context';
import { logFolder, logTail } from '../app/file-log';
import { redactSecrets } from '../app/logger';

/** How many of the newest runs the report lists, and how many lines of each log file it ends with. */
export const REPORTED_RUNS = 20;
export const REPORTED_LOG_LINES = 300;

/** The calls whose answers the report carries (what the screens show, so nothing new is revealed). */
export type ReportedCalls = Pick<
  Handlers,
  'app.info' | 'settings.get' | 'connections.list' | 'connections.keychainStatus' | 'flows.list' | 'runs.list'
>;

/**
 * A support report: what runs where (versions, OS, data folder), the settings, connections, flows
 * and the newest runs as the API gives them to the screens (secrets never leave the keychain, so
 * none are in them), then the end of each host's log file. Plain text, for the user to read before
 * sending it; a last pass hides anything that looks like a credential.
 */
export async function diagnosticsReport(ctx: AppContext, calls: ReportedCalls): Promise<Diagnostics> {
  const now = new Date();
  const info = await calls['app.info']({});
  const section = (title: string, body: string) => `\n== ${title}\n${body.trimEnd()}\n`;
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  /** A call's answer as JSON, or why it could not be read (the report is wanted most when things fail). */
  const answer = async (what: () => Promise<unknown> | unknown) => {
    try {
      return json(await what());
    } catch (error) {
      return `(could not be read: ${error instanceof Error ? error.message : String(error)})`;
    }
  };

  const problems = ctx.documentProblems.list();
  const parts = [
    `Koppel diagnostics, ${now.toISOString()}`,
    section(
      'Koppel',
      [
        `version ${info.version}, ${info.host} host`,
        `${os.type()} ${os.release()} (${process.platform} ${process.arch}), Node.js ${process.versions.node}` +
          (process.versions.electron ? `, Electron ${process.versions.electron}` : ''),
        `memory: ${Math.round(process.memoryUsage().rss / 1048576)} MB in use, ${Math.round(os.freemem() / 1048576)} MB of ${Math.round(os.totalmem() / 1048576)} MB free`,
        `data folder: ${info.dataDir}`,
        ...folderSizes(info.dataDir),
      ].join('\n'),
    ),
    section(
      'Settings',
      await answer(async () => {
        // The connections are listed next, with whether their secrets are there.
        const { connections: _listedBelow, ...settings } = await calls['settings.get']({});
        return settings;
      }),
    ),
    // Edited by hand while Koppel ran: it goes on with what it read last, which may explain a lot.
    section('Documents that do not read', problems.length ? json(problems) : '(none)'),
    // Whether the OS keychain answers: connections without their secrets are a common first question.
    section('Keychain', await answer(() => calls['connections.keychainStatus']({}))),
    section('Connections', await answer(() => calls['connections.list']({}))),
    section('Flows', await answer(() => calls['flows.list']({}))),
    section(`Newest ${REPORTED_RUNS} runs`, await answer(() => calls['runs.list']({ limit: REPORTED_RUNS }))),
    ...logFiles(ctx.dataDir).map((file) => {
      const lines = logTail(file, REPORTED_LOG_LINES);
      return section(
        `Log ${path.basename(file)} (last ${lines.length} lines)`,
        lines.length ? lines.join('\n') : '(empty)',
      );
    }),
  ];
  // Local time, as the run page's CSV files are named.
  const stamp = spreadsheetTime(now.toISOString()).slice(0, 16).replace(':', '.');
  return { fileName: `Koppel diagnostics ${stamp}.txt`, text: redactSecrets(parts.join('')) };
}

/** The sizes of the run database and its write-ahead log. */
function folderSizes(dataDir: string): string[] {
  const sizeOf = (file: string) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  };
  const databases = fs
    .readdirSync(dataDir)
    .filter((name) => /\.db(-wal)?$/.test(name))
    .map((name) => `${name} ${(sizeOf(path.join(dataDir, name)) / 1048576).toFixed(1)} MB`);
  return databases.length ? [`database: ${databases.join(', ')}`] : [];
}

/** The hosts' current log files in the data folder (desktop, web, schedule), newest first. */
function logFiles(dataDir: string): string[] {
  const folder = logFolder(dataDir);
  try {
    return fs
      .readdirSync(folder)
      .filter((name) => /^koppel-[a-z]+\.log$/.test(name))
      .map((name) => path.join(folder, name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  } catch {
    return [];
  }
}
