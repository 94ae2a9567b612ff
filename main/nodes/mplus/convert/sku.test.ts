import { describe, expect, it } from 'vitest';
import { messageIn } from '../../../../shared/flow/run-messages';
import { stepErrorOf } from '../../../engine/testing/step-error';
import { articleNumberOf } from './sku';

describe('SKU → MplusKASSA article number', () => {
  it('takes digits as they are and removes the configured prefix', () => {
    expect(articleNumberOf('10043', '', { stockOf: '10043' })).toBe(10043);
    expect(articleNumberOf('SKU-00012', 'SKU-', { product: 'SKU-00012' })).toBe(12);
  });

  it('fails a non-numeric SKU, naming the SKU', async () => {
    const error = await stepErrorOf(() =>
      articleNumberOf('ABC-1', 'SKU-', { kind: 'invoice', number: '2025 / 4', line: 2 }),
    );
    expect(error.message).toBe(
      'Invoice "2025 / 4" line 2: SKU "ABC-1" is not an MplusKASSA article number (digits only, after removing the prefix "SKU-").',
    );
    expect(error.value).toBe('ABC-1');
    expect(error.code).toBe('invalid_sku');
  });

  it('keeps the failure as a code that reads in Dutch', async () => {
    const error = await stepErrorOf(() =>
      articleNumberOf('ABC-1', 'SKU-', { kind: 'invoice', number: '2025 / 4', line: 2 }),
    );
    expect(error.text).toEqual({
      code: 'mplusInvalidSku',
      params: { kind: 'invoice', number: '2025 / 4', line: 2, sku: 'ABC-1', prefix: 'SKU-' },
    });
    expect(messageIn(error, 'nl')).toBe(
      'Factuur "2025 / 4", regel 2: SKU "ABC-1" is geen MplusKASSA-artikelnummer (alleen cijfers, na het weglaten van het voorvoegsel "SKU-").',
    );
    const unprefixed = await stepErrorOf(() => articleNumberOf('ABC-1', '', { stockOf: 'ABC-1' }));
    expect(unprefixed.message).toBe(
      'Stock of "ABC-1": SKU "ABC-1" is not an MplusKASSA article number (digits only).',
    );
    expect(messageIn(unprefixed, 'nl')).toBe(
      'Voorraad van "ABC-1": SKU "ABC-1" is geen MplusKASSA-artikelnummer (alleen cijfers).',
    );
  });

  it('fails an empty SKU and article number 0', async () => {
    const empty = await stepErrorOf(() => articleNumberOf(undefined, '', { product: 'Mug' }));
    expect(empty.message).toBe('Product "Mug": has no SKU, so it has no MplusKASSA article number.');
    expect(empty.text?.code).toBe('mplusMissingSku');
    expect(messageIn(empty, 'nl')).toBe(
      'Product "Mug": heeft geen SKU en dus geen MplusKASSA-artikelnummer.',
    );
    expect(() => articleNumberOf('SKU-0', 'SKU-', { kind: 'order', number: 'O-1', line: 4 })).toThrow(
      'Sales order "O-1" line 4: SKU "SKU-0" is not an MplusKASSA article number',
    );
  });
});
