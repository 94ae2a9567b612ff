import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MPLUS_SCHEMA } from '../generated/schema';
import { MPLUS_OPERATION_NAMES } from '../generated/operations';
import { parseMplusWsdl } from './wsdl-parser';
import { mplusWsdlPath, readMplusWsdl } from './wsdl-source';

/** The committed generated code matches the vendored WSDL (run `npm run gen:mplus` when it does not). */
describe('generated schema model', () => {
  const parsed = parseMplusWsdl(readMplusWsdl()).model;

  it('was generated from the vendored WSDL', () => {
    const sha = createHash('sha256').update(fs.readFileSync(mplusWsdlPath())).digest('hex');
    expect(MPLUS_SCHEMA.wsdlSha256).toBe(sha);
  });

  it('agrees with a fresh parse for every type and operation it holds', () => {
    for (const [key, type] of Object.entries(MPLUS_SCHEMA.types))
      expect(type, key).toEqual(parsed.types[key]);
    for (const name of MPLUS_OPERATION_NAMES)
      expect(MPLUS_SCHEMA.operations[name]).toEqual(parsed.operations[name]);
    expect(Object.keys(parsed.operations)).toHaveLength(374);
  });

  it('takes irregular response names from the WSDL and flags idempotent requests', () => {
    expect(MPLUS_SCHEMA.operations.findOrder?.responseElement).toBe('GetOrderResponse');
    expect(MPLUS_SCHEMA.operations.getApiVersion?.responseElement).toBe('getApiVersionResponse');
    expect(parsed.operations.getActiveEmployeeList?.responseElement).toBe('getEmployeeListResponse');
    expect(parsed.operations.sendWebhook?.responseElement).toBe('WebhookResp');
    const idempotent = Object.values(parsed.operations)
      .filter((op) => op.idempotent)
      .map((op) => op.name);
    expect(idempotent).toHaveLength(34);
    expect(idempotent).toEqual(expect.arrayContaining(['createOrderV3', 'payOrderV2', 'processOrder']));
  });

  it('marks money, quantities and their scales per field', () => {
    const fields = (key: string) => new Map(MPLUS_SCHEMA.types[key]?.fields.map((f) => [f.name, f]));
    expect(fields('LineData').get('price')?.conversion).toBe('money');
    expect(fields('LineData').get('quantity')).toMatchObject({
      conversion: 'quantity',
      scaleField: 'decimalPlaces',
    });
    expect(fields('LineData').get('decimalPlaces')?.conversion).toBe('scale');
    expect(fields('Payment').get('amount')?.conversion).toBe('money');
    expect(fields('SetStockRequest').get('amount')).toMatchObject({
      conversion: 'quantity',
      scaleField: 'decimalPlaces',
    });
    expect(fields('ArticleStock').get('amountFree')).toMatchObject({
      conversion: 'quantity',
      scaleField: 'decimalPlacesFree',
    });
    expect(fields('LineData').get('averagePurchasePrice')).toMatchObject({ type: 'decimal' });
    expect(fields('LineData').get('averagePurchasePrice')?.conversion).toBeUndefined();
  });
});
