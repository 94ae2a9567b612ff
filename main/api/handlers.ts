import type { CallName, CallOutput, Domain, ParsedInput } from '../../shared/api/contract';

/** The service function behind one call. */
export type Handler<K extends CallName> = (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;

/** Every call of the contract has exactly one handler; tsc enforces completeness. */
export type Handlers = { [K in CallName]: Handler<K> };

/** The handlers of one domain, as a service file exports them. */
export type DomainHandlers<D extends Domain> = {
  [K in CallName as K extends `${D}.${string}` ? K : never]: Handler<K>;
};
