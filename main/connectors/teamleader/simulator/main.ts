/**
 * Runs the Teamleader twin alone for manual testing:
 *   npx tsx main/connectors/teamleader/simulator/main.ts --port 0 [--seed 1] [--size small] [--state-file f.json]
 * Prints one JSON line with its URLs and credentials, then serves until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { startTeamleaderTwin } from './twin';

const SIZES = ['small', 'medium', 'large'] as const;
const isSize = (value: string | undefined): value is (typeof SIZES)[number] => SIZES.some((s) => s === value);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      size: { type: 'string', default: 'small' },
      'state-file': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'rate-limit': { type: 'string' },
      'token-ttl': { type: 'string' },
    },
  });
  if (!isSize(values.size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const twin = await startTeamleaderTwin({
    port: Number(values.port),
    seed: Number(values.seed),
    size: values.size,
    ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
    ...(values['client-secret'] ? { clientSecret: values['client-secret'] } : {}),
    ...(values['rate-limit'] ? { rateLimitPerMinute: Number(values['rate-limit']) } : {}),
    ...(values['token-ttl'] ? { tokenTtlSeconds: Number(values['token-ttl']) } : {}),
  });
  const { close: _close, ...info } = twin;
  console.log(JSON.stringify(info));
  const stop = (): void => {
    twin.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
