import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentProblem } from '../../shared/api/calls/app';
import { apiMessageIn } from '../../shared/api/api-messages';
import { memoryFlow } from '../engine/testing/memory-flow';
import { appFixture, type AppFixture } from '../engine/testing/app-fixture';
import type { Logger } from './logger';

const fixtures: AppFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.cleanup();
});

/** A long-lived host (watching its documents) whose warnings and notes are kept. */
async function host() {
  const logged: string[] = [];
  const keep =
    (level: string) =>
    (message: string): void =>
      void logged.push(`${level} ${message}`);
  const logger: Logger = { debug() {}, info: keep('info'), warn: keep('warn'), error: keep('error') };
  const fixture = await appFixture({ scheduler: true, logger });
  fixtures.push(fixture);
  const heard: DocumentProblem[][] = [];
  fixture.app.ctx.bus.on('app.documentProblems', ({ problems }) => heard.push(problems));
  const call = async (name: 'app.documentProblems' | 'app.diagnostics' | 'settings.update', input: unknown) =>
    fixture.app.dispatch(name, input);
  return { ...fixture, logged, heard, call };
}

describe('data folder documents edited by hand while Koppel runs', () => {
  it('tells which one stopped reading and why, keeps it from being saved over, and tells when it reads again', async () => {
    const app = await host();
    const settingsFile = path.join(app.dataDir, 'settings.json');
    const flowsFile = path.join(app.dataDir, 'flows.json');
    // Two saves, so the flows file has a last version kept beside it as the settings file has.
    await app.call('settings.update', { language: 'en' });
    const first = await app.app.dispatch('flows.save', {
      flow: memoryFlow({ id: 'orders', name: 'Orders' }),
    });
    if (!first.ok) throw new Error(first.error.message);
    const saved = (first.output as { flow: Record<string, unknown> }).flow;
    const second = await app.app.dispatch('flows.save', { flow: { ...saved, name: 'Orders again' } });
    expect(second.ok).toBe(true);
    const goodSettings = fs.readFileSync(settingsFile, 'utf8');
    const goodFlows = fs.readFileSync(flowsFile, 'utf8');
    expect(await app.call('app.documentProblems', {})).toEqual({ ok: true, output: { problems: [] } });

    fs.writeFileSync(settingsFile, '{ "language": ');
    await vi.waitFor(() => expect(app.heard).toHaveLength(1), { timeout: 4000 });
    const settingsProblem = app.heard[0]?.[0];
    expect(settingsProblem).toMatchObject({
      document: 'settings',
      file: settingsFile,
      text: { code: 'documentNotJson' },
      backup: `${settingsFile}.bak`,
    });
    expect(settingsProblem?.message).toContain(settingsFile);
    expect(apiMessageIn({ message: '', text: settingsProblem?.text }, 'nl')).toContain('settings.json');
    // A window opened now learns of it too.
    expect(await app.call('app.documentProblems', {})).toEqual({
      ok: true,
      output: { problems: [settingsProblem] },
    });
    // Nothing saved over it, with the same words.
    const refused = await app.call('settings.update', { language: 'nl' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', text: { code: 'documentNotJson' } },
    });
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe('{ "language": ');

    fs.writeFileSync(flowsFile, '{ "flows": {');
    await vi.waitFor(() => expect(app.heard).toHaveLength(2), { timeout: 4000 });
    expect(app.heard[1]?.map((problem) => problem.document)).toEqual(['settings', 'flows']);
    expect(app.heard[1]?.[1]).toMatchObject({ file: flowsFile, backup: `${flowsFile}.bak` });
    const report = await app.call('app.diagnostics', {});
    if (!report.ok) throw new Error(report.error.message);
    expect((report.output as { text: string }).text).toMatch(
      /== Documents that do not read\n\[[^]*flows\.json/,
    );

    // Mended, one after the other.
    fs.writeFileSync(settingsFile, goodSettings);
    await vi.waitFor(() => expect(app.heard).toHaveLength(3), { timeout: 4000 });
    expect(app.heard[2]?.map((problem) => problem.document)).toEqual(['flows']);
    fs.writeFileSync(flowsFile, goodFlows);
    await vi.waitFor(() => expect(app.heard).toHaveLength(4), { timeout: 4000 });
    expect(app.heard[3]).toEqual([]);
    expect(await app.call('app.documentProblems', {})).toEqual({ ok: true, output: { problems: [] } });

    // Each told once in the host's log (`koppel schedule` on a server has nothing else).
    const notes = app.logged.filter((line) => /settings\.json|flows\.json/.test(line));
    expect(notes).toEqual([
      `warn ${settingsFile} does not read: Koppel goes on with what it read last`,
      `warn ${flowsFile} does not read: Koppel goes on with what it read last`,
      `info ${settingsFile} reads again`,
      `info ${flowsFile} reads again`,
    ]);
  });

  it('tells a second, different wrong edit of a broken file, but not the same one written again', async () => {
    const app = await host();
    const settingsFile = path.join(app.dataDir, 'settings.json');
    fs.writeFileSync(settingsFile, '{ "language": ');
    await vi.waitFor(() => expect(app.heard).toHaveLength(1), { timeout: 4000 });
    // Written again as it was (a new time on the file): the same problem, not told again.
    fs.writeFileSync(settingsFile, '{ "language":  ');
    fs.writeFileSync(settingsFile, '{ "language": ');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.heard).toHaveLength(1);

    fs.writeFileSync(settingsFile, JSON.stringify({ schemaVersion: 99 }));
    await vi.waitFor(() => expect(app.heard).toHaveLength(2), { timeout: 4000 });
    expect(app.heard[1]?.[0]?.text?.code).toBe('settingsFromNewerKoppel');
  });
});
