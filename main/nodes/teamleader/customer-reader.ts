import type { Customer } from '../../../shared/domain/customer';
import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ContactListItem } from '../../connectors/teamleader/schemas';
import { api } from '../steps/support/api-errors';
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
