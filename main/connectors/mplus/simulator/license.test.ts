import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from '../client';
import { MplusSoapFault } from '../errors';
import { loadMplusXsdValidator } from '../schema/xsd-validator';
import type { MplusRequestInfo } from '../soap-caller';
import type { MplusTwinFaults } from './faults';
import { createSeededState } from './seed/seed-state';
import { startMplusTwin, type MplusTwin } from './twin';

/**
 * getLicenseInformation, client to twin on loopback: the seeded licensee, its branches as licensed
 * branches, answers in the WSDL's sequence order, one-item lists still lists, and a refusal.
 */

let twin: MplusTwin;
let client: MplusClient;
const attempts: MplusRequestInfo[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-mplus-license-'));

const clientOf = (target: MplusTwin): MplusClient =>
  createMplusClient({
    url: target.url,
    ident: target.ident,
    secret: target.secret,
    retryDelayMs: 1,
    onRequest: (info) => attempts.push(info),
  });

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 1, validateResponses: true });
  client = clientOf(twin);
});

afterAll(async () => {
  await twin.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function setFaults(faults: MplusTwinFaults): Promise<void> {
  const response = await fetch(`${twin.adminUrl}/faults`, { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

describe('getLicenseInformation', () => {
  it('names the seeded shop, its head office city and every branch with its modules', async () => {
    const license = await client.getLicenseInformation();
    expect(license).toMatchObject({ companyName: 'De Zoete Inval B.V.', city: 'Amsterdam' });
    expect(license.obscuredLicenseKey).toMatch(/^\*{4}-\*{4}-\*{4}-\d{4}$/);
    const branches = await client.getBranches();
    expect(license.branches.map((b) => [b.branchNumber, b.branchName])).toEqual(
      branches.map((b) => [b.branchNumber, b.branchName]),
    );
    const [head, other] = license.branches;
    expect(head).toMatchObject({ branchNumber: 1, workplaceLimit: 3, isGKS: false });
    expect(head?.modules.map((m) => m.description)).toEqual([
      'Kassa',
      'Voorraadbeheer',
      'Klantenkaarten',
      'API-koppeling',
    ]);
    expect(head?.modules[0]).toEqual({ group: 1, number: 1, description: 'Kassa' });
    expect(other?.modules.map((m) => m.description)).not.toContain('Klantenkaarten');
  });

  it('is the same for the same seed, after a reset, and another company for another seed', async () => {
    const first = await client.getLicenseInformation();
    const other = await startMplusTwin({ seed: 5 });
    try {
      expect((await clientOf(other).getLicenseInformation()).companyName).toBe('Kop & Schotel B.V.');
      const reset = await fetch(`${other.adminUrl}/reset`, { method: 'POST', body: '{"seed":1}' });
      expect(reset.status).toBe(200);
      expect(await clientOf(other).getLicenseInformation()).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('answers in the xsd:sequence order of the WSDL, valid against its XSD', async () => {
    const body = `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:mplusqapi"><SOAP-ENV:Body><ns1:getLicenseInformation/></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    const response = await fetch(`${twin.url}?ident=${twin.ident}&secret=${twin.secret}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body,
    });
    expect(response.status).toBe(200);
    const xml = await response.text();
    const order = (names: string[]) => names.map((name) => xml.indexOf(`<ns:${name}>`));
    const top = order(['GetLicenseInformationResponse', 'obscuredLicenseKey', 'companyName', 'city']);
    expect(top.every((at) => at >= 0)).toBe(true);
    expect([...top, xml.indexOf('<ns:licensedBranches>')]).toEqual(
      [...top, xml.indexOf('<ns:licensedBranches>')].sort((a, b) => a - b),
    );
    const branch = xml.slice(xml.indexOf('<ns:licensedBranch>'), xml.indexOf('</ns:licensedBranch>'));
    const fields = ['branchNumber', 'branchName', 'workplaceLimit', 'isGKS', 'licensedModules'];
    const positions = fields.map((name) => branch.indexOf(`<ns:${name}>`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const module = branch.slice(branch.indexOf('<ns:licensedModule>'));
    expect(module).toMatch(
      /^<ns:licensedModule><ns:moduleGroup>1<\/ns:moduleGroup><ns:moduleNumber>1<\/ns:moduleNumber><ns:moduleDescription>Kassa<\/ns:moduleDescription><\/ns:licensedModule>/,
    );
    expect((await loadMplusXsdValidator()).validateEnvelopeBody(xml)).toEqual({
      valid: true,
      element: 'GetLicenseInformationResponse',
      namespace: 'urn:mplusqapi',
    });
  });

  it('keeps a one-branch licence a list, in Koppel and in wire values', async () => {
    const data = createSeededState({ seed: 1, size: 'small' }).toData();
    const stateFile = path.join(dir, 'one-branch.json');
    fs.writeFileSync(stateFile, JSON.stringify({ ...data, branches: data.branches.slice(0, 1) }));
    const single = await startMplusTwin({ stateFile, validateResponses: true });
    try {
      const license = await clientOf(single).getLicenseInformation();
      expect(license.branches).toHaveLength(1);
      expect(license.branches[0]).toMatchObject({ branchNumber: 1, branchName: 'Amsterdam Centrum' });
      expect(Array.isArray(license.branches[0]?.modules)).toBe(true);
      const wire = await clientOf(single).soap.callWire('getLicenseInformation', {});
      expect(Array.isArray(wire.licensedBranches?.licensedBranch)).toBe(true);
      expect(wire.licensedBranches?.licensedBranch).toHaveLength(1);
    } finally {
      await single.close();
    }
  });

  it('refuses an API user without the right with one permanent Client fault, not retried', async () => {
    await setFaults({ refuse: ['getLicenseInformation'] });
    try {
      attempts.length = 0;
      const error = await client.getLicenseInformation().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MplusSoapFault);
      expect(error).toMatchObject({ faultcode: 'Client', kind: 'permanent', httpStatus: 500 });
      expect((error as MplusSoapFault).faultstring).toBe(
        'Access denied: this API user has no right to call getLicenseInformation',
      );
      expect(attempts.map((a) => a.operation)).toEqual(['getLicenseInformation']);
      // Only that operation is refused.
      expect((await client.getApiVersion()).majorNumber).toBe(1);
    } finally {
      await setFaults({});
    }
  });

  it('retries a transient Server fault like any read, then succeeds', async () => {
    await setFaults({ errorRate: 1, statuses: [500], operations: ['getLicenseInformation'], seed: 3 });
    attempts.length = 0;
    const failing = client.getLicenseInformation().catch((e: unknown) => e);
    expect(await failing).toMatchObject({ kind: 'transient', faultcode: 'Server' });
    expect(attempts.filter((a) => a.operation === 'getLicenseInformation')).toHaveLength(4);
    await setFaults({ errorRate: 1, statuses: [503], operations: ['getLicenseInformation'], seed: 3 });
    attempts.length = 0;
    const patient = createMplusClient({
      url: twin.url,
      ident: twin.ident,
      secret: twin.secret,
      retryDelayMs: 300,
      onRequest: (info) => attempts.push(info),
    });
    const recovering = patient.getLicenseInformation();
    // Clear the faults once the first attempt has failed: the retry gets the answer.
    await expect.poll(() => attempts.length).toBeGreaterThan(0);
    await setFaults({});
    expect((await recovering).companyName).toBe('De Zoete Inval B.V.');
    expect(attempts[0]).toMatchObject({ outcome: 'error', willRetry: true });
  });
});
