/**
 * Runs the Mplus twin alone:
 *   npx tsx main/connectors/mplus/simulator/main.ts --port 0 [--seed 1] [--size small|medium|large]
 *       [--ident …] [--secret …] [--state-file path] [--validate-responses]
 * Prints one JSON line {url, adminUrl, ident, secret, port} once it listens; stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startMplusTwin } from './twin';

const SIZES = ['small', 'medium', 'large'] as const;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      ident: { type: 'string' },
      secret: { type: 'string' },
      'state-file': { type: 'string' },
      'validate-responses': { type: 'boolean' },
    },
    strict: true,
  });
  const size = SIZES.find((s) => s === values.size);
  if (values.size !== undefined && !size) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const port = integer('port', values.port);
  const seed = integer('seed', values.seed);
  const twin = await startMplusTwin({
    ...(port === undefined ? {} : { port }),
    ...(seed === undefined ? {} : { seed }),
    ...(size ? { size } : {}),
    ...(values.ident ? { ident: values.ident } : {}),
    ...(values.secret ? { secret: values.secret } : {}),
    ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
    validateResponses: values['validate-responses'] === true,
  });
  console.log(
    JSON.stringify({
      url: twin.url,
      adminUrl: twin.adminUrl,
      ident: twin.ident,
      secret: twin.secret,
      port: twin.port,
    }),
  );
  const stop = (): void => {
    void twin.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
