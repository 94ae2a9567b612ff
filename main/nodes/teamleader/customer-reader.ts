import type { Customer } from '../../../shared/domain/customer';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ContactListItem } from '../../connectors/teamleader/schemas';
import { api } from '../steps/support/api-errors';
import { LIST_AFTER_LOOKUPS } from './products-by-code';
import { companyToCustomer, contactToCustomer, type ContactPersonFields } from './convert/customer';

/**
 * Reads the customers sales documents point at, once per run: a contact, or a company with its
 * contact person (the one the document names, else the first linked contact).
 */
export class CustomerReader {
  private readonly cache = new Map<string, Promise<Customer | null>>();

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal: AbortSignal,
  ) {}

  customer(
    ref: { type?: string; id?: string } | null | undefined,
    contactPersonId?: string,
  ): Promise<Customer | null> {
    if (!ref?.id || (ref.type !== 'contact' && ref.type !== 'company')) return Promise.resolve(null);
    const key = `${ref.type}:${ref.id}:${contactPersonId ?? ''}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.read(ref.type, ref.id, contactPersonId);
      this.cache.set(key, found);
      found.catch(() => this.cache.delete(key));
    }
    return found;
  }

  /**
   * A company's contact person: the given one, else the first contact linked to it. The list's
   * entry has all a contact person shows (name, e-mail, phone), so the first linked contact costs
   * one call, not two: Teamleader allows 200 calls a minute, and a first sync reads every company.
   */
  async contactPerson(companyId: string, contactPersonId?: string): Promise<ContactPersonFields | null> {
    if (contactPersonId)
      return api(() => this.client.contacts.info({ id: contactPersonId }, { signal: this.signal }));
    return (await this.linkedContacts(companyId))[0] ?? null;
  }

  /** The contacts linked to a company (their list entries, up to 100), in Teamleader's order. */
  linkedContacts(companyId: string): Promise<ContactListItem[]> {
    return api(() =>
      this.client.contacts.list(
        { filter: { company_id: companyId }, page: { size: 100, number: 1 } },
        { signal: this.signal },
      ),
    );
  }

  private async read(
    type: 'contact' | 'company',
    id: string,
    contactPersonId?: string,
  ): Promise<Customer | null> {
    const options = { signal: this.signal };
    if (type === 'contact')
      return contactToCustomer(await api(() => this.client.contacts.info({ id }, options)));
    const company = await api(() => this.client.companies.info({ id }, options));
    return companyToCustomer(company, await this.contactPerson(id, contactPersonId));
  }
}

/**
 * Product id → code, for one run: the ids a document names are read in batches of 100
 * (`products.list filter.ids`); after {@link LIST_AFTER_LOOKUPS} such reads the whole list is read
 * once instead (a run over hundreds of invoices asked again for nearly every one).
 */
export class ProductCodes {
  private readonly codes = new Map<string, string | undefined>();
  private reads = 0;
  private listing: Promise<void> | undefined;

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal: AbortSignal,
  ) {}

  async load(ids: readonly (string | undefined)[]): Promise<void> {
    const unknown = () => [
      ...new Set(ids.filter((id): id is string => Boolean(id) && !this.codes.has(id ?? ''))),
    ];
    if (unknown().length === 0) return;
    if (this.listing || ++this.reads > LIST_AFTER_LOOKUPS) await this.listAll();
    // Not in the list (made since it was read), or before it: asked by id.
    const missing = unknown();
    for (let offset = 0; offset < missing.length; offset += 100) {
      const batch = missing.slice(offset, offset + 100);
      const products = await api(() =>
        this.client.products.list(
          { filter: { ids: batch }, page: { size: 100, number: 1 } },
          { signal: this.signal },
        ),
      );
      for (const id of batch) this.codes.set(id, products.find((p) => p.id === id)?.code ?? undefined);
    }
  }

  codeOf(id: string | undefined): string | undefined {
    return id ? this.codes.get(id) : undefined;
  }

  /** Reads every product's code once (shared by the documents asking meanwhile). */
  private listAll(): Promise<void> {
    this.listing ??= api(async () => {
      for await (const product of this.client.products.iterate({}, { signal: this.signal }))
        if (product.id) this.codes.set(product.id, product.code ?? undefined);
    }).catch((error: unknown) => {
      // Tried again by the next document; this one fails as a read by id would.
      this.listing = undefined;
      throw error;
    });
    return this.listing;
  }
}
