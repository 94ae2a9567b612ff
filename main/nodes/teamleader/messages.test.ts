import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesOrder } from '../../../shared/domain/sales-order';
import { messageIn } from '../../../shared/flow/run-messages';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import { connectTwinClient } from '../../connectors/teamleader/simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../connectors/teamleader/simulator/twin';
import { stepErrorOf } from '../../engine/testing/step-error';
import { nonNegativeStock } from './convert/product';
import { TeamleaderReference } from './reference';
import { customerOf } from './targets/sales-body';

let twin: TeamleaderTwin;
let client: TeamleaderClient;

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 7, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
});
afterAll(async () => {
  await twin.close();
});

describe('Teamleader messages', () => {
  it('give errors a code that reads the same English sentence as before, and in Dutch', async () => {
    const order = { kind: 'invoice', number: 'F-7' } as SalesOrder;
    const error = await stepErrorOf(() => customerOf(order));
    expect(error.code).toBe('no_customer');
    expect(error.text).toEqual({
      code: 'teamleaderOrderNoCustomer',
      params: { kind: 'invoice', number: 'F-7' },
    });
    expect(error.message).toBe(
      'Invoice "F-7": has no Teamleader customer; put "Resolve Teamleader customer" before this target.',
    );
    expect(messageIn(error, 'nl')).toBe(
      'Factuur "F-7": heeft geen Teamleader-klant; zet "Teamleader-klant bepalen" vóór dit doel.',
    );
  });

  it('word where a tax rate is missing from its parameters, a product or a document line', async () => {
    const reference = new TeamleaderReference(client);
    const [department] = await client.departments.list();
    const departmentId = department?.id;
    if (!departmentId || !department.name) throw new Error('the twin has no department');
    const onLine = await stepErrorOf(() =>
      reference.taxRateId(departmentId, 7, { kind: 'order', number: 'O-1', line: 2 }),
    );
    expect(onLine.text?.code).toBe('teamleaderUnknownTaxRate');
    expect(onLine.message).toMatch(
      new RegExp(
        `^Sales order "O-1" line 2: Teamleader has no 7 % tax rate in "${department.name}" \\(it has [^)]*21 %[^)]*\\)\\.$`,
      ),
    );
    expect(messageIn(onLine, 'nl')).toMatch(
      new RegExp(
        `^Verkooporder "O-1" regel 2: Teamleader heeft geen btw-tarief van 7 % in "${department.name}" \\(wel [^)]*21 %[^)]*\\)\\.$`,
      ),
    );
    const onProduct = await stepErrorOf(() => reference.taxRateId('no-such-department', 6, { sku: 'SKU-1' }));
    expect(onProduct.message).toBe(
      'Product "SKU-1": Teamleader has no 6 % tax rate in "no-such-department" (it has none).',
    );
    expect(messageIn(onProduct, 'nl')).toBe(
      'Product "SKU-1": Teamleader heeft geen btw-tarief van 6 % in "no-such-department" (die heeft geen tarieven).',
    );
    const names = (await client.departments.list()).map((entry) => `"${entry.name ?? ''}"`).join(', ');
    const unknown = await stepErrorOf(() => reference.departmentId('Elders'));
    expect(unknown.message).toBe(`Teamleader has no active department "Elders" (it has ${names}).`);
    expect(messageIn(unknown, 'nl')).toBe(`Teamleader heeft geen actieve afdeling "Elders" (wel ${names}).`);
  });

  it('log negative stock as a code', () => {
    const logged: unknown[] = [];
    expect(nonNegativeStock(-3, 'SKU-1', { warn: (message) => logged.push(message) })).toBe(0);
    expect(logged).toEqual([{ code: 'teamleaderNegativeStock', params: { sku: 'SKU-1', quantity: -3 } }]);
  });
});
