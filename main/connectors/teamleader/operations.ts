/**
 * The Teamleader Focus operations Koppel uses, with what the client and the twin need to know about
 * each. The generator (scripts/generate-teamleader-types.ts) emits types for exactly these, and the
 * twin serves exactly these. `operations.test.ts` checks every entry against the official spec.
 */
export interface OperationMeta {
  /** Success status in the spec: 200 `{data}`, 201 `{data:{type,id}}`, 204 empty. */
  readonly status: 200 | 201 | 204;
  /** The request accepts `page: {size, number}`. Lists without it return everything at once. */
  readonly paged: boolean;
  /**
   * Sending the same request twice leaves the same end state (reads, full-replacement updates,
   * set-like actions). Only these are retried after an answer that may have been lost.
   */
  readonly idempotent: boolean;
}

const read = { status: 200, paged: false, idempotent: true } as const;
const list = { status: 200, paged: true, idempotent: true } as const;
const create = { status: 201, paged: false, idempotent: false } as const;
const update = { status: 204, paged: false, idempotent: true } as const;
const action = { status: 204, paged: false, idempotent: false } as const;

export const TEAMLEADER_OPERATIONS = {
  'users.me': read,
  'users.list': list,
  'users.info': read,
  'departments.list': read,
  'departments.info': read,
  'customFieldDefinitions.list': list,
  'customFieldDefinitions.info': read,
  'taxRates.list': list,
  'withholdingTaxRates.list': read,
  'paymentTerms.list': read,
  'paymentMethods.list': list,
  'unitsOfMeasure.list': read,
  'priceLists.list': read,
  'productCategories.list': read,
  'products.list': list,
  'products.info': read,
  'products.add': create,
  'products.update': update,
  'products.delete': action,
  'contacts.list': list,
  'contacts.info': read,
  'contacts.add': create,
  'contacts.update': update,
  'contacts.delete': action,
  'contacts.tag': update,
  'contacts.untag': update,
  'contacts.linkToCompany': update,
  'contacts.unlinkFromCompany': update,
  'contacts.updateCompanyLink': update,
  'companies.list': list,
  'companies.info': read,
  'companies.add': create,
  'companies.update': update,
  'companies.delete': action,
  'companies.tag': update,
  'companies.untag': update,
  'businessTypes.list': read,
  'dealPipelines.list': list,
  'dealPhases.list': list,
  'dealSources.list': list,
  'lostReasons.list': list,
  'deals.list': list,
  'deals.info': read,
  'deals.create': create,
  'deals.update': update,
  'deals.move': update,
  'deals.win': update,
  'deals.lose': update,
  'deals.delete': action,
  'quotations.list': list,
  'quotations.info': read,
  'quotations.create': create,
  'quotations.update': update,
  'quotations.accept': update,
  'quotations.delete': action,
  'orders.list': read,
  'orders.info': read,
  'invoices.list': list,
  'invoices.info': read,
  'invoices.draft': create,
  'invoices.update': update,
  'invoices.book': action,
  'invoices.registerPayment': action,
  'invoices.removePayments': update,
  'invoices.delete': action,
  'webhooks.register': update,
  'webhooks.list': read,
  'webhooks.unregister': update,
} as const satisfies Record<string, OperationMeta>;

export type TeamleaderOperation = keyof typeof TEAMLEADER_OPERATIONS;

export function isTeamleaderOperation(value: string): value is TeamleaderOperation {
  return Object.hasOwn(TEAMLEADER_OPERATIONS, value);
}

export const TEAMLEADER_OPERATION_IDS: readonly TeamleaderOperation[] =
  Object.keys(TEAMLEADER_OPERATIONS).filter(isTeamleaderOperation);

export function operationMeta(op: TeamleaderOperation): OperationMeta {
  return TEAMLEADER_OPERATIONS[op];
}
