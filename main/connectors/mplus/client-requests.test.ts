import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from './client';
import { runMessageText } from '../../../shared/flow/run-messages';
import { MplusRequestError, MplusSoapFault } from './errors';
import { MPLUS_OPERATION_NAMES } from './generated/operations';
import { loadMplusXsdValidator, type MplusXsdValidator } from './schema/xsd-validator';
import type { MplusRequestInfo } from './soap-caller';
import { buildFaultEnvelope } from './xml/envelope';

/**
 * Every request the client emits, for every operation, is valid against the WSDL's XSD. Checked
 * against a bare HTTP server that records the body and answers a Client fault, so this does not
 * depend on the twin.
 */

let xsd: MplusXsdValidator;
let server: http.Server;
let client: MplusClient;
const seen: MplusRequestInfo[] = [];
const queries: URLSearchParams[] = [];
const headers: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  xsd = await loadMplusXsdValidator();
  server = http.createServer((req, res) => {
    queries.push(new URL(req.url ?? '/', 'http://x').searchParams);
    headers.push(req.headers);
    req.resume().on('end', () => {
      res.writeHead(500, { 'Content-Type': 'text/xml' }).end(buildFaultEnvelope('Client', 'recorded'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = createMplusClient({
    url: `http://127.0.0.1:${port}/`,
    ident: 'id & co',
    secret: 's3cr=t',
    onRequest: (info) => seen.push(info),
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const order = {
  extOrderId: 'WEB-1',
  entryBranchNumber: 1,
  employeeNumber: 999999,
  entryTimestamp: '2025-03-05T14:30:00+01:00',
  relationNumber: 1042,
  deliveryAddress: {
    name: 'Eva de Graaf',
    address: 'Kerkstraat 1',
    zipcode: '1017 GA',
    city: 'Amsterdam',
    country: 'NL',
  },
  financialDate: '2025-03-05',
  reference: 'Webshop order 1 <&>',
  vatMethod: 'VAT-METHOD-INCLUSIVE' as const,
  lineList: {
    line: [
      { articleNumber: 14, text: 'Colored Tie', data: { quantity: 1.25, price: 19.95, discountAmount: 1.5 } },
    ],
  },
};

const calls: Record<(typeof MPLUS_OPERATION_NAMES)[number], (c: MplusClient) => Promise<unknown>> = {
  getApiVersion: (c) => c.getApiVersion(),
  getLicenseInformation: (c) => c.getLicenseInformation(),
  getCurrentSyncMarkers: (c) => c.getCurrentSyncMarkers(),
  getProducts: (c) =>
    c.getProducts({ syncMarker: 1, syncMarkerLimit: 500, pluNumbers: { text: [{ text: '8712345' }] } }),
  createProduct: (c) =>
    c.createProduct({
      description: 'Mok',
      articleList: {
        article: [
          {
            description: 'Mok wit',
            barcode: '8712345678906',
            priceIncl: 12.95,
            vatCode: 2,
            turnoverGroup: 1,
            contentQuantity: 0.33,
          },
        ],
      },
      groupNumbers: [4],
    }),
  updateProduct: (c) =>
    c.updateProduct({
      productNumber: 7,
      articleList: { article: [{ articleNumber: 70, priceIncl: 13.95 }] },
    }),
  getArticleGroups: (c) => c.getArticleGroups({ groupNumbers: [1, 2], retrieveArticleNumbers: true }),
  getArticleGroupChanges: (c) => c.getArticleGroupChanges({ syncMarker: 3, syncMarkerLimit: 50 }),
  newArticleGroup: (c) => c.newArticleGroup({ parentGroupNumber: 0, name: 'Nieuw', text: 'Nieuwe groep' }),
  updateArticleGroup: (c) => c.updateArticleGroup({ groupNumber: 4, name: 'Hernoemd', parentGroupNumber: 1 }),
  addProductsToArticleGroup: (c) =>
    c.addProductsToArticleGroup({ groupNumber: 4, position: 1, productNumbers: { number: [7, 8] } }),
  getStock: (c) => c.getStock({ branchNumber: 1, stockId: 10 }),
  setStock: (c) =>
    c.setStock({
      branchNumber: 1,
      articleNumber: 70,
      amount: 12.5,
      employeeNumber: 999999,
      reference: 'telling',
    }),
  updateStock: (c) => c.updateStock({ branchNumber: 1, articleNumber: 70, amountChanged: -0.25 }),
  getRelations: (c) => c.getRelations({ syncMarker: 1, syncMarkerLimit: 100 }),
  getRelation: (c) => c.getRelation(1042),
  findRelation: (c) => c.findRelation({ email: 'eva@example.com' }),
  findRelationV2: (c) => c.findRelationV2({ relation: { email: 'eva@example.com' }, exactMatch: true }),
  createRelation: (c) =>
    c.createRelation({
      name: 'Eva de Graaf',
      email: 'eva@example.com',
      birthDate: '1990-02-03',
      invoiceCredit: 12.5,
      country: 'NL',
    }),
  updateRelation: (c) => c.updateRelation({ relationNumber: 1042, telephone: '+31 6 1234 5678' }),
  getOrders: (c) =>
    c.getOrders({
      fromFinancialDate: '2025-01-01',
      throughFinancialDate: '2025-01-31',
      includeLineList: false,
    }),
  getOrder: (c) => c.getOrder('001a3cd43892405b9689134b36656063'),
  findOrder: (c) => c.findOrder('WEB-1'),
  createOrderV3: (c) =>
    c.createOrderV3({
      idempotencyKey: 'key-1',
      order,
      prepay: true,
      paymentList: { payment: [{ method: 'IDEAL', amount: 10 }] },
    }),
  payOrderV2: (c) =>
    c.payOrderV2({
      idempotencyKey: 'key-2',
      orderId: 'abc',
      prepay: false,
      paymentList: { payment: [{ method: 'PIN', amount: 19.95 }] },
    }),
  getInvoices: (c) => c.getInvoices({ syncMarker: 1, syncMarkerLimit: 10, relationNumbers: [1042] }),
  getInvoice: (c) => c.getInvoice('09e2d578-b101-11e4-af90-12e3f512a338'),
  findInvoice: (c) => c.findInvoice('FACT-1'),
  saveInvoice: (c) =>
    c.saveInvoice({
      extInvoiceId: 'FACT-1',
      relationNumber: 1042,
      financialDate: '2025-03-05',
      dueDate: '2025-03-19',
      lineList: order.lineList,
      versionNumber: 2,
      changeCounter: 5,
    }),
  getEmployees: (c) => c.getEmployees({ employeeNumbers: [999999] }),
  getVatGroupList: (c) => c.getVatGroupList(),
  getTurnoverGroups: (c) => c.getTurnoverGroups({ onlyActive: true }),
  getBranches: (c) => c.getBranches(),
  getPaymentMethods: (c) => c.getPaymentMethods(),
  getDeliveryMethods: (c) => c.getDeliveryMethods(),
  getOrderCategories: (c) => c.getOrderCategories(),
};

describe('every request the client emits', () => {
  it.each(MPLUS_OPERATION_NAMES)('%s is valid against the WSDL schema', async (operation) => {
    const before = seen.length;
    await expect(calls[operation](client)).rejects.toBeInstanceOf(MplusSoapFault);
    const attempts = seen.slice(before);
    // A Client fault is permanent: exactly one attempt, even for reads.
    expect(attempts).toHaveLength(1);
    const [info] = attempts;
    expect(info?.operation).toBe(operation);
    const result = xsd.validateEnvelopeBody(info?.requestXml ?? '');
    expect(result).toEqual({ valid: true, element: operation, namespace: 'urn:mplusqapi' });
  });

  it('carries the credentials as query parameters and the official headers', () => {
    expect(queries.at(-1)?.get('ident')).toBe('id & co');
    expect(queries.at(-1)?.get('secret')).toBe('s3cr=t');
    expect(headers.at(-1)?.['content-type']).toBe('text/xml; charset=utf-8');
    expect(headers.at(-1)?.['x-request-id']).toMatch(/^koppel_/);
  });

  it('converts decimals to cents and scaled quantities on the wire', () => {
    const createOrder = seen.find((info) => info.operation === 'createOrderV3')?.requestXml ?? '';
    expect(createOrder).toContain('<ns1:orderId/>');
    expect(createOrder).toContain(
      '<ns1:quantity>125</ns1:quantity><ns1:decimalPlaces>2</ns1:decimalPlaces><ns1:price>1995</ns1:price>',
    );
    expect(createOrder).toContain('<ns1:discountAmount>150</ns1:discountAmount>');
    expect(createOrder).toContain('<ns1:amount>1000</ns1:amount>');
    expect(createOrder).toContain('<ns1:reference>Webshop order 1 &lt;&amp;&gt;</ns1:reference>');
    const relation = seen.find((info) => info.operation === 'createRelation')?.requestXml ?? '';
    expect(relation).toContain(
      '<ns1:birthDate><ns1:day>3</ns1:day><ns1:mon>2</ns1:mon><ns1:year>1990</ns1:year></ns1:birthDate>',
    );
    expect(relation).toContain('<ns1:invoiceCredit>12.5</ns1:invoiceCredit>');
  });

  it('refuses input it cannot send, naming the field, without calling the server', async () => {
    const before = seen.length;
    const bad = {
      ...order,
      lineList: { line: [{ articleNumber: 14, data: { quantity: 1, price: 19.999 } }] },
    };
    const refused = await client
      .createOrderV3({ idempotencyKey: 'k', order: bad })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MplusRequestError);
    const path = 'createOrderV3.request.order.lineList.line[0].data.price';
    expect((refused as MplusRequestError).path).toBe(path);
    expect((refused as MplusRequestError).message).toBe(
      `Not sent to MplusKASSA: ${path}: 19.999 has more than 2 decimals; round it to cents first`,
    );
    // The reason is a code too: a Dutch screen words it in Dutch.
    const dutch = (error: unknown) =>
      error instanceof MplusRequestError && error.text ? runMessageText(error.text, 'nl') : undefined;
    expect(dutch(refused)).toBe(
      `Niet naar MplusKASSA gestuurd: ${path}: 19.999 heeft meer dan 2 decimalen; rond het eerst af op centen`,
    );
    const missing = await client.getOrder(undefined as unknown as string).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(MplusRequestError);
    expect(dutch(missing)).toBe(
      'Niet naar MplusKASSA gestuurd: getOrder.orderId: is verplicht volgens het schema (string)',
    );
    expect(seen.length).toBe(before);
  });
});
