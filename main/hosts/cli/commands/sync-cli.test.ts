import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { FlowDocument } from '../../../../shared/flow/flow-document';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../app/create-app';
import { silentLogger } from '../../../app/logger';
import { staticConnections } from '../../../engine/connections';
import { memoryFlow, sampleOrders } from '../../../engine/testing/memory-flow';
import { holdCreates } from '../../../engine/testing/held-creates';
import { MemorySystem } from '../../../engine/testing/memory-system';
import { WaitingSystem } from '../../../engine/testing/waiting-system';
import { resourcesDir } from '../../../app/paths';
import { testWaiting } from '../../../store/testing';
import { Vault } from '../../../vault/vault';
import { registerFlows } from './flows';
import { registerRun } from './run';
import { registerRuns } from './runs';
import { registerSchedule } from './schedule';
import { registerTemplates } from './templates';
import type { SyncCliIo } from './sync-cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const keychain = { get: async () => null, set: async () => undefined, delete: async () => false };

/**
 * The sync commands in-process, on one data folder, over an in-memory test system (with
 * `{ registry: true }` over the data folder's own connections instead).
 */
function koppel(system = new MemorySystem(), { registry = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-cli-'));
  dirs.push(dir);
  const dataDir = path.join(dir, 'data');
  const templatesDir = path.join(dir, 'templates');
  const openApp = ({ dataDir: folder, scheduler }: { dataDir: string; scheduler?: boolean }): Promise<App> =>
    createApp({
      host: 'cli',
      dataDir: folder,
      logger: silentLogger,
      vault: new Vault({ keychain, env: {} }),
      ...(registry ? {} : { engineConnections: staticConnections({ memory: system }) }),
      templatesDir,
      ...(scheduler ? { scheduler } : {}),
    });
  const stops: (() => void)[] = [];
  /** What the command running now has printed so far (a long-running one, such as `schedule`). */
  let printed: string[] = [];
  const run = async (...args: string[]) => {
    const out: string[] = [];
    printed = out;
    const err: string[] = [];
    let code = 0;
    const io: SyncCliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      isTTY: false,
      setExitCode: (value) => (code = value),
      openApp,
      onStop: (handler) => {
        stops.push(handler);
        return () => stops.splice(stops.indexOf(handler), 1);
      },
      ask: () => Promise.reject(new Error('the sync commands ask nothing')),
    };
    const program = new Command().exitOverride();
    registerRun(program, io);
    registerRuns(program, io);
    registerFlows(program, io);
    registerTemplates(program, io);
    registerSchedule(program, io);
    await program.parseAsync([
      'node',
      'koppel',
      ...args,
      ...(args[0] === 'flows' ? [] : ['--data-dir', dataDir]),
    ]);
    const stdout = out.join('');
    return { code, stdout, stderr: err.join(''), lastLine: stdout.trim().split('\n').at(-1) ?? '' };
  };
  const writeFlow = (name: string, flow: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(flow));
    return file;
  };
  /** Presses Ctrl+C in the running command (once it listens). */
  const stop = async () => {
    while (stops.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    stops.shift()?.();
  };
  /** Stores a record of `flow` that has waited 20 days for another: the flow's next run lets it go, and warns. */
  const waitedTooLong = async (flow: FlowDocument, id: string) => {
    const app = await openApp({ dataDir });
    try {
      const { store } = app.ctx.sync;
      const since = Date.now() - 20 * 86_400_000;
      const runId = `waited-${id}`;
      store.runs.insert({
        id: runId,
        flow,
        trigger: 'manual',
        parentRunId: null,
        dryRun: false,
        owner: 'x',
        startedAt: since,
      });
      const writer = store.writer(runId, { total: 0, succeeded: 0, skipped: 0, failed: 0 }, 'full', () => {});
      writer.putWaiting(testWaiting(id, { flowId: flow.id, nodeId: 'source', at: since }));
      await writer.commit();
    } finally {
      await app.dispose();
    }
  };
  return {
    run,
    system,
    writeFlow,
    templatesDir,
    stop,
    dataDir,
    openApp,
    waitedTooLong,
    printed: () => printed.join(''),
  };
}

/** The run log's line for a record of the memory flow's source let go after waiting too long. */
const letGo = (id: string) =>
  `Stopped offering 1 record of "Test source" again after 14 days of waiting for another record: teamleader:invoice:${id}.`;

const validated = memoryFlow({
  id: 'cli-orders',
  transforms: [
    { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'numeric' }] } },
  ],
});

describe('koppel run', () => {
  it('runs a flow file and prints the --json line; 0 when nothing failed', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(12));
    const result = await run('run', writeFlow('orders.flow.json', validated), '--json');
    expect(result.code).toBe(0);
    const line = JSON.parse(result.lastLine) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['runId', 'status', 'counts', 'durationMs']);
    expect(line).toMatchObject({
      status: 'succeeded',
      counts: { total: 12, succeeded: 12, skipped: 0, failed: 0 },
    });
    expect(system.list('invoices')).toHaveLength(12);
  });

  it("says why a run stands still: a connection's wait for its rate limit", async () => {
    const { run, system, writeFlow } = koppel(new WaitingSystem());
    system.seed('orders', sampleOrders(5));
    const result = await run('run', writeFlow('orders.flow.json', validated));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Test allows 2 calls a minute: the next call waits 59 s.\n');
    expect(result.stdout).toContain('5 records: 5 succeeded');
  });

  it('exits 1 when records failed, and shows, finds and retries them', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', [
      ...sampleOrders(2),
      { id: 'bad', orderNumber: 'ORD-BAD', email: 'bad@example.com', sku: 'A-1' },
    ]);
    const file = writeFlow('orders.flow.json', validated);
    const first = await run('run', file, '--json');
    expect(first.code).toBe(1);
    const { runId } = JSON.parse(first.lastLine) as { runId: string };
    // Without --json (another data folder, the same orders), the summary names where each failed
    // record stopped as the app does, and the node's id.
    const other = koppel();
    other.system.seed('orders', [
      { id: 'bad', orderNumber: 'ORD-BAD', email: 'bad@example.com', sku: 'A-1' },
    ]);
    const told = await other.run('run', file);
    expect(told.code).toBe(1);
    expect(told.stdout).toContain(
      '  failed memory:orders:bad at Validate (check): Field "sku" must contain digits only, got "A-1".\n',
    );

    const show = await run('runs', 'show', runId, '--failed', '--json');
    expect(JSON.parse(show.lastLine)).toEqual({
      run: expect.objectContaining({ id: runId, status: 'failed' }),
      items: [
        {
          key: 'memory:orders:bad',
          status: 'failed',
          node: 'check',
          error: 'Field "sku" must contain digits only, got "A-1".',
          attempts: 1,
          businessKeys: { orderNumber: 'ORD-BAD', email: 'bad@example.com', sku: 'A-1' },
        },
      ],
    });
    const search = await run('runs', 'search', 'ORD-BAD', '--json');
    expect(JSON.parse(search.lastLine)).toEqual([
      expect.objectContaining({ runId, key: 'memory:orders:bad', status: 'failed' }),
    ]);
    expect((await run('runs', 'list', '--json')).lastLine).toContain(runId);
    // A filter that matches nothing says so, not "No runs yet".
    expect((await run('runs', 'list', '--flow', 'no-such-flow')).stdout).toBe(
      'No runs of flow "no-such-flow".\n',
    );

    // A retry re-sends the stored input with the same (still strict) flow, so it fails again: exit 1.
    const again = await run('runs', 'retry', runId, '--item', 'memory:orders:bad', '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.lastLine)).toMatchObject({ status: 'failed', counts: { total: 1, failed: 1 } });
    const human = await run('runs', 'show', runId);
    expect(human.stdout).toContain(
      'failed    memory:orders:bad [ORD-BAD, bad@example.com, A-1] at Validate (check): Field "sku" must contain digits only',
    );
    // It names the runs that retried it, and a retry run names the run it retries.
    const retryId = (JSON.parse(again.lastLine) as { runId: string }).runId;
    expect(human.stdout).toContain(`Retried in ${retryId}`);
    expect((await run('runs', 'show', retryId)).stdout).toContain(`Retries records of ${runId}`);
  });

  it("exports a run's records as CSV: to standard output or a file, filtered, in English or Dutch", async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', [
      ...sampleOrders(2),
      { id: 'bad', orderNumber: 'ORD-BAD', email: 'bad@example.com', sku: 'A-1' },
    ]);
    const { runId } = JSON.parse(
      (await run('run', writeFlow('orders.flow.json', validated), '--json')).lastLine,
    ) as {
      runId: string;
    };

    const all = await run('runs', 'export', runId, '--language', 'en');
    expect(all.code).toBe(0);
    const rows = all.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('Order number,E-mail,SKU,Record,Status,Node,Result,Attempts,Started,Finished');
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row.includes(',Succeeded,'))).toHaveLength(2);
    expect(rows.find((row) => row.startsWith('ORD-BAD,'))).toMatch(
      /^ORD-BAD,bad@example\.com,A-1,memory:orders:bad,Failed,[^,]+,"?Field ""sku"" must contain digits only/,
    );

    // Dutch words and ";", only the failed records, into a file.
    const file = path.join(os.tmpdir(), `koppel-export-${process.pid}.csv`);
    const written = await run('runs', 'export', runId, '--failed', '--language', 'nl', '--out', file);
    try {
      expect(written.stdout).toBe(`Wrote 1 record of ${runId} to ${file}.\n`);
      const text = fs.readFileSync(file, 'utf8');
      expect(
        text.startsWith(
          '\uFEFFOrdernummer;E-mail;SKU;Record;Status;Node;Resultaat;Pogingen;Gestart;Klaar\r\n',
        ),
      ).toBe(true);
      expect(text.trimEnd().split('\r\n')).toHaveLength(2);
      expect(text).toContain('ORD-BAD;bad@example.com;A-1;memory:orders:bad;Mislukt;');
    } finally {
      fs.rmSync(file, { force: true });
    }
    expect(
      (await run('runs', 'export', runId, '--status', 'succeeded')).stdout.trimEnd().split('\r\n'),
    ).toHaveLength(3);

    // An unknown run is exit 2; --failed and --status together are a usage error.
    const unknown = await run('runs', 'export', 'no-such-run');
    expect(unknown).toMatchObject({ code: 2, stderr: 'koppel runs export: There is no run no-such-run.\n' });
    const nowhere = path.join(os.tmpdir(), `koppel-no-such-dir-${process.pid}`, 'records.csv');
    const unwritable = await run('runs', 'export', runId, '--out', nowhere);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(`koppel runs export: cannot write ${nowhere}: ENOENT`);
    await expect(run('runs', 'export', runId, '--failed', '--status', 'skipped')).rejects.toThrow(
      "option '--failed' cannot be used with option '--status <status>'",
    );
  });

  it('lists the records waiting for another record, and lets one go', async () => {
    const { run, openApp, dataDir } = koppel();
    expect((await run('runs', 'waiting')).stdout).toBe('No records are waiting.\n');
    const app = await openApp({ dataDir });
    try {
      const { store } = app.ctx.sync;
      store.runs.insert({
        id: 'run-1',
        flow: { ...validated, id: 'status' },
        trigger: 'manual',
        parentRunId: null,
        dryRun: false,
        owner: 'x',
        startedAt: Date.parse('2026-11-20T08:00:00Z'),
      });
      const writer = store.writer(
        'run-1',
        { total: 0, succeeded: 0, skipped: 0, failed: 0 },
        'full',
        () => {},
      );
      writer.putWaiting(
        testWaiting('inv-7', {
          flowId: 'status',
          nodeId: 'payments',
          businessKeys: { orderNumber: '2026 / 7' },
          at: Date.parse('2026-11-20T08:00:00Z'),
        }),
      );
      await writer.commit();
    } finally {
      await app.dispose();
    }
    const listed = await run('runs', 'waiting');
    expect(listed.stdout).toBe(
      'status  teamleader:invoice:inv-7 [2026 / 7]  since 2026-11-20 08:00 UTC: no MplusKASSA order with extOrderId inv-7 yet (the next runs try again once the orders flow has made it)\n',
    );
    expect(JSON.parse((await run('runs', 'waiting', '--flow', 'status', '--json')).lastLine)).toEqual([
      {
        flowId: 'status',
        key: 'teamleader:invoice:inv-7',
        businessKeys: { orderNumber: '2026 / 7' },
        reason:
          'no MplusKASSA order with extOrderId inv-7 yet (the next runs try again once the orders flow has made it)',
        since: '2026-11-20T08:00:00.000Z',
        lastRunId: null,
      },
    ]);
    expect((await run('runs', 'waiting', '--flow', 'other', '--json')).lastLine).toBe('[]');
    const stopped = await run('runs', 'stop-waiting', 'status', 'teamleader:invoice:inv-7');
    expect(stopped).toMatchObject({
      code: 0,
      stdout: 'teamleader:invoice:inv-7 of flow status no longer waits.\n',
    });
    expect((await run('runs', 'waiting')).stdout).toBe('No records are waiting.\n');
    const again = await run('runs', 'stop-waiting', 'status', 'teamleader:invoice:inv-7');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'koppel runs stop-waiting: No record teamleader:invoice:inv-7 of flow status is waiting.\n',
    );
  });

  it('says after the summary what the run warned of: here, records let go after waiting too long', async () => {
    const { run, system, writeFlow, waitedTooLong } = koppel();
    const file = writeFlow('orders.flow.json', validated);
    system.seed('orders', sampleOrders(2));
    await waitedTooLong(validated, 'inv-7');
    const summary = await run('run', file);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/2 records: 2 succeeded, 0 skipped, 0 failed\.\nWorth a look:\n {2}.+\n$/);
    expect(summary.lastLine.trim()).toBe(letGo('inv-7'));
    // With --json the last line stays the result; the warning goes to stderr.
    system.seed('orders', sampleOrders(3).slice(2));
    await waitedTooLong(validated, 'inv-8');
    const json = await run('run', file, '--json');
    expect(JSON.parse(json.lastLine)).toMatchObject({ status: 'succeeded' });
    expect(json.stderr).toBe(`Warning: ${letGo('inv-8')}\n`);
    // `runs show` says it too, later, from the run's log.
    const shown = await run('runs', 'show', (JSON.parse(json.lastLine) as { runId: string }).runId);
    expect(shown.stdout).toContain(`Worth a look (1 warning):\n  ${letGo('inv-8')}\n`);
  });

  it('exits 2 for an invalid flow, naming the node and field', async () => {
    const { run, writeFlow } = koppel();
    const broken = memoryFlow({
      transforms: [
        { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'regex' }] } },
      ],
    });
    const result = await run('run', writeFlow('broken.flow.json', broken));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: Flow "Memory flow": node "Validate" (check), field "Rules › row 1 › Value": A regex rule needs a pattern.',
    );
    const notJson = await run('run', writeFlow('nope.flow.json', '{'));
    expect(notJson.code).toBe(2);
    const unknown = await run('run', 'no-such-template');
    expect(unknown).toMatchObject({
      code: 2,
      stderr:
        'koppel run: "no-such-template" is neither a flow file, a saved flow\'s id ("koppel flows list") nor a template id ("koppel templates list").\n',
    });
  });

  it("runs a flow saved in the data folder by its id, as saved, on that flow's history", async () => {
    const { run, system, writeFlow, dataDir } = koppel();
    system.seed('orders', sampleOrders(3));
    const file = writeFlow('orders.flow.json', { ...validated, name: 'Saved orders' });
    expect((await run('flows', 'import', file, '--data-dir', dataDir)).code).toBe(0);
    // The file is gone: the run is the saved flow's, not a file's.
    fs.rmSync(file);
    const first = await run('run', validated.id, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.lastLine)).toMatchObject({
      status: 'succeeded',
      counts: { total: 3, succeeded: 3 },
    });
    expect(system.list('invoices')).toHaveLength(3);
    const [latest] = JSON.parse((await run('runs', 'list', '--json')).lastLine) as {
      flowId: string;
      flowName: string;
    }[];
    expect(latest).toMatchObject({ flowId: validated.id, flowName: 'Saved orders' });
    // Its history goes on: the next run by id finds nothing new and writes nothing again.
    system.seed('orders', sampleOrders(1, 4));
    expect(JSON.parse((await run('run', validated.id, '--json')).lastLine)).toMatchObject({
      counts: { total: 1, succeeded: 1 },
    });
    expect(system.list('invoices')).toHaveLength(4);
  });

  it('with --json, a command that fails before its output still prints one JSON line: the error, its exit code and the problems', async () => {
    const { run, writeFlow } = koppel();
    const broken = memoryFlow({
      transforms: [
        { kind: 'core.transform.validate', id: 'check', config: { rules: [{ path: 'sku', rule: 'regex' }] } },
      ],
    });
    const invalid = await run('run', writeFlow('broken.flow.json', broken), '--json');
    expect(invalid.code).toBe(2);
    const { error } = JSON.parse(invalid.lastLine) as {
      error: {
        code: string;
        exitCode: number;
        message: string;
        problems: { nodeId?: string; field?: string }[];
      };
    };
    expect(error).toMatchObject({
      code: 'invalid',
      exitCode: 2,
      message: 'flow "Memory flow" is invalid; nothing was run.',
    });
    expect(error.problems).toContainEqual(
      expect.objectContaining({ nodeId: 'check', field: 'rules.0.value' }),
    );
    // The person at a terminal still reads it on stderr.
    expect(invalid.stderr).toContain('koppel run: flow "Memory flow" is invalid; nothing was run.');

    const unknownRun = await run('runs', 'show', 'no-such-run', '--json');
    expect(unknownRun.code).toBe(2);
    expect(JSON.parse(unknownRun.stdout)).toEqual({
      error: { code: 'invalid', exitCode: 2, message: 'There is no run no-such-run.' },
    });
    const unknownRetry = await run('runs', 'retry', 'no-such-run', '--json');
    expect(JSON.parse(unknownRetry.lastLine)).toMatchObject({ error: { code: 'not_found', exitCode: 2 } });
    // Without --json nothing but the sentence.
    expect((await run('runs', 'show', 'no-such-run')).stdout).toBe('');
  });
  it('exits 2 before a run when a node names a connection the data folder does not have', async () => {
    const { run, writeFlow, dataDir } = koppel(new MemorySystem(), { registry: true });
    const template = JSON.parse(
      fs.readFileSync(path.join(resourcesDir(), 'templates', 'orders-mplus-to-teamleader.flow.json'), 'utf8'),
    ) as { nodes: { id: string; config: Record<string, unknown> }[] };
    const orders = template.nodes.find((node) => node.id === 'orders');
    if (orders) orders.config.connectionId = 'shop-2';
    const result = await run('run', writeFlow('orders.flow.json', template));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'field "Connection": there is no connection "shop-2" (known: sandbox-teamleader, sandbox-mplus).',
    );
    expect(result.stderr).toContain('nothing was run.');
    const runs = await run('runs', 'list', '--json');
    expect(JSON.parse(runs.lastLine)).toEqual([]);
    // `flows validate` sees it with the data folder, and (by design) not without.
    const file = writeFlow('orders.flow.json', template);
    const withFolder = await run('flows', 'validate', file, '--data-dir', dataDir);
    expect(withFolder.code).toBe(2);
    expect(withFolder.stderr).toContain('there is no connection "shop-2"');
    expect((await run('flows', 'validate', file)).code).toBe(0);
  });

  it('exits 3 when a system cannot be reached', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(3));
    system.hooks.before = (operation) => {
      if (operation === 'read')
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' });
    };
    const flow = {
      ...validated,
      settings: { ...validated.settings, retry: { attempts: 1, baseDelaySeconds: 1, maxDelaySeconds: 1 } },
    };
    const result = await run('run', writeFlow('orders.flow.json', flow), '--json');
    expect(result.code).toBe(3);
    expect(JSON.parse(result.lastLine)).toMatchObject({ status: 'failed' });
  });

  it('exits 3 when every failed record found its system out of reach, too few in a row to stop the run', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(3));
    const refuse = () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' });
    };
    system.hooks.before = (operation) => (operation === 'create' ? refuse() : undefined);
    const flow = {
      ...validated,
      settings: { ...validated.settings, retry: { attempts: 1, baseDelaySeconds: 1, maxDelaySeconds: 1 } },
    };
    const down = await run('run', writeFlow('orders.flow.json', flow));
    expect(down.code).toBe(3);
    expect(down.stdout).toContain('3 records: 0 succeeded, 0 skipped, 3 failed.');
    expect(down.stdout).toContain(
      'All of them failed because a system could not be reached: check the connection and run again.',
    );
    // One record failing on its data as well: someone has to look, exit 1.
    system.seed('orders', [...sampleOrders(3), { ...sampleOrders(4)[3], sku: 'abc' }]);
    const mixed = await run('run', writeFlow('orders.flow.json', flow));
    expect(mixed.stdout).toContain('3 of them failed because a system could not be reached');
    expect(mixed.code).toBe(1);
  });

  it('lists a failed run whose failed records a retry completed as fixed by it', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(3));
    let down = true;
    system.hooks.before = (operation) => {
      if (operation === 'create' && down)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), { code: 'ECONNREFUSED' });
    };
    const flow = {
      ...validated,
      settings: { ...validated.settings, retry: { attempts: 1, baseDelaySeconds: 1, maxDelaySeconds: 1 } },
    };
    const first = await run('run', writeFlow('orders.flow.json', flow), '--json');
    const { runId } = JSON.parse(first.lastLine) as { runId: string };
    const listed = async () =>
      (await run('runs', 'list')).stdout.split('\n').find((line) => line.startsWith(runId)) ?? '';
    expect(await listed()).toMatch(/failed .* failed 3 {2}\(/);
    down = false;
    expect((await run('runs', 'retry', runId)).code).toBe(0);
    expect(await listed()).toMatch(/failed .* total 3, ok 3, skipped 0, failed 0 \(fixed by a retry\) {2}\(/);
  });

  it('lists a run cancelled by Ctrl+C with the records the cancel stopped', async () => {
    const { run, system, writeFlow, stop } = koppel();
    system.seed('orders', sampleOrders(3));
    // The three writes are under way when Ctrl+C comes; they end as a cancelled call does.
    const writes = holdCreates(system);
    const running = run('run', writeFlow('orders.flow.json', validated), '--json');
    await vi.waitFor(() => expect(writes.holding).toBe(3));
    await stop();
    writes.abort();
    const { lastLine } = await running;
    const { runId, status } = JSON.parse(lastLine) as { runId: string; status: string };
    expect(status).toBe('cancelled');
    const listed = (await run('runs', 'list')).stdout.split('\n').find((line) => line.startsWith(runId));
    expect(listed).toMatch(
      /cancelled .* total 3, ok 0, skipped 0, failed 3 \(3 stopped by the cancel\) {2}\(/,
    );
    // Each of them says so in the run's records; --json keeps their status (failed, to retry).
    const shown = (await run('runs', 'show', runId)).stdout.split('\n').slice(1).filter(Boolean);
    expect(shown).toHaveLength(3);
    for (const line of shown)
      expect(line).toMatch(/^ {2}stopped {3}memory:orders:\S+ .* at [^(]+ \(target\): /);
    const json = JSON.parse((await run('runs', 'show', runId, '--json')).lastLine) as {
      items: { status: string }[];
    };
    expect(json.items.map((item) => item.status)).toEqual(['failed', 'failed', 'failed']);
  });

  it('cancels, from another process, a run that is going; says so of a run that is not', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(20));
    // One write at a time, each taking a while: the run lasts seconds.
    system.hooks.before = (operation) =>
      operation === 'create' ? new Promise<void>((resolve) => setTimeout(resolve, 150)) : undefined;
    const slow = { ...validated, settings: { ...validated.settings, concurrency: 1 } };
    const running = run('run', writeFlow('orders.flow.json', slow), '--json');
    // Another `koppel` (an app of its own on the data folder) finds the run and cancels it.
    const listed = async () =>
      (JSON.parse((await run('runs', 'list', '--json')).lastLine) as { id: string; status: string }[])[0];
    await vi.waitFor(async () => expect((await listed())?.status).toBe('running'), { interval: 50 });
    const runId = (await listed())?.id ?? '';
    const cancelled = await run('runs', 'cancel', runId);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(new RegExp(`^${runId} {2}\\S+ {2}cancelled {3}manual `));
    const finished = JSON.parse((await running).lastLine) as {
      runId: string;
      status: string;
      counts: { succeeded: number };
    };
    expect(finished).toMatchObject({ runId, status: 'cancelled' });
    expect(finished.counts.succeeded).toBeLessThan(20);

    const again = await run('runs', 'cancel', runId);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Run ${runId} is not running (cancelled): there is nothing to cancel.`);
    expect((await run('runs', 'cancel', 'nope')).stderr).toContain(
      'There is no run nope (see "koppel runs list").',
    );
  });

  it('dry-runs with a limit, writing nothing', async () => {
    const { run, system, writeFlow } = koppel();
    system.seed('orders', sampleOrders(10));
    const result = await run('run', writeFlow('orders.flow.json', validated), '--dry-run', '--limit', '4');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \S+: succeeded in .* 4 records: 4 succeeded/m);
    expect(result.stdout).toContain('Nothing was written (a dry run)');
    expect(system.list('invoices')).toEqual([]);
    // The history tells it from a run that wrote: the same orders are not read as sent.
    await run('run', writeFlow('orders.flow.json', validated), '--limit', '4');
    const listed = (await run('runs', 'list')).stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).not.toContain('dry run');
    expect(listed[1]).toMatch(/\[dry run: nothing written\] {2}total 4, ok 4/);
    const found = (await run('runs', 'search', 'ORD-1001')).stdout.trim().split('\n');
    expect(found).toHaveLength(2);
    expect(found[0]).not.toContain('[dry run]');
    expect(found[1]).toMatch(/ORD-1001.*\[dry run\]$/);
  });

  it('runs a template by id and lists templates', async () => {
    const { run, system, templatesDir } = koppel();
    expect((await run('templates', 'list', '--json')).lastLine).toBe('[]');
    fs.mkdirSync(templatesDir, { recursive: true });
    fs.writeFileSync(
      path.join(templatesDir, 'memory-orders.flow.json'),
      JSON.stringify({ ...validated, id: 'memory-orders', name: 'Memory orders' }),
    );
    expect(JSON.parse((await run('templates', 'list', '--json')).lastLine)).toEqual([
      { id: 'memory-orders', name: 'Memory orders', description: null },
    ]);
    system.seed('orders', sampleOrders(2));
    expect((await run('run', 'memory-orders', '--json')).code).toBe(0);
  });
});

describe('koppel flows validate', () => {
  it('exits 0 for a valid flow and 2 for an invalid one', async () => {
    const { run, writeFlow } = koppel();
    expect((await run('flows', 'validate', writeFlow('ok.flow.json', validated))).code).toBe(0);
    const cyclic = {
      ...validated,
      edges: [
        ...validated.edges,
        { id: 'back', source: 'check', sourcePort: 'out', target: 'check', targetPort: 'in' },
      ],
    };
    const result = await run('flows', 'validate', writeFlow('cyclic.flow.json', cyclic), '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.lastLine)).toMatchObject({
      valid: false,
      problems: [expect.objectContaining({ code: 'graph.cycle', edgeId: 'back' })],
    });
  });

  it('says a cycle once, though each of its edges carries it', async () => {
    const { run, writeFlow } = koppel();
    const rules = { rules: [{ path: 'sku', rule: 'numeric' }] };
    const cyclic = memoryFlow({
      id: 'cycle',
      transforms: [
        { kind: 'core.transform.validate', id: 'a', config: rules },
        { kind: 'core.transform.validate', id: 'b', config: rules },
      ],
    });
    cyclic.edges.push({ id: 'back', source: 'b', sourcePort: 'out', target: 'a', targetPort: 'in' });
    const result = await run('flows', 'validate', writeFlow('cycle2.flow.json', cyclic));
    expect(result.code).toBe(2);
    expect(result.stderr.match(/records would go round in circles/g)).toHaveLength(1);
  });

  it('answers --json for a file that is not JSON or cannot be read, with exit 2', async () => {
    const { run, writeFlow } = koppel();
    const broken = writeFlow('broken.flow.json', {});
    fs.writeFileSync(broken, '{ "nodes": [');
    for (const file of [broken, `${broken}.missing`]) {
      const result = await run('flows', 'validate', file, '--json');
      expect(result.code).toBe(2);
      expect(JSON.parse(result.lastLine)).toEqual({
        valid: false,
        flow: null,
        problems: [
          {
            severity: 'error',
            code: 'flow.file',
            message: expect.stringMatching(file === broken ? /is not JSON/ : /cannot read/),
          },
        ],
      });
    }
  });
});

describe('koppel flows list, export, import, enable, disable', () => {
  const hourly = {
    ...validated,
    schedule: { kind: 'interval', everyMinutes: 60, timezone: 'Europe/Amsterdam' },
  } satisfies FlowDocument;

  it("manages a data folder's flows from files, as a server without a screen needs", async () => {
    const { run, writeFlow, dataDir } = koppel();
    const inFolder = (...args: string[]) => run('flows', ...args, '--data-dir', dataDir);
    expect((await inFolder('list')).stdout).toBe('No flows yet.\n');

    // Imported and enabled: listed with its schedule.
    const file = writeFlow('orders.flow.json', hourly);
    const imported = await inFolder('import', file, '--enable');
    // Its warnings are said (exit 0): they do not keep it from running.
    expect(imported).toMatchObject({
      code: 0,
      stderr:
        'warning: Flow "Memory flow" runs on a schedule but has no "On a schedule" trigger; scheduled runs start at its other triggers.\n',
    });
    expect(imported.stdout).toBe('Imported "Memory flow" as cli-orders, enabled.\n');
    const listed = (await inFolder('list')).stdout.split('\n');
    expect(listed[0]).toMatch(/^ID\s+NAME\s+STATE\s+SCHEDULE\s+LAST RUN\s+PROBLEMS$/);
    expect(listed[1]).toMatch(/^cli-orders\s+Memory flow\s+enabled\s+every 60 minutes\s+never\s+1 warning$/);

    // The same file again: a paused copy with a new id; with --replace, the saved flow itself.
    const copy = await inFolder('import', file, '--json');
    const copyLine = JSON.parse(copy.lastLine) as { flow: string; enabled: boolean };
    expect(copyLine).toMatchObject({ name: 'Memory flow (copy)', enabled: false, problems: [] });
    expect(copyLine.flow).not.toBe('cli-orders');
    expect((await inFolder('import', file)).stdout).toMatch(
      /^Imported "Memory flow \(copy\)" as \S+ \(a flow with id cli-orders exists: this is a copy; --replace replaces it\), paused\.\n$/,
    );
    const renamed = writeFlow('renamed.flow.json', { ...hourly, name: 'Orders, renamed' });
    expect((await inFolder('import', renamed, '--replace', '--enable')).stdout).toBe(
      'Imported "Orders, renamed" as cli-orders, enabled.\n',
    );
    const { flows } = JSON.parse((await inFolder('list', '--json')).lastLine) as {
      flows: { id: string; name: string; enabled: boolean }[];
    };
    expect(flows).toHaveLength(3);
    expect(flows.find((flow) => flow.id === 'cli-orders')).toMatchObject({
      name: 'Orders, renamed',
      enabled: true,
    });

    // Exported to a file or to standard output: the flow as saved, ready to import elsewhere.
    const out = path.join(path.dirname(file), 'exported.flow.json');
    expect((await inFolder('export', 'cli-orders', '--out', out)).stdout).toBe(`Wrote ${out}.\n`);
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as FlowDocument;
    expect(exported).toMatchObject({ id: 'cli-orders', name: 'Orders, renamed', schedule: hourly.schedule });
    expect(JSON.parse((await inFolder('export', 'cli-orders')).stdout)).toEqual(exported);

    // Paused and enabled again by id.
    expect(await inFolder('disable', 'cli-orders')).toMatchObject({
      code: 0,
      stdout: 'Paused "Orders, renamed".\n',
    });
    expect((await inFolder('list')).stdout).toMatch(/\ncli-orders\s+Orders, renamed\s+paused\s/);
    expect((await inFolder('enable', 'cli-orders')).stdout).toBe(
      'Enabled "Orders, renamed": it runs every 60 minutes.\n',
    );
  });

  it('says what is wrong: a flow with errors (saved, exit 2), an unknown id, a file that is no flow', async () => {
    const { run, writeFlow, dataDir } = koppel();
    const inFolder = (...args: string[]) => run('flows', ...args, '--data-dir', dataDir);
    const unfinished = memoryFlow({
      id: 'unfinished',
      name: 'Unfinished',
      transforms: [{ kind: 'core.transform.validate', config: { rules: [] } }],
    });
    const imported = await inFolder('import', writeFlow('unfinished.flow.json', unfinished), '--enable');
    expect(imported.code).toBe(2);
    expect(imported.stdout).toBe('Imported "Unfinished" as unfinished, enabled.\n');
    expect(imported.stderr).toBe(
      'error: Flow "Unfinished": node "Validate" (n1), field "Rules": Add at least one rule.\n' +
        'Flow "Unfinished" has errors: it does not run until they are fixed.\n',
    );
    expect((await inFolder('list')).stdout).toMatch(
      /\nunfinished\s+Unfinished\s+enabled\s+by hand\s+never\s+1 error\n/,
    );

    expect(await inFolder('export', 'nope')).toMatchObject({
      code: 2,
      stderr: 'koppel flows export: There is no flow with id nope.\n',
    });
    expect(await inFolder('enable', 'nope')).toMatchObject({
      code: 2,
      stderr: 'koppel flows enable: There is no flow with id nope.\n',
    });
    const notJson = writeFlow('broken.flow.json', {});
    fs.writeFileSync(notJson, '{ "nodes": [');
    const broken = await inFolder('import', notJson);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^koppel flows import: The file is not JSON: .+ \(line 1 column 13\)\n$/);
    expect((await inFolder('import', `${notJson}.missing`)).stderr).toMatch(
      /^koppel flows import: cannot read .*broken\.flow\.json\.missing: ENOENT/,
    );
    // Today's shape marked as version 1: refused, not imported without its nodes.
    const misMarked = await inFolder('import', writeFlow('v1.flow.json', { ...hourly, schemaVersion: 1 }));
    expect(misMarked).toMatchObject({
      code: 2,
      stderr:
        'koppel flows import: This flow says "schemaVersion": 1, but its nodes are under "nodes" (schema 1 lists them under "steps"): set "schemaVersion": 2.\n',
    });
    expect(JSON.parse((await inFolder('list', '--json')).lastLine)).toMatchObject({
      flows: [{ id: 'unfinished' }],
    });
  });
});

describe('koppel schedule', () => {
  it("prints a scheduled run's warnings as they come", async () => {
    const { run, stop, dataDir, openApp, system, waitedTooLong, printed } = koppel();
    system.seed('orders', sampleOrders(1));
    const app = await openApp({ dataDir });
    app.ctx.sync.flows.save({
      ...validated,
      enabled: true,
      schedule: { kind: 'interval', everyMinutes: 60, timezone: 'Europe/Amsterdam' },
    });
    // Last due two hours ago: the schedule catches up at once.
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    app.ctx.sync.store.schedules.reset(validated.id, twoHoursAgo, twoHoursAgo);
    await app.dispose();
    await waitedTooLong(validated, 'inv-9');
    const running = run('schedule');
    await vi.waitFor(() => expect(printed()).toContain('{"runId"'), { timeout: 10_000 });
    await stop();
    const { stdout } = await running;
    expect(stdout).toMatch(
      new RegExp(`\\n\\S+ warning \\(\\w+\\): ${letGo('inv-9').replace(/[.()]/g, '\\$&')}\\n`),
    );
  });

  it('runs the schedules of enabled flows until stopped', async () => {
    const { run, stop, dataDir, openApp } = koppel();
    const app = await openApp({ dataDir });
    app.ctx.sync.flows.save({
      ...validated,
      enabled: true,
      schedule: { kind: 'interval', everyMinutes: 60, timezone: 'Europe/Amsterdam' },
    });
    // Saved while unfinished: it cannot run, and is not given a next run.
    app.ctx.sync.flows.save({
      ...memoryFlow({
        id: 'unfinished',
        name: 'Unfinished',
        transforms: [{ kind: 'core.transform.validate', config: { rules: [] } }],
      }),
      enabled: true,
      schedule: { kind: 'interval', everyMinutes: 60, timezone: 'Europe/Amsterdam' },
    });
    await app.dispose();
    const running = run('schedule');
    await stop();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Running the schedules of 2 flows from .*\n {2}Memory flow: next run \d{4}-/,
    );
    expect(result.stdout).toContain(
      '  Unfinished: cannot run until fixed: Flow "Unfinished": node "Validate" (n1), field "Rules": Add at least one rule.',
    );
    expect(result.stdout).toContain('Stopping: waiting for running flows');
  });
});
