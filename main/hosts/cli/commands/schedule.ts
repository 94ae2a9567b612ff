import type { Command } from 'commander';
import { runsOnSchedule } from '../../../../shared/flow/flow-document';
import { dataDirFrom, withDataDir } from '../options';
import { guarded, processIo, runResultJson, type SyncCliIo } from './sync-cli';

/** `koppel schedule`: runs the enabled flows on their schedules, headless, until stopped. */
export function registerSchedule(program: Command, io: SyncCliIo = processIo): void {
  withDataDir(
    program
      .command('schedule')
      .description('run the schedules of enabled flows until stopped (headless servers)'),
  ).action((options: { dataDir?: string }) =>
    guarded(io, 'schedule', async () => {
      const app = await io.openApp({ dataDir: dataDirFrom(options), scheduler: true });
      const { sync } = app.ctx;
      const scheduled = sync.flows.list().filter(runsOnSchedule);
      io.out(
        `Running the schedules of ${scheduled.length} ${scheduled.length === 1 ? 'flow' : 'flows'} from ${app.ctx.dataDir}. Press Ctrl+C to stop.\n`,
      );
      for (const flow of scheduled) {
        // A flow that cannot run is said to be so, not given a next run that will fail.
        const error = sync.engine.validate(flow).find((problem) => problem.severity === 'error');
        if (error) {
          io.out(`  ${flow.name}: cannot run until fixed: ${error.message}\n`);
          continue;
        }
        const next = sync.scheduler.nextRunAt(flow);
        io.out(`  ${flow.name}: next run ${next === null ? 'unknown' : new Date(next).toISOString()}\n`);
      }
      const off = app.ctx.bus.on('runs.events', (batch) => {
        for (const event of batch.events) {
          if (event.type === 'runStarted')
            io.out(`${event.at} started ${event.flowName} (${event.runId}, ${event.trigger})\n`);
          if (event.type === 'runFinished') {
            io.out(`${event.at} ${runResultJson(event)}\n`);
          }
          // A run's warnings (a tax rule that changes the VAT, records let go) as they come.
          if (event.type === 'log' && event.level === 'warn')
            io.out(`${event.at} warning (${event.runId}): ${event.message}\n`);
        }
      });
      // The scheduler's timers do not hold the process open (the desktop app and the web host quit
      // with their windows and sockets), so this command holds it itself until it is stopped.
      const keepAlive = setInterval(() => undefined, 2 ** 30);
      await new Promise<void>((resolve) => {
        const stop = io.onStop(() => {
          stop();
          resolve();
        });
      });
      clearInterval(keepAlive);
      io.out('Stopping: waiting for running flows to finish their current records…\n');
      off();
      await app.dispose();
    }),
  );
}
