import type { WizardQuestionType } from '../../shared/api/calls/wizard';
import type { LocalizedText } from '../../shared/nodes/node-definition';

/**
 * Where an answer lives in a flow: in `key` of every node whose kind matches. `kind` is a full
 * kind (`mplus.target.sales`) or a prefix ending in a dot (`mplus.source.`).
 */
export interface BoundField {
  kind: string;
  key: string;
}

/** The choices a question offers, by name (resolved against the systems' reference data). */
export type ChoiceSource =
  | 'catalogue'
  | 'teamleader.departments'
  | 'mplus.employees'
  | 'mplus.branches'
  | 'tax'
  | 'revenue'
  | 'mplus.vatCodes'
  | 'teamleader.paymentTerms'
  | 'paymentMethods'
  | 'shippingMethods'
  | 'statuses'
  | 'none';

/** One question of the wizard and the node fields its answer is written to. */
export interface QuestionBinding {
  id: string;
  type: WizardQuestionType;
  title: LocalizedText;
  description?: LocalizedText;
  fields: readonly BoundField[];
  choices: ChoiceSource;
  /** Select values are numbers. */
  numeric?: boolean;
}

/** The flow-level question: when the flow runs by itself. */
export const SCHEDULE_QUESTION_ID = 'schedule';

/** The schedule question's title. */
export const SCHEDULE_TITLE: LocalizedText = { en: 'When to run', nl: 'Wanneer uitvoeren' };

/**
 * What the wizard asks, in the order it asks it. A question appears for a template only when one
 * of its fields is in the template; its answer then goes into every matching node.
 */
export const QUESTION_BINDINGS: readonly QuestionBinding[] = [
  {
    id: 'sourceDocument',
    type: 'select',
    title: { en: 'What to read', nl: 'Wat lezen' },
    description: {
      en: 'Which documents of the source system this flow picks up.',
      nl: 'Welke documenten van het bronsysteem deze flow oppakt.',
    },
    fields: [
      { kind: 'mplus.source.sales', key: 'documentType' },
      { kind: 'teamleader.source.sales', key: 'documentType' },
    ],
    choices: 'catalogue',
  },
  {
    id: 'targetDocument',
    type: 'select',
    title: { en: 'What to create', nl: 'Wat aanmaken' },
    description: {
      en: 'The document each sale becomes in the target system.',
      nl: 'Het document dat elke verkoop wordt in het doelsysteem.',
    },
    fields: [
      { kind: 'teamleader.target.sales', key: 'documentType' },
      { kind: 'teamleader.step.skipIfExists', key: 'documentType' },
      { kind: 'mplus.target.sales', key: 'documentType' },
      { kind: 'mplus.step.skipIfExists', key: 'documentType' },
    ],
    choices: 'catalogue',
  },
  {
    id: 'department',
    type: 'select',
    title: { en: 'Teamleader company entity', nl: 'Teamleader-bedrijfsentiteit' },
    description: {
      en: 'The department documents and products are booked on; its tax rates apply.',
      nl: 'De afdeling waarop documenten en producten geboekt worden; haar btw-tarieven gelden.',
    },
    fields: [
      { kind: 'teamleader.target.sales', key: 'department' },
      { kind: 'teamleader.target.product', key: 'department' },
      { kind: 'teamleader.step.ensureProducts', key: 'department' },
    ],
    choices: 'teamleader.departments',
  },
  {
    id: 'employeeNumber',
    type: 'select',
    title: { en: 'MplusKASSA employee', nl: 'MplusKASSA-medewerker' },
    description: {
      en: 'Who the API books on in MplusKASSA; 999999 is the built-in API user.',
      nl: 'Op wie de API boekt in MplusKASSA; 999999 is de ingebouwde API-gebruiker.',
    },
    fields: [
      { kind: 'mplus.target.sales', key: 'employeeNumber' },
      { kind: 'mplus.target.stock', key: 'employeeNumber' },
      { kind: 'mplus.target.orderStatus', key: 'employeeNumber' },
    ],
    choices: 'mplus.employees',
    numeric: true,
  },
  {
    id: 'branch',
    type: 'select',
    title: { en: 'MplusKASSA branch', nl: 'MplusKASSA-filiaal' },
    description: {
      en: 'The shop whose orders, stock or bookings this flow handles.',
      nl: 'De winkel waarvan deze flow orders, voorraad of boekingen behandelt.',
    },
    fields: [
      { kind: 'mplus.target.sales', key: 'branchNumber' },
      { kind: 'mplus.target.stock', key: 'branchNumber' },
      { kind: 'mplus.source.stock', key: 'branchNumber' },
    ],
    choices: 'mplus.branches',
    numeric: true,
  },
  {
    id: 'defaultDebtor',
    type: 'debtor',
    title: { en: 'Default debtor', nl: 'Standaarddebiteur' },
    description: {
      en: 'Walk-in sales without a customer (or without an e-mail) are booked on this one customer.',
      nl: 'Verkopen zonder klant (of zonder e-mail) worden op deze ene klant geboekt.',
    },
    fields: [
      { kind: 'teamleader.step.resolveCustomer', key: 'defaultDebtor' },
      { kind: 'mplus.step.resolveCustomer', key: 'defaultDebtor' },
    ],
    choices: 'none',
  },
  {
    id: 'taxRules',
    type: 'taxRules',
    title: { en: 'Tax code per country', nl: 'Btw-code per land' },
    description: {
      en: "Per customer country, the target's tax for each source rate. A row without a source rate is the country's default; * is every other country.",
      nl: 'Per land van de klant de btw in het doelsysteem voor elk brontarief. Een rij zonder brontarief is de standaard van het land; * is elk ander land.',
    },
    fields: [{ kind: 'rules.transform.tax', key: 'taxRules' }],
    choices: 'tax',
  },
  {
    id: 'revenueRules',
    type: 'revenueRules',
    title: { en: 'Revenue account per country', nl: 'Omzetrekening per land' },
    description: {
      en: 'Teamleader: the product category (it carries the ledger account). MplusKASSA: the turnover group.',
      nl: 'Teamleader: de productcategorie (met de grootboekrekening). MplusKASSA: de omzetgroep.',
    },
    fields: [{ kind: 'rules.transform.tax', key: 'revenueRules' }],
    choices: 'revenue',
  },
  {
    id: 'vatCodes',
    type: 'vatCodes',
    title: { en: 'Tax rate → MplusKASSA VAT code', nl: 'Btw-tarief → MplusKASSA-btw-code' },
    description: {
      en: 'The VAT code new and changed articles get for their tax rate. Towards Teamleader, a product keeps its rate when the till has the same code for it (12% stays 12% when the till says 21%).',
      nl: 'De btw-code die nieuwe en gewijzigde artikelen krijgen voor hun btw-tarief. Naar Teamleader houdt een product zijn tarief als de kassa er dezelfde code voor heeft (12% blijft 12% als de kassa 21% zegt).',
    },
    fields: [
      { kind: 'mplus.target.product', key: 'vatCodes' },
      { kind: 'mplus.step.ensureProducts', key: 'vatCodes' },
      { kind: 'teamleader.target.product', key: 'tillVatCodes' },
    ],
    choices: 'mplus.vatCodes',
  },
  {
    id: 'paymentTerm',
    type: 'paymentTerm',
    title: { en: 'Payment term', nl: 'Betalingstermijn' },
    description: {
      en: 'For documents whose source has no payment term.',
      nl: 'Voor documenten waarvan de bron geen betalingstermijn heeft.',
    },
    fields: [{ kind: 'teamleader.target.sales', key: 'paymentTerm' }],
    choices: 'teamleader.paymentTerms',
  },
  {
    id: 'paymentMethods',
    type: 'valueMap',
    title: { en: 'Payment methods', nl: 'Betaalmethoden' },
    description: {
      en: "Each payment method of the source and the target's method it becomes. An order with a method not in this list fails, naming it.",
      nl: 'Elke betaalmethode van de bron en de methode van het doel die het wordt. Een order met een methode die hier niet staat mislukt, met de methode erbij.',
    },
    fields: [
      { kind: 'rules.transform.order', key: 'paymentMethods' },
      { kind: 'rules.transform.status', key: 'paymentMethods' },
    ],
    choices: 'paymentMethods',
  },
  {
    id: 'shippingMethods',
    type: 'valueMap',
    title: { en: 'Shipping methods', nl: 'Verzendmethoden' },
    description: {
      en: "Each shipping method of the source and the target's delivery method it becomes.",
      nl: 'Elke verzendmethode van de bron en de leveringswijze van het doel die het wordt.',
    },
    fields: [{ kind: 'rules.transform.order', key: 'shippingMethods' }],
    choices: 'shippingMethods',
  },
  {
    id: 'statusMap',
    type: 'valueMap',
    title: { en: 'Order status map', nl: 'Orderstatussen' },
    description: {
      en: 'Each status of the source and what it means for the target.',
      nl: 'Elke status van de bron en wat die betekent voor het doel.',
    },
    fields: [
      { kind: 'rules.transform.order', key: 'statusMap' },
      { kind: 'rules.transform.status', key: 'statusMap' },
    ],
    choices: 'statuses',
  },
  {
    id: 'startFrom',
    type: 'date',
    title: { en: 'Start from', nl: 'Beginnen vanaf' },
    description: {
      en: 'The first run picks up records changed on or after this date; later runs continue where the last one stopped.',
      nl: 'De eerste run pakt records op die op of na deze datum gewijzigd zijn; daarna gaat elke run verder waar de vorige stopte.',
    },
    fields: [
      { kind: 'mplus.source.', key: 'startFrom' },
      { kind: 'teamleader.source.', key: 'startFrom' },
    ],
    choices: 'none',
  },
];

/** Whether a node kind is one of a binding's fields (by full kind or by prefix). */
export function matchesKind(field: BoundField, kind: string): boolean {
  return field.kind.endsWith('.') ? kind.startsWith(field.kind) : kind === field.kind;
}

/**
 * Teamleader's expected payment methods (the spec's `expected_payment_method.method` without a
 * reference): what a Teamleader document can say about how it will be paid.
 */
export const TEAMLEADER_PAYMENT_METHODS: readonly { value: string; label: LocalizedText }[] = [
  { value: 'cash', label: { en: 'Cash', nl: 'Contant' } },
  { value: 'payment_card', label: { en: 'Payment card', nl: 'Betaalkaart' } },
  { value: 'bank_transfer', label: { en: 'Bank transfer', nl: 'Overschrijving' } },
  { value: 'cheque', label: { en: 'Cheque', nl: 'Cheque' } },
  { value: 'bankers_draft', label: { en: "Banker's draft", nl: 'Bankcheque' } },
];
