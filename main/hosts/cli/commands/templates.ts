import type { Command } from 'commander';
import { withDataDir } from '../options';
import { guarded, processIo, withApp, type SyncCliIo } from './sync-cli';

/** `koppel templates list`: the ready-made flows (`koppel run <id>` runs one). */
export function registerTemplates(program: Command, io: SyncCliIo = processIo): void {
  const templates = program.command('templates').description('ready-made flows');
  withDataDir(
    templates.command('list').description('list the templates').option('--json', 'print JSON'),
  ).action((options: { dataDir?: string; json?: boolean }) =>
    guarded(
      io,
      'templates list',
      () =>
        withApp(io, options, async (app) => {
          const list = app.ctx.sync.templates.list().map((template) => ({
            id: template.id,
            name: template.flow?.name ?? template.id,
            description: template.flow?.description ?? null,
            ...(template.error ? { error: template.error } : {}),
          }));
          if (options.json) io.out(`${JSON.stringify(list)}\n`);
          else if (list.length === 0) io.out('No templates installed.\n');
          else
            for (const template of list)
              io.out(
                `${template.id.padEnd(36)} ${template.name}${template.error ? `  (unreadable: ${template.error})` : ''}\n`,
              );
        }),
      options,
    ),
  );
}
