import fs from 'node:fs';
import type { AppContext } from '../app/context';
import { logFolder } from '../app/file-log';
import type { DomainHandlers } from '../api/handlers';
import { diagnosticsReport, type ReportedCalls } from './diagnostics';

/** `calls`: the app's other handlers, whose answers the diagnostics report carries. */
export function appHandlers(ctx: AppContext, calls: () => ReportedCalls): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Koppel',
      version: ctx.version,
      host: ctx.host,
      platform: process.platform,
      dataDir: ctx.dataDir,
      logDir: logFolder(ctx.dataDir),
    }),
    'app.openExternal': async ({ url }) => ({ opened: await ctx.openExternal(url) }),
    'app.openLogFolder': async () => {
      const folder = logFolder(ctx.dataDir);
      // A host that has not logged yet has no folder to show: make it, so the file manager opens.
      fs.mkdirSync(folder, { recursive: true });
      return { opened: await ctx.openFolder(folder) };
    },
    'app.documentProblems': () => ({ problems: ctx.documentProblems.list() }),
    'app.diagnostics': () => diagnosticsReport(ctx, calls()),
  };
}
