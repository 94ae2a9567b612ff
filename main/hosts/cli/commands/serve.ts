import { Option, type Command } from 'commander';
import { rendererDir } from '../../../app/paths';
import { loadApp } from '../load-app';
import { dataDirFrom, ExitCode, parsePort, withDataDir } from '../options';

/**
 * `koppel serve`: the web host. Prints the URL with its session token (a fresh one each start, or
 * KOPPEL_SERVE_TOKEN's) and serves until stopped.
 */
export function registerServe(program: Command): void {
  withDataDir(
    program
      .command('serve')
      .description('serve the app in the browser at a local URL (127.0.0.1 only)')
      .addOption(
        new Option('--port <n>', 'port to listen on (0 = any free port)').argParser(parsePort).default(0),
      )
      // Not an option: a token on the command line would show in the process list.
      .addHelpText(
        'after',
        '\nEnvironment:\n  KOPPEL_SERVE_TOKEN  keep this session token across restarts instead of a new one each start\n                      (at least 32 letters, digits, - or _): bookmarks and open pages stay valid',
      ),
  ).action(async (options: { port: number; dataDir?: string }) => {
    const [{ startWebServer }, { ensureSandbox }, { chosenTokenProblem }] = await Promise.all([
      import('../../web/server'),
      import('../../../sandbox/ensure-sandbox'),
      import('../../web/security'),
    ]);
    const token = process.env.KOPPEL_SERVE_TOKEN || undefined;
    const tokenProblem = token === undefined ? null : chosenTokenProblem(token);
    if (tokenProblem) {
      process.stderr.write(`koppel serve: ${tokenProblem}\n`);
      process.exitCode = ExitCode.invalid;
      return;
    }
    const app = await loadApp({ host: 'web', dataDir: dataDirFrom(options), logFile: 'web' });
    let server: Awaited<ReturnType<typeof startWebServer>>;
    try {
      server = await startWebServer({
        app,
        port: options.port,
        rendererDir: rendererDir(),
        ...(token === undefined ? {} : { token }),
      });
    } catch (error) {
      await app.dispose();
      const why = portProblem(error, options.port);
      if (!why) throw error;
      process.stderr.write(`koppel serve: ${why}\n`);
      process.exitCode = ExitCode.invalid;
      return;
    }
    // The sandbox is ready before the URL is printed, so a first start shows both sandbox connections.
    await ensureSandbox(app.ctx).catch((error: unknown) =>
      app.ctx.logger.warn('The sandbox could not be started', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    process.stdout.write(`Koppel is running at ${server.url}\n`);
    process.stdout.write(`Data folder: ${app.ctx.dataDir}\nPress Ctrl+C to stop.\n`);
    const stop = async () => {
      await server.close();
      await app.dispose();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Why the port cannot be listened on, in words (Node says "listen EADDRINUSE …"); undefined for other errors. */
function portProblem(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return `port ${port} is already in use (another Koppel, or another program); choose another with --port, or leave --port out for a free one.`;
  if (code === 'EACCES')
    return `Koppel may not listen on port ${port} (ports below 1024 need administrator rights); choose another with --port.`;
  return undefined;
}
