import { z } from 'zod';
import { amountPerRunField, connectionField, startFromField } from '../common-fields';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';

/**
 * Node kinds over the in-memory test system (`memory` connections). Hidden from the palette; unit
 * tests, the child-process harness and the engine benchmark build flows from them.
 */
export const MemoryRecord = z.looseObject({
  id: z.string(),
  orderNumber: z.string().optional(),
  email: z.string().optional(),
  sku: z.string().optional(),
});

export const memorySource = defineNode({
  kind: 'test.source.memory',
  version: 1,
  label: { en: 'Test source', nl: 'Testbron' },
  description: {
    en: 'Reads records from the in-memory test system, incrementally by sync marker.',
    nl: 'Leest records uit het testsysteem in het geheugen, stapsgewijs per syncmarker.',
  },
  category: 'source',
  system: 'core',
  icon: 'database',
  inputs: [{ id: 'in', label: { en: 'Start', nl: 'Start' }, recordType: 'trigger' }],
  outputs: [ports.out('test.record')],
  config: z.object({
    connectionId: connectionField('memory'),
    entity: field(z.string().min(1).default('orders'), { title: { en: 'Entity', nl: 'Entiteit' } }),
    pageSize: field(z.number().int().min(1).max(10_000).default(100), {
      title: { en: 'Page size', nl: 'Paginagrootte' },
    }),
    startFrom: startFromField,
    amountPerRun: amountPerRunField,
  }),
  defaultConfig: { entity: 'orders', pageSize: 100 },
  connection: 'memory',
  output: MemoryRecord,
  hidden: true,
});

export const memoryTarget = defineNode({
  kind: 'test.target.memory',
  version: 1,
  label: { en: 'Test target', nl: 'Testdoel' },
  description: {
    en: 'Writes records to the in-memory test system, with an idempotency key or its own reference.',
    nl: 'Schrijft records naar het testsysteem in het geheugen, met een idempotentiesleutel of een eigen referentie.',
  },
  category: 'target',
  system: 'core',
  icon: 'database',
  inputs: [ports.in()],
  outputs: [],
  config: z.object({
    connectionId: connectionField('memory'),
    entity: field(z.string().min(1).default('invoices'), { title: { en: 'Entity', nl: 'Entiteit' } }),
    idempotency: field(z.enum(['key', 'reference']).default('reference'), {
      title: { en: 'Exactly-once by', nl: 'Precies één keer via' },
      widget: 'select',
      options: [
        { value: 'key', label: { en: 'Idempotency key', nl: 'Idempotentiesleutel' } },
        { value: 'reference', label: { en: 'Own reference', nl: 'Eigen referentie' } },
      ],
    }),
    lookupBeforeCreate: field(z.boolean().default(false), {
      title: { en: 'Look up before creating', nl: 'Eerst opzoeken' },
    }),
  }),
  defaultConfig: { entity: 'invoices', idempotency: 'reference' },
  connection: 'memory',
  output: z.looseObject({ id: z.string() }),
  hidden: true,
});
