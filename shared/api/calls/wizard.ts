import { z } from 'zod';
import { ConnectionId } from '../../connections/connection';
import { PaymentTerm } from '../../domain/sales-order';
import { FlowDocument, FlowId, Schedule } from '../../flow/flow-document';
import { FlowProblem } from '../../flow/flow-problem';
import { LocalizedText } from '../../nodes/node-definition';
import { VatCodeRule } from '../../nodes/mplus/targets';
import { DefaultDebtor } from '../../nodes/steps/fields';
import { ValueMapping } from '../../nodes/steps/order-rules';
import { RevenueRule, TaxRule } from '../../nodes/steps/tax-rules';
import { defineCall } from '../define';

/** Which system a flow reads from or writes to. */
export const WizardSystem = z.enum(['teamleader', 'mplus']);
export type WizardSystem = z.infer<typeof WizardSystem>;

/** One choice in a drop-down: system data carries plain text, catalogue options both languages. */
export const WizardOption = z.object({
  value: z.union([z.string(), z.number()]),
  label: z.union([z.string(), LocalizedText]),
  /** A second line, e.g. the ledger account of a product category. */
  hint: z.string().optional(),
  /** A VAT code's percentage (MplusKASSA's codes), so a rule that changes the VAT can say so. */
  rate: z.number().optional(),
});
export type WizardOption = z.infer<typeof WizardOption>;

/** Options that show their own words (a status is the same word in the API and in Koppel). */
export function wordOptions(words: readonly string[]): WizardOption[] {
  return words.map((word) => ({ value: word, label: word }));
}

/** Teamleader's reference data, by name (flows hold names and rates, not account-specific ids). */
export const TeamleaderLists = z.object({
  departments: z.array(WizardOption),
  /** Tax rates in percent, per department name. */
  taxRates: z.record(z.string(), z.array(WizardOption)),
  categories: z.array(WizardOption),
  /** The expected payment methods a Teamleader document can carry (the spec's enum). */
  paymentMethods: z.array(WizardOption),
  /** The account's payment terms; the renderer words them in the user's language. */
  paymentTerms: z.array(z.object({ term: PaymentTerm, isDefault: z.boolean() })),
});
export type TeamleaderLists = z.infer<typeof TeamleaderLists>;
/**
 * The lists, and those that could not be read, each with why (the API's own words): the others are
 * offered, these take typed values (an account without the payment terms scope still picks its
 * departments).
 */
export const TeamleaderChoices = TeamleaderLists.extend({
  unread: z.partialRecord(TeamleaderLists.keyof(), z.string()).optional(),
});
export type TeamleaderChoices = z.infer<typeof TeamleaderChoices>;

/** MplusKASSA's reference data. */
export const MplusLists = z.object({
  employees: z.array(WizardOption),
  vatCodes: z.array(WizardOption),
  turnoverGroups: z.array(WizardOption),
  branches: z.array(WizardOption),
  paymentMethods: z.array(WizardOption),
  deliveryMethods: z.array(WizardOption),
});
export type MplusLists = z.infer<typeof MplusLists>;
/** One list of a system's reference data, as read (Teamleader's departments, the till's branches). */
export type SystemList = keyof TeamleaderLists | keyof MplusLists;
/** The till's lists, and those that could not be read (see {@link TeamleaderChoices}). */
export const MplusChoices = MplusLists.extend({
  unread: z.partialRecord(MplusLists.keyof(), z.string()).optional(),
});
export type MplusChoices = z.infer<typeof MplusChoices>;

/** A system's choices, or why they could not be read (the questions then take typed values). */
const choicesOf = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), connectionId: ConnectionId, data }),
    z.object({ ok: z.literal(false), connectionId: ConnectionId.optional(), message: z.string() }),
  ]);

export const WizardChoices = z.object({
  teamleader: choicesOf(TeamleaderChoices),
  mplus: choicesOf(MplusChoices),
});
export type WizardChoices = z.infer<typeof WizardChoices>;

const questionBase = {
  /** Unique within a flow; the key of its answer. */
  id: z.string(),
  title: LocalizedText,
  description: LocalizedText.optional(),
};

/**
 * One thing the wizard asks about a flow, prefilled with the template's value. Each answer goes
 * into every node of the flow that has the field (e.g. the document type of the skip step and the
 * target together).
 */
export const WizardQuestion = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('select'),
    value: z.union([z.string(), z.number()]),
    options: z.array(WizardOption),
    /** Values are numbers (employee, branch) rather than text. */
    numeric: z.boolean(),
  }),
  z.object({ ...questionBase, type: z.literal('paymentTerm'), value: PaymentTerm }),
  z.object({ ...questionBase, type: z.literal('debtor'), value: DefaultDebtor }),
  z.object({
    ...questionBase,
    type: z.literal('taxRules'),
    value: z.array(TaxRule),
    target: WizardSystem,
    /** Target tax choices (Teamleader: per department; MplusKASSA: under the key `*`). */
    options: z.record(z.string(), z.array(WizardOption)),
    /** The question whose answer names the department, when the options depend on it. */
    departmentQuestion: z.string().optional(),
  }),
  z.object({
    ...questionBase,
    type: z.literal('revenueRules'),
    value: z.array(RevenueRule),
    options: z.array(WizardOption),
  }),
  z.object({
    ...questionBase,
    type: z.literal('valueMap'),
    /** Rows keep any further fields they had (a shipping line's price), untouched. */
    value: z.array(ValueMapping.loose()),
    fromOptions: z.array(WizardOption),
    toOptions: z.array(WizardOption),
  }),
  z.object({
    ...questionBase,
    type: z.literal('vatCodes'),
    value: z.array(VatCodeRule),
    options: z.array(WizardOption),
  }),
  z.object({ ...questionBase, type: z.literal('date'), value: z.iso.date().nullable() }),
  z.object({ ...questionBase, type: z.literal('schedule'), value: Schedule }),
]);
export type WizardQuestion = z.infer<typeof WizardQuestion>;
export type WizardQuestionType = WizardQuestion['type'];

/** A template as the wizard offers it, with its questions. */
export const WizardFlowPlan = z.object({
  templateId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  source: WizardSystem,
  target: WizardSystem,
  questions: z.array(WizardQuestion),
});
export type WizardFlowPlan = z.infer<typeof WizardFlowPlan>;

const connectionsInput = {
  /** The Teamleader connection the flows use (a sandbox one or a live one). */
  teamleaderId: ConnectionId,
  mplusId: ConnectionId,
};

/** The answers for one template. */
export const WizardFlowAnswers = z
  .object({
    templateId: z.string().min(1),
    /** The id the built flow keeps when saved (so a dry run of it shows in its history). */
    id: FlowId.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    answers: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type WizardFlowAnswers = z.input<typeof WizardFlowAnswers>;

const buildInput = z
  .object({ ...connectionsInput, flows: z.array(WizardFlowAnswers).min(1, 'Choose at least one flow.') })
  .strict();

const builtFlow = z.object({ templateId: z.string(), flow: FlowDocument, problems: z.array(FlowProblem) });

export const wizardCalls = {
  'wizard.prepare': defineCall(
    z.object({ ...connectionsInput, templateIds: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ choices: WizardChoices, flows: z.array(WizardFlowPlan) }),
    "The questions of each chosen template, prefilled, with choices read from both systems' reference data.",
  ),
  'wizard.build': defineCall(
    buildInput,
    z.object({ flows: z.array(builtFlow) }),
    'The flows the answers make (not saved), with what validation says, for a dry run.',
  ),
  'wizard.create': defineCall(
    buildInput.extend({ enable: z.boolean().default(false) }).strict(),
    z.object({ flows: z.array(builtFlow) }),
    'Builds the flows and saves them (enabled: on their schedule). Refuses flows with errors.',
  ),
} as const;
