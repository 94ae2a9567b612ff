import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusWsdlPath } from '../schema/wsdl-source';
import { startMplusTwin, type MplusTwin } from './twin';

/**
 * A standard SOAP client built from the official WSDL (the `soap` npm package) talks to the twin:
 * the twin speaks plain MplusQapi, not a Koppel dialect.
 */

let twin: MplusTwin;
let client: soap.Client;

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 13, validateResponses: true });
  client = await soap.createClientAsync(mplusWsdlPath());
  client.setEndpoint(
    `${twin.url}?ident=${encodeURIComponent(twin.ident)}&secret=${encodeURIComponent(twin.secret)}`,
  );
});

afterAll(async () => {
  await twin.close();
});

describe('the soap npm client built from the official WSDL', () => {
  it('calls getApiVersion', async () => {
    const [result] = (await client.getApiVersionAsync({})) as [Record<string, unknown>];
    expect(result).toMatchObject({ majorNumber: 1, minorNumber: 0, revisionNumber: 0, inDebugMode: false });
  });

  it('calls getProducts', async () => {
    const [result] = (await client.getProductsAsync({
      request: { pluNumbers: {}, syncMarker: 0, syncMarkerLimit: 3 },
    })) as [{ productList: { product: { productNumber: number; articleList: { article: unknown } }[] } }];
    const products = result.productList.product;
    expect(products.length).toBeGreaterThan(0);
    expect(typeof products[0]?.productNumber).toBe('number');
  });

  it('calls createOrderV3', async () => {
    const [products] = (await client.getProductsAsync({
      request: { pluNumbers: {}, syncMarker: 0, syncMarkerLimit: 1 },
    })) as [
      {
        productList: {
          product: { articleList: { article: { articleNumber: number } | { articleNumber: number }[] } }[];
        };
      },
    ];
    const articles = products.productList.product[0]?.articleList.article;
    const articleNumber = Array.isArray(articles) ? articles[0]?.articleNumber : articles?.articleNumber;
    const [relations] = (await client.getRelationsAsync({
      request: { syncMarker: 0, syncMarkerLimit: 1 },
    })) as [{ relationList: { relation: { relationNumber: number }[] | { relationNumber: number } } }];
    const relation = relations.relationList.relation;
    const relationNumber = Array.isArray(relation) ? relation[0]?.relationNumber : relation.relationNumber;
    const [result] = (await client.createOrderV3Async({
      request: {
        idempotencyKey: 'soap-package-1',
        order: {
          orderId: '',
          extOrderId: 'SOAP-1',
          employeeNumber: 999999,
          relationNumber,
          lineList: { line: [{ articleNumber, data: { quantity: 2, decimalPlaces: 0, price: 995 } }] },
        },
      },
    })) as [
      {
        idempotencyResult: string;
        result: string;
        info: { orderId: string };
        order: { totalInclAmount: number };
      },
    ];
    expect(result.idempotencyResult).toBe('IDEMPOTENCY-RESULT-ORIGINAL-RESPONSE');
    expect(result.result).toBe('CREATE-ORDER-RESULT-OK');
    expect(result.info.orderId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.order.totalInclAmount).toBe(1990);
  });
});
