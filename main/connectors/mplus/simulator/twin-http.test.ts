import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from '../client';
import { MplusSoapFault } from '../errors';
import { readMplusWsdl } from '../schema/wsdl-source';
import { loadMplusXsdValidator } from '../schema/xsd-validator';
import { startMplusTwin, type MplusTwin } from './twin';

/** The twin's HTTP surface: credentials, schema checks, WSDL, 405, and the sandbox admin API. */

let twin: MplusTwin;
let client: MplusClient;

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 5, validateResponses: true });
  client = createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });
});

afterAll(async () => {
  await twin.close();
});

const envelope = (body: string) =>
  `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:mplusqapi"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;

const post = (body: string, query = `?ident=${twin.ident}&secret=${twin.secret}`) =>
  fetch(`${twin.url}${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });

const admin = async (path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(`${twin.adminUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: response.status, json: await response.json() };
};

describe('SOAP endpoint', () => {
  it('answers wrong credentials with a permanent Client fault', async () => {
    const wrong = createMplusClient({ url: twin.url, ident: twin.ident, secret: 'nope', maxRetries: 3 });
    const error = await wrong.getApiVersion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MplusSoapFault);
    expect(error).toMatchObject({ faultcode: 'Client', kind: 'permanent', httpStatus: 500 });
    expect((error as MplusSoapFault).faultstring).toMatch(/Authentication failed/);
  });

  it('rejects a body that breaks the schema with a Client fault naming the element', async () => {
    const response = await post(
      envelope(
        '<ns1:getProducts><ns1:request><ns1:syncMarker>1</ns1:syncMarker></ns1:request></ns1:getProducts>',
      ),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('<faultcode>SOAP-ENV:Client</faultcode>');
    expect(text).toContain("Element '{urn:mplusqapi}syncMarker': This element is not expected");
    const notXml = await post('this is not xml');
    expect(await notXml.text()).toContain('not well-formed XML');
    const unknown = await post(envelope('<ns1:getDatabaseVersion/>'));
    expect(await unknown.text()).toContain(
      'Operation getDatabaseVersion is not implemented by the Koppel Mplus twin',
    );
  });

  it('dispatches on the body element; SOAPAction is not needed', async () => {
    const response = await post(envelope('<ns1:getApiVersion/>'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<ns:getApiVersionResponse><ns:majorNumber>1</ns:majorNumber>');
  });

  it('serves the official WSDL with its own address, answers GET / with 405', async () => {
    const wsdl = await (await fetch(`${twin.url}?wsdl`)).text();
    expect(wsdl).toContain(`<SOAP:address location="${twin.url}" />`);
    expect(wsdl.length).toBe(readMplusWsdl().length - 'http://127.0.0.1:18083/'.length + twin.url.length);
    const get = await fetch(twin.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${twin.url}elsewhere`)).status).toBe(404);
  });
});

describe('answers', () => {
  it('are valid against the WSDL schema, found or not, for every operation family', async () => {
    const xsd = await loadMplusXsdValidator();
    const answers: string[] = [];
    const c = createMplusClient({
      url: twin.url,
      ident: twin.ident,
      secret: twin.secret,
      onRequest: (info) => answers.push(info.responseXml ?? ''),
    });
    const [product] = await c.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
    const [order] = await c.getOrders({ syncMarker: 0, syncMarkerLimit: 1 });
    await Promise.all([
      c.getApiVersion(),
      c.getCurrentSyncMarkers(),
      c.getProductsByArticleNumbers([product?.articleList?.article?.[0]?.articleNumber ?? 0]),
      c.getArticleGroups({ retrieveArticleNumbers: true }),
      c.getArticleGroupChanges(),
      c.getStock({ branchNumber: 1 }),
      c.getRelation(1),
      c.findRelation({ email: 'nobody' }),
      c.getOrder(order?.orderId ?? ''),
      c.getOrder('missing'),
      c.findInvoice('missing'),
      c.getInvoices({ includeLineList: false }),
      c.getEmployees(),
      c.getBranches(),
      c.createOrderV3({
        idempotencyKey: 'answers-1',
        order: { employeeNumber: 999999, lineList: { line: [] } },
      }),
      c.payOrderV2({ idempotencyKey: 'answers-2', orderId: 'missing', prepay: true, paymentList: {} }),
      c.saveInvoice({ invoiceId: 'missing', versionNumber: 1, changeCounter: 1 }),
      c.setStock({ branchNumber: 77, articleNumber: 1, amount: 1 }),
      c.updateProduct({ productNumber: 1 }),
      c.newArticleGroup({ parentGroupNumber: 4242, name: 'x', text: 'x' }),
    ]);
    expect(answers.length).toBe(22);
    for (const answer of answers)
      expect(xsd.validateEnvelopeBody(answer), answer.slice(0, 300)).toMatchObject({ valid: true });
  });
});

describe('sandbox admin API', () => {
  it('lists entities with the WSDL element names in wire form', async () => {
    const { json: orders } = await admin('/entities/orders');
    expect(Array.isArray(orders)).toBe(true);
    const list = orders as Record<string, unknown>[];
    expect(list[0]).toHaveProperty('orderId');
    expect(list[0]).toHaveProperty('lineList.line');
    expect(list.some((o) => o.relationNumber === undefined)).toBe(true); // walk-in customers
    const { json: groups } = await admin('/entities/articleGroups');
    expect((groups as Record<string, unknown>[])[0]).toMatchObject({ groupNumber: 1, parentGroupNumber: 0 });
    for (const type of [
      'products',
      'articles',
      'stock',
      'relations',
      'invoices',
      'employees',
      'branches',
      'vatGroups',
    ]) {
      const { status, json } = await admin(`/entities/${type}`);
      expect(status, type).toBe(200);
      expect((json as unknown[]).length, type).toBeGreaterThan(0);
    }
    expect(await admin('/entities/unicorns')).toMatchObject({ status: 404 });
  });

  it('generates records through the domain rules and counts calls', async () => {
    const { json: statsBefore } = (await admin('/stats')) as { json: { calls: Record<string, number> } };
    const before = (await client.getOrders()).length;
    const generated = await admin('/generate', { type: 'orders', count: 5 });
    expect(generated).toMatchObject({ status: 200, json: { type: 'orders', count: 5 } });
    expect((await client.getOrders()).length).toBe(before + 5);
    const articles = await admin('/generate', { type: 'articles', count: 250 });
    expect(articles).toMatchObject({ status: 200, json: { type: 'articles', count: 250 } });
    expect(await admin('/generate', { type: 'orders', count: 0 })).toMatchObject({ status: 400 });
    expect(await admin('/generate', { type: 'ships', count: 1 })).toMatchObject({ status: 400 });

    await client.getBranches();
    const { json: stats } = await admin('/stats');
    const calledBefore = (name: string): number => statsBefore.calls[name] ?? 0;
    expect(stats).toMatchObject({
      faults: 0,
      calls: { getOrders: calledBefore('getOrders') + 2, getBranches: calledBefore('getBranches') + 1 },
    });
  });

  it('takes fault settings in the Teamleader twin shape and rejects bad ones', async () => {
    expect(await admin('/faults', { errorRate: 2 })).toMatchObject({ status: 400 });
    expect(await admin('/faults', { errorRate: 0, latencyMs: 1, statuses: [503] })).toMatchObject({
      status: 200,
    });
    expect(await admin('/faults')).toMatchObject({ json: { errorRate: 0, latencyMs: 1, statuses: [503] } });
    expect(await admin('/faults', {})).toMatchObject({ status: 200 });
  });

  it('reset reseeds deterministically and clears stats', async () => {
    await client.createRelation({ name: 'Tijdelijk' });
    const reset = await admin('/reset', { seed: 5 });
    expect(reset).toMatchObject({ status: 200, json: { seed: 5, size: 'small' } });
    expect(await admin('/stats')).toMatchObject({ json: { calls: {}, faults: 0 } });
    const relations = await client.getRelations();
    expect(relations.some((r) => r.name === 'Tijdelijk')).toBe(false);
    const other = await startMplusTwin({ seed: 5 });
    try {
      const fresh = createMplusClient({ url: other.url, ident: other.ident, secret: other.secret });
      const strip = (r: { createTimestamp?: string; changeTimestamp?: string }) => ({
        ...r,
        createTimestamp: 0,
        changeTimestamp: 0,
      });
      expect((await fresh.getRelations()).map(strip)).toEqual(relations.map(strip));
    } finally {
      await other.close();
    }
  });
});
