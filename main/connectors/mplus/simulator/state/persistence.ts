import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EncodeError } from '../../xml/encode';
import { SYNC_FAMILIES, type TwinData } from './twin-state';
import { parseWireList } from './wire-check';

/**
 * The twin's state file: written atomically (temp file + rename), debounced after writes and once
 * more on close, read back on start so the built-in sandbox survives app restarts.
 */

const Counters = z.object({
  markers: z.record(z.enum(SYNC_FAMILIES), z.number().int().min(0)),
  stockId: z.number().int().min(0),
  productNumber: z.number().int(),
  articleNumber: z.number().int(),
  relationNumber: z.number().int(),
  groupNumber: z.number().int(),
  id: z.number().int().min(0),
  orderNumbers: z.record(z.string(), z.number().int()),
  invoiceNumbers: z.record(z.string(), z.number().int()),
});

const StoredArticleGroup = z.object({
  groupNumber: z.number().int(),
  parentGroupNumber: z.number().int(),
  syncMarker: z.number().int(),
  name: z.string(),
  text: z.string(),
  sortOrder: z.number().int(),
  productNumbers: z.object({ number: z.array(z.number().int()) }),
  isDeleted: z.boolean().optional(),
});

const Envelope = z.object({
  format: z.literal('koppel-mplus-twin@1'),
  seed: z.number().int(),
  size: z.enum(['small', 'medium', 'large']),
  counters: Counters,
  articleGroups: z.array(StoredArticleGroup),
  idempotency: z.array(z.object({ key: z.string(), response: z.record(z.string(), z.unknown()) })),
});

/** Which WSDL type each stored list holds. */
const WIRE_LISTS = {
  branches: 'Branch',
  employees: 'Employee',
  vatGroups: 'VatGroup',
  turnoverGroups: 'TurnoverGroup',
  paymentMethods: 'PaymentMethod',
  deliveryMethods: 'DeliveryMethod',
  orderCategories: 'OrderCategory',
  products: 'Product',
  stock: 'ArticleStock',
  relations: 'Relation',
  orders: 'Order',
  invoices: 'Invoice',
} as const;

export type LoadResult =
  { kind: 'missing' } | { kind: 'loaded'; data: TwinData } | { kind: 'invalid'; problem: string };

/** Reads and checks a state file (top level with zod, every record against its WSDL type). */
export function loadTwinData(file: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return {
      kind: 'invalid',
      problem: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return { kind: 'invalid', problem: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  const record = raw as Record<string, unknown>;
  try {
    const lists = {
      branches: parseWireList<TwinData['branches'][number]>(WIRE_LISTS.branches, record.branches, 'branches'),
      employees: parseWireList<TwinData['employees'][number]>(
        WIRE_LISTS.employees,
        record.employees,
        'employees',
      ),
      vatGroups: parseWireList<TwinData['vatGroups'][number]>(
        WIRE_LISTS.vatGroups,
        record.vatGroups,
        'vatGroups',
      ),
      turnoverGroups: parseWireList<TwinData['turnoverGroups'][number]>(
        WIRE_LISTS.turnoverGroups,
        record.turnoverGroups,
        'turnoverGroups',
      ),
      paymentMethods: parseWireList<TwinData['paymentMethods'][number]>(
        WIRE_LISTS.paymentMethods,
        record.paymentMethods,
        'paymentMethods',
      ),
      deliveryMethods: parseWireList<TwinData['deliveryMethods'][number]>(
        WIRE_LISTS.deliveryMethods,
        record.deliveryMethods,
        'deliveryMethods',
      ),
      orderCategories: parseWireList<TwinData['orderCategories'][number]>(
        WIRE_LISTS.orderCategories,
        record.orderCategories,
        'orderCategories',
      ),
      products: parseWireList<TwinData['products'][number]>(WIRE_LISTS.products, record.products, 'products'),
      stock: parseWireList<TwinData['stock'][number]>(WIRE_LISTS.stock, record.stock, 'stock'),
      relations: parseWireList<TwinData['relations'][number]>(
        WIRE_LISTS.relations,
        record.relations,
        'relations',
      ),
      orders: parseWireList<TwinData['orders'][number]>(WIRE_LISTS.orders, record.orders, 'orders'),
      invoices: parseWireList<TwinData['invoices'][number]>(WIRE_LISTS.invoices, record.invoices, 'invoices'),
    };
    return { kind: 'loaded', data: { ...envelope.data, ...lists } };
  } catch (error) {
    if (error instanceof EncodeError) return { kind: 'invalid', problem: error.message };
    throw error;
  }
}

export class StatePersistence {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => TwinData,
    private readonly debounceMs = 300,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('Mplus twin: saving state failed', error),
  ) {}

  /** Saves a little later, once for a burst of writes. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Saves now (after any write in progress). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const json = JSON.stringify(this.snapshot());
    this.writing = this.writing.then(async () => {
      const temp = `${this.file}.${process.pid}.tmp`;
      try {
        await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
        await fs.promises.writeFile(temp, json);
        await fs.promises.rename(temp, this.file);
      } catch (error) {
        this.onError(error);
      }
    });
    return this.writing;
  }

  /** Keeps an unreadable state file next to the new one instead of overwriting it. */
  static setAside(file: string): string {
    const aside = `${file}.invalid-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    return aside;
  }
}
