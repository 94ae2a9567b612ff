import { Command } from 'commander';
import { createApp } from '../../../app/create-app';
import { silentLogger } from '../../../app/logger';
import type { Vault } from '../../../vault/vault';
import type { SyncCliIo } from '../commands/sync-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The questions the command asked, in order. */
  asked: { question: string; hidden: boolean }[];
}

/**
 * Runs commands in-process over one data folder and `vault` (a real keychain in the tests), as the
 * `koppel` binary would: `answers` are what the person types at the questions, in order. `onErr`
 * sees stderr as it is written (a command that waits, such as a sign-in, prints before it ends);
 * `openBrowser` stands for the system browser.
 */
export function cliRunner(
  register: (program: Command, io: SyncCliIo) => void,
  options: {
    dataDir: () => string;
    vault: () => Vault;
    onErr?: (text: string) => void;
    /** The system browser, for a command that may open it (default: there is none). */
    openBrowser?: (url: string) => Promise<boolean>;
  },
) {
  return async (args: string[], answers: string[] = []): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const asked: CliRun['asked'] = [];
    let code = 0;
    const io: SyncCliIo = {
      out: (text) => out.push(text),
      err: (text) => {
        err.push(text);
        options.onErr?.(text);
      },
      isTTY: false,
      setExitCode: (value) => (code = value),
      openApp: ({ dataDir, browser }) =>
        createApp({
          host: 'cli',
          dataDir,
          logger: silentLogger,
          vault: options.vault(),
          // Without one, the app's own default: no browser opens.
          ...(browser && options.openBrowser ? { openExternal: options.openBrowser } : {}),
        }),
      onStop: () => () => undefined,
      ask: async (question, { hidden }) => {
        asked.push({ question, hidden });
        return answers.shift() ?? '';
      },
    };
    // Commander's own usage errors come back as the thrown error, not on the test's stderr.
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    register(program, io);
    await program.parseAsync(['node', 'koppel', ...args, '--data-dir', options.dataDir()]);
    return { code, stdout: out.join(''), stderr: err.join(''), asked };
  };
}
