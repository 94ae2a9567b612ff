import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessageIn } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { sandboxAnswers } from './sandbox-http';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** An admin API that holds every request until `busyMs` have passed (a twin busy starting up). */
async function adminApi(busyMs: number): Promise<string> {
  const readyAt = Date.now() + busyMs;
  const server = http.createServer((_req, res) => {
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    setTimeout(answer, Math.max(0, readyAt - Date.now()));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/_sandbox`;
}

const record = (teamleaderAdmin: string, mplusAdmin: string) => ({
  pid: 4242,
  teamleader: { apiUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1', adminUrl: teamleaderAdmin },
  mplus: { url: 'http://127.0.0.1:2/', adminUrl: mplusAdmin },
});

describe('sandboxAnswers', () => {
  it('is true when both admin APIs answer', async () => {
    expect(await sandboxAnswers(record(await adminApi(0), await adminApi(0)))).toBe(true);
  });

  it('is false at once when a port refuses', async () => {
    const closed = await adminApi(0);
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    expect(await sandboxAnswers(record(await adminApi(0), closed))).toBe(false);
  });

  it('waits for a twin that is alive but slow instead of starting a second copy', async () => {
    const started = Date.now();
    expect(await sandboxAnswers(record(await adminApi(0), await adminApi(2_000)))).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  it('gives up on a twin that never answers, with the process named', async () => {
    await expect(sandboxAnswers(record(await adminApi(0), await adminApi(60_000)), 100)).rejects.toThrow(
      'The sandbox of process 4242 does not answer',
    );
  });

  it('gives up as a code that reads in Dutch', async () => {
    const error = await sandboxAnswers(record(await adminApi(60_000), await adminApi(0)), 100).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof KoppelError)) throw new Error(`expected a KoppelError, got ${String(error)}`);
    expect(error).toMatchObject({
      code: 'unavailable',
      message:
        'The sandbox of process 4242 does not answer (Teamleader http://127.0.0.1:1, MplusKASSA http://127.0.0.1:2/); ' +
        'stop that process or wait until it has started.',
      text: { code: 'sandboxNotAnswering', params: { pid: 4242 } },
    });
    expect(apiMessageIn(error, 'nl')).toBe(
      'De sandbox van proces 4242 antwoordt niet (Teamleader http://127.0.0.1:1, MplusKASSA http://127.0.0.1:2/); ' +
        'stop dat proces of wacht tot hij gestart is.',
    );
  });
});
