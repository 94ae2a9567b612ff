import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { CompanyListItem, ContactListItem } from '../../connectors/teamleader/schemas';
import { ListedLookup, type ListedRecords } from './listed-lookup';

export type CustomerKind = 'company' | 'contact';

/** The lower-cased primary e-mail addresses of a list entry: what `filter.email` matches. */
function primaryEmails(entry: CompanyListItem | ContactListItem): string[] {
  return (entry.emails ?? []).flatMap((e) =>
    e.type === 'primary' && e.email ? [e.email.toLowerCase()] : [],
  );
}

/** What of `client.companies` and `client.contacts` a look-up by primary e-mail uses. */
interface ByEmailResource<T> {
  list(
    body: { filter: { email: { type: 'primary'; email: string } }; page: { size: number; number: number } },
    options: { signal: AbortSignal },
  ): Promise<T[]>;
  iterate(body: Record<string, never>, options: { signal: AbortSignal }): AsyncIterable<T>;
}

/** Companies or contacts found by primary e-mail: `list` filters by it, `iterate` reads them all. */
function byPrimaryEmail<T extends CompanyListItem | ContactListItem>(
  resource: ByEmailResource<T>,
): ListedRecords<T> {
  return {
    lookUp: async (email, signal) => {
      const filter = { email: { type: 'primary' as const, email } };
      return (await resource.list({ filter, page: { size: 2, number: 1 } }, { signal }))[0] ?? null;
    },
    readAll: async (signal) => {
      const all: T[] = [];
      for await (const entry of resource.iterate({}, { signal })) all.push(entry);
      return all;
    },
    keysOf: primaryEmails,
  };
}

/**
 * Teamleader companies and contacts by primary e-mail, for one run of one node (see
 * {@link ListedLookup}): a first customer sync looks up hundreds of addresses, most of them
 * customers Teamleader already has; after the first 20 the whole list answers (one call per 100).
 * Addresses are passed lower-cased (`matchEmail`), as Teamleader compares them.
 */
export class CustomersByEmail {
  private readonly companies: ListedLookup<CompanyListItem>;
  private readonly contacts: ListedLookup<ContactListItem>;

  constructor(client: TeamleaderClient, signal: AbortSignal, now: () => number = Date.now) {
    this.companies = new ListedLookup(byPrimaryEmail(client.companies), signal, now);
    this.contacts = new ListedLookup(byPrimaryEmail(client.contacts), signal, now);
  }

  /** The id of the company or contact with this e-mail, or null (perhaps the run's list's answer). */
  async find(kind: CustomerKind, email: string): Promise<string | null> {
    return (await this.of(kind).find(email))?.id ?? null;
  }

  /** As {@link find}, for a caller about to make the customer: a miss is asked of Teamleader. */
  async findBeforeMaking(kind: CustomerKind, email: string): Promise<string | null> {
    return (await this.of(kind).findBeforeMaking(email))?.id ?? null;
  }

  /** This run made or changed the customer: the next question about it is asked of Teamleader. */
  forget(kind: CustomerKind, email: string): void {
    this.of(kind).forget(email);
  }

  private of(kind: CustomerKind): ListedLookup<CompanyListItem | ContactListItem> {
    return kind === 'company' ? this.companies : this.contacts;
  }
}
