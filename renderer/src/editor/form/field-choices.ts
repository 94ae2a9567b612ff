import { createContext, useContext } from 'react';
import {
  wordOptions,
  type SystemList,
  type WizardOption,
  type WizardSystem,
} from '../../../../shared/api/calls/wizard';
import { CanonicalStatus, SOURCE_STATUSES } from '../../../../shared/domain/order-status';
import type { ChoiceList } from '../../../../shared/nodes/ui-hints';
import type { Failure } from '../../api/failure-text';
import type { SystemChoices } from '../../stores/reference-choices-store';
import { departmentRates } from '../../wizard/department-rates';
import { vatChange, type VatChange } from '../../wizard/vat-change';

/** Whose list a field offers: a connected system's, or Koppel's own words (its statuses). */
export type ChoiceSystem = WizardSystem | 'koppel';

/** What a field with a `choices` hint can offer now. */
export type FieldChoices =
  | { system: WizardSystem; state: 'loading' }
  /** `fixed`: words that are not read from the system (statuses), so never read again. */
  | { system: ChoiceSystem; state: 'ready'; options: WizardOption[]; fixed?: boolean }
  /** `list`: only this list of the system could not be read (the others were). */
  | { system: WizardSystem; state: 'failed'; reason: string | Failure; list?: SystemList };

/** Where the node sits: what its lists depend on besides the systems' data. */
export interface ChoiceSetting {
  /** The system the flow writes to after this node (tax and revenue rules follow it). */
  target?: WizardSystem;
  /** The system the flow read the node's records from (the "from" side of method maps). */
  source?: WizardSystem;
  /** The Teamleader department the flow's target writes to ('' or absent: the first active one). */
  department?: string;
  teamleader?: SystemChoices;
  mplus?: SystemChoices;
}

/**
 * The system a list is read from; undefined where it follows a source or target the flow lacks, or
 * where that system has no such list (Teamleader has no delivery methods: typed there).
 */
export function systemOf(
  list: ChoiceList,
  flow: Pick<ChoiceSetting, 'source' | 'target'>,
): ChoiceSystem | undefined {
  if (list === 'koppelStatus') return 'koppel';
  const system = list.startsWith('source')
    ? flow.source
    : list.startsWith('target') || list === 'revenueAccount'
      ? flow.target
      : list.startsWith('teamleader.')
        ? 'teamleader'
        : 'mplus';
  const delivery = list === 'sourceDeliveryMethod' || list === 'targetDeliveryMethod';
  return delivery && system === 'teamleader' ? undefined : system;
}

/** The entries of `list` in the systems' data as read (see reference-choices on the main side). */
export function choicesFor(list: ChoiceList, setting: ChoiceSetting): FieldChoices | undefined {
  const system = systemOf(list, setting);
  if (!system) return undefined;
  // Statuses are fixed words, not read from the system: ready at once, even offline.
  if (system === 'koppel')
    return { system, state: 'ready', options: wordOptions(CanonicalStatus.options), fixed: true };
  if (list === 'sourceStatus')
    return { system, state: 'ready', options: wordOptions(SOURCE_STATUSES[system]), fixed: true };
  const read = setting[system];
  if (!read || read.state === 'loading') return { system, state: 'loading' };
  if (read.state === 'failed') return { system, state: 'failed', reason: read.reason };
  const key = listKeyOf(list, system);
  if (!key) return { system, state: 'loading' };
  // A list the system would not give (a scope the connection lacks) while it gave the others.
  const unread: Partial<Record<SystemList, string>> | undefined = (
    system === 'teamleader' ? read.teamleader : read.mplus
  )?.unread;
  const reason = unread?.[key];
  if (reason !== undefined) return { system, state: 'failed', reason, list: key };
  const options = optionsIn(key, system, read, setting.department ?? '');
  return options ? { system, state: 'ready', options } : { system, state: 'loading' };
}

/**
 * Which of the system's lists a field's choices come from: Teamleader's payment methods are the
 * spec's expected methods, the till's its own; tax and revenue rules follow the target.
 */
function listKeyOf(list: ChoiceList, system: WizardSystem): SystemList | undefined {
  switch (list) {
    case 'teamleader.departments':
      return 'departments';
    case 'teamleader.categories':
      return 'categories';
    case 'mplus.employees':
      return 'employees';
    case 'mplus.branches':
      return 'branches';
    case 'mplus.vatCodes':
      return 'vatCodes';
    case 'mplus.turnoverGroups':
      return 'turnoverGroups';
    case 'mplus.paymentMethods':
    case 'sourcePaymentMethod':
    case 'targetPaymentMethod':
      return 'paymentMethods';
    case 'mplus.deliveryMethods':
    case 'sourceDeliveryMethod':
    case 'targetDeliveryMethod':
      return 'deliveryMethods';
    case 'targetTax':
      return system === 'teamleader' ? 'taxRates' : 'vatCodes';
    case 'revenueAccount':
      return system === 'teamleader' ? 'categories' : 'turnoverGroups';
    case 'sourceStatus':
    case 'koppelStatus':
      return undefined;
  }
}

/** The options of a system's list as read (a department's tax rates for `taxRates`). */
function optionsIn(
  key: SystemList,
  system: WizardSystem,
  read: Extract<SystemChoices, { state: 'ready' }>,
  department: string,
): WizardOption[] | undefined {
  if (key === 'taxRates') return read.teamleader && departmentRates(read.teamleader.taxRates, department);
  // Payment terms are the wizard's own question, not a picker's list.
  if (key === 'paymentTerms') return undefined;
  const lists: Partial<Record<Exclude<SystemList, 'taxRates' | 'paymentTerms'>, WizardOption[]>> | undefined =
    system === 'teamleader' ? read.teamleader : read.mplus;
  return lists?.[key];
}

/**
 * What a tax rule row does to the VAT, once the target's rates are read: null when it keeps the
 * source's rate, or when that cannot be told yet.
 */
export function rowVatChange(row: Record<string, unknown>, setting: ChoiceSetting): VatChange | null {
  const choices = choicesFor('targetTax', setting);
  if (choices?.state !== 'ready' || choices.system === 'koppel') return null;
  return vatChange(row, choices.system, choices.options);
}

/** What the inspector's widgets ask of the node's place in the flow. */
export interface FieldChoicesValue {
  setting: ChoiceSetting;
  /** Asks for a system's lists (read once per connection). */
  request(system: WizardSystem): void;
  /** Reads a system's lists again (something was added there since they were read). */
  reload(system: WizardSystem): void;
}

export const FieldChoicesContext = createContext<FieldChoicesValue>({
  setting: {},
  request: () => {},
  reload: () => {},
});

export function useFieldChoices(): FieldChoicesValue {
  return useContext(FieldChoicesContext);
}
