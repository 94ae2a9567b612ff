import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ProductListItem } from '../../connectors/teamleader/schemas';
import { connectTwinClient } from '../../connectors/teamleader/simulator/testing';
import { startTeamleaderTwin, type TeamleaderTwin } from '../../connectors/teamleader/simulator/twin';
import { ProductCodes } from './customer-reader';
import { LIST_AFTER_LOOKUPS } from './products-by-code';

let twin: TeamleaderTwin;
let client: TeamleaderClient;
let products: ProductListItem[];

beforeAll(async () => {
  twin = await startTeamleaderTwin({ seed: 6, rateLimitPerMinute: 100_000 });
  ({ client } = await connectTwinClient(twin));
  products = [];
  for await (const product of client.products.iterate({})) products.push(product);
});
afterAll(async () => {
  await twin.close();
});

async function listCalls(): Promise<number> {
  const response = await fetch(`${twin.adminUrl}/stats`);
  const stats = (await response.json()) as { calls: Record<string, number> };
  return stats.calls['products.list'] ?? 0;
}

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
