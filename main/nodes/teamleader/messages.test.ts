import { describe, expect, it } from 'vitest';
import type { SalesOrder } from '../../../shared/domain/sales-order';
import { messageIn } from '../../../shared/flow/run-messages';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import { StepError } from '../../engine/errors';
import { nonNegativeStock } from './convert/product';
import { TeamleaderReference } from './reference';
import { customerOf } from './targets/sales-body';

function caught(work: () => unknown): StepError {
  try {
    work();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

async function rejected(work: Promise<unknown>): Promise<StepError> {
  const error: unknown = await work.then(
    () => new Error('nothing was thrown'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof StepError) return error;
  throw error;
}

/** A client with one department ("Koppel Demo BV") whose only tax rate is 21 %. */
const client = {
  departments: { list: async () => [{ id: 'dep-1', name: 'Koppel Demo BV' }] },
  taxRates: {
    iterate: async function* () {
      yield { id: 'tax-21', rate: 0.21, department: { id: 'dep-1' } };
    },
  },
} as unknown as TeamleaderClient;

describe('Teamleader messages', () => {
  it('give errors a code that reads the same English sentence as before, and in Dutch', () => {
    const order = { kind: 'invoice', number: 'F-7' } as SalesOrder;
    const error = caught(() => customerOf(order));
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
    const onLine = await rejected(reference.taxRateId('dep-1', 6, { kind: 'order', number: 'O-1', line: 2 }));
    expect(onLine.text?.code).toBe('teamleaderUnknownTaxRate');
    expect(onLine.message).toBe(
      'Sales order "O-1" line 2: Teamleader has no 6 % tax rate in "Koppel Demo BV" (it has 21 %).',
    );
    expect(messageIn(onLine, 'nl')).toBe(
      'Verkooporder "O-1" regel 2: Teamleader heeft geen btw-tarief van 6 % in "Koppel Demo BV" (wel 21 %).',
    );
    const onProduct = await rejected(reference.taxRateId('dep-2', 6, { sku: 'SKU-1' }));
    expect(onProduct.message).toBe(
      'Product "SKU-1": Teamleader has no 6 % tax rate in "dep-2" (it has none).',
    );
    const department = await rejected(reference.departmentId('Elders'));
    expect(department.message).toBe(
      'Teamleader has no active department "Elders" (it has "Koppel Demo BV").',
    );
    expect(messageIn(department, 'nl')).toBe(
      'Teamleader heeft geen actieve afdeling "Elders" (wel "Koppel Demo BV").',
    );
  });

  it('log negative stock as a code', () => {
    const logged: unknown[] = [];
    expect(nonNegativeStock(-3, 'SKU-1', { warn: (message) => logged.push(message) })).toBe(0);
    expect(logged).toEqual([{ code: 'teamleaderNegativeStock', params: { sku: 'SKU-1', quantity: -3 } }]);
  });
});
