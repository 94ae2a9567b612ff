import { describe, expect, it } from 'vitest';
import { StockLevel } from '../../../../shared/domain/stock-level';
import { messageIn } from '../../../../shared/flow/run-messages';
import { stepErrorOf } from '../../../engine/testing/step-error';
import { readRecord } from './records';

describe('readRecord', () => {
  it('fails a record that does not fit, naming the field, with zod’s words in each language', async () => {
    const error = await stepErrorOf(() =>
      readRecord(
        StockLevel,
        { source: { system: 'mplus', entity: 'stock', id: '100001' }, sku: '100001', quantity: 'twelve' },
        'Stock level',
      ),
    );
    expect(error.code).toBe('invalid_record');
    expect(error.field).toBe('quantity');
    expect(error.message).toBe(
      'Stock level record: field "quantity": Invalid input: expected number, received string',
    );
    expect(messageIn(error, 'nl')).toBe(
      'Voorraadniveau-record: veld "quantity": Ongeldige invoer: verwacht getal, ontving string',
    );
  });
});
