import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ProductListItem } from '../../connectors/teamleader/schemas';
import { connectTwinClient, twinCalls } from '../../connectors/teamleader/simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../connectors/teamleader/simulator/twin';
import { LIST_AFTER_LOOKUPS, LIST_TRUSTED_MS, ProductCodes, ProductsByCode } from './products-by-code';

let twin: TeamleaderTwin;
let client: TeamleaderClient;
let products: ProductListItem[];
let codes: string[];

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 5, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
  products = [];
  for await (const product of client.products.iterate({})) products.push(product);
  codes = products.flatMap((product) => (product.code ? [product.code] : []));
});
afterAll(async () => {
  await twin.close();
});

const listCalls = () => twinCalls(twin, 'products.list');

const newIndex = () => new ProductsByCode(client, new AbortController().signal);
const idOf = (code: string) => products.find((product) => product.code === code)?.id;

describe('ProductsByCode', () => {
  it('looks the first codes up one by one, then reads the whole list once and answers from it', async () => {
    expect(codes.length).toBeGreaterThan(LIST_AFTER_LOOKUPS + 5);
    const index = newIndex();
    const before = await listCalls();
    for (const code of codes.slice(0, LIST_AFTER_LOOKUPS))
      expect((await index.find(code))?.id).toBe(idOf(code));
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS);
    // Records of one page ask together: one read of the list serves them all.
    const rest = codes.slice(LIST_AFTER_LOOKUPS);
    const found = await Promise.all(rest.map((code) => index.find(code)));
    expect(found.map((product) => product?.id)).toEqual(rest.map(idOf));
    const pages = Math.ceil(products.length / 100);
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS + pages);
    // Asked again, a code costs no call, whether it was looked up or listed.
    await index.find(codes[0] ?? '');
    await index.find(rest[0] ?? '');
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS + pages);
  });

  it('takes a code the list lacks for missing while the list is young, then asks, then reads the list again', async () => {
    let clock = 1_000_000;
    const index = new ProductsByCode(client, new AbortController().signal, () => clock);
    for (const code of codes.slice(0, LIST_AFTER_LOOKUPS + 1)) await index.find(code);
    const made = await client.products.add({ name: 'Made after the list', code: 'KOPPEL-NEW-1' });
    const before = await listCalls();
    // Young: the list answers for what it lacks too (a first sync would ask about every new code).
    expect(await index.find('KOPPEL-NOWHERE')).toBeNull();
    expect(await index.find('KOPPEL-NEW-1')).toBeNull();
    expect((await listCalls()) - before).toBe(0);
    // Stale: a code it lacks is asked, and a product made since is found.
    clock += LIST_TRUSTED_MS;
    expect((await index.find('KOPPEL-NEW-1'))?.id).toBe(made.id);
    expect((await listCalls()) - before).toBe(1);
    // As many asked as a read costs (one page here): the next miss reads the list again, and
    // the new list answers for what it lacks while it is young.
    expect(await index.find('KOPPEL-NOWHERE')).toBeNull();
    expect((await listCalls()) - before).toBe(2);
    expect(await index.find('KOPPEL-NOWHERE-2')).toBeNull();
    expect((await index.find(codes[1] ?? ''))?.id).toBe(idOf(codes[1] ?? ''));
    expect((await listCalls()) - before).toBe(2);
  });

  it('asks about a code this run made, even while the list is young', async () => {
    const index = newIndex();
    for (const code of codes.slice(0, LIST_AFTER_LOOKUPS + 1)) await index.find(code);
    index.forget('KOPPEL-NEW-2');
    const made = await client.products.add({ name: 'Made by this run', code: 'KOPPEL-NEW-2' });
    const before = await listCalls();
    expect((await index.find('KOPPEL-NEW-2'))?.id).toBe(made.id);
    expect((await listCalls()) - before).toBe(1);
  });

  it('asks again about a product this run wrote, and sees what was written', async () => {
    const index = newIndex();
    const code = codes[0] ?? '';
    const id = idOf(code) ?? '';
    await index.find(code);
    await client.products.update({ id, stock: { amount: 4321 } });
    // Not forgotten: the answer of this run's look-up stands.
    expect((await index.find(code))?.stock?.amount).not.toBe(4321);
    index.forget(code);
    const before = await listCalls();
    expect((await index.find(code))?.stock?.amount).toBe(4321);
    expect((await listCalls()) - before).toBe(1);
  });
});

describe('ProductCodes', () => {
  it('reads the ids documents name by id at first, then the whole list once, then by id only what it lacks', async () => {
    expect(products.length).toBeGreaterThan(LIST_AFTER_LOOKUPS + 5);
    const codes = new ProductCodes(client, new AbortController().signal);
    const before = await listCalls();
    // One document after another, each naming a product not read yet.
    for (const product of products.slice(0, LIST_AFTER_LOOKUPS)) await codes.load([product.id]);
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS);
    for (const product of products.slice(LIST_AFTER_LOOKUPS)) await codes.load([product.id, undefined]);
    const pages = Math.ceil(products.length / 100);
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS + pages);
    for (const product of products) expect(codes.codeOf(product.id)).toBe(product.code ?? undefined);

    const made = await client.products.add({ name: 'Made after the list', code: 'KOPPEL-NEW-3' });
    await codes.load([products[0]?.id, made.id]);
    expect(codes.codeOf(made.id)).toBe('KOPPEL-NEW-3');
    expect((await listCalls()) - before).toBe(LIST_AFTER_LOOKUPS + pages + 1);
  });
});
