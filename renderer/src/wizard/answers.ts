import type { WizardFlowPlan, WizardQuestion } from '../../../shared/api/calls/wizard';

/** The answers of one flow, by question id. */
export type FlowAnswers = Record<string, unknown>;

/** Every chosen template's answers. */
export type WizardAnswers = Record<string, FlowAnswers>;

export type AnswerProblemCode =
  | 'noTaxRules'
  | 'country'
  | 'targetTax'
  | 'account'
  | 'from'
  | 'to'
  | 'duplicateFrom'
  | 'rate'
  | 'vatCode'
  | 'debtorName'
  | 'debtorEmail'
  | 'date'
  | 'days';

/** What is wrong with an answer; `row` points into a table answer. */
export interface AnswerProblem {
  code: AnswerProblemCode;
  row?: number;
}

const COUNTRY = /^([A-Za-z]{2}|\*)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answers a plan starts with: each question's prefilled value. */
export function initialAnswers(plan: WizardFlowPlan): FlowAnswers {
  return Object.fromEntries(plan.questions.map((question) => [question.id, structuredClone(question.value)]));
}

/** The answer given to a question (a cleared one stays cleared), else its prefilled value. */
export function answerOf(answers: WizardAnswers, templateId: string, question: WizardQuestion): unknown {
  const given = answers[templateId];
  return given && question.id in given ? given[question.id] : question.value;
}

/** Keeps the answers of flows still chosen and starts the new ones from their plans. */
export function mergeAnswers(previous: WizardAnswers, plans: readonly WizardFlowPlan[]): WizardAnswers {
  return Object.fromEntries(
    plans.map((plan) => {
      const kept = previous[plan.templateId] ?? {};
      const fresh = initialAnswers(plan);
      const merged = Object.fromEntries(
        Object.entries(fresh).map(([id, value]) => [id, id in kept ? kept[id] : value]),
      );
      return [plan.templateId, merged];
    }),
  );
}

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : [];
const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

function tableProblems(question: WizardQuestion, value: unknown): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const list = rows(value);
  const add = (code: AnswerProblemCode, row: number) => problems.push({ code, row });
  if (question.type === 'taxRules' && list.length === 0) problems.push({ code: 'noTaxRules' });
  const seen = new Set<string>();
  list.forEach((row, index) => {
    if (question.type === 'taxRules' || question.type === 'revenueRules') {
      if (!COUNTRY.test(String(row.country ?? ''))) add('country', index);
      if (!blank(row.sourceRate) && !(Number(row.sourceRate) >= 0 && Number(row.sourceRate) <= 100))
        add('rate', index);
    }
    if (question.type === 'taxRules' && (blank(row.targetTax) || !(Number(row.targetTax) >= 0)))
      add('targetTax', index);
    if (question.type === 'revenueRules' && blank(row.account)) add('account', index);
    if (question.type === 'valueMap') {
      if (blank(row.from)) add('from', index);
      else if (seen.has(String(row.from).trim())) add('duplicateFrom', index);
      else seen.add(String(row.from).trim());
      if (blank(row.to)) add('to', index);
    }
    if (question.type === 'vatCodes') {
      if (blank(row.rate) || !(Number(row.rate) >= 0 && Number(row.rate) <= 100)) add('rate', index);
      if (blank(row.code) || !Number.isInteger(Number(row.code))) add('vatCode', index);
    }
  });
  return problems;
}

/** What is wrong with one answer, checked before main checks it again (main's word is final). */
export function answerProblems(question: WizardQuestion, value: unknown): AnswerProblem[] {
  switch (question.type) {
    case 'taxRules':
    case 'revenueRules':
    case 'valueMap':
    case 'vatCodes':
      return tableProblems(question, value);
    case 'debtor': {
      if (typeof value !== 'object' || value === null || !('enabled' in value) || !value.enabled) return [];
      const problems: AnswerProblem[] = [];
      if (!('name' in value) || blank(value.name)) problems.push({ code: 'debtorName' });
      if (!('email' in value) || !EMAIL.test(String(value.email))) problems.push({ code: 'debtorEmail' });
      return problems;
    }
    case 'date':
      return value === null ||
        (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)))
        ? []
        : [{ code: 'date' }];
    case 'paymentTerm': {
      if (typeof value !== 'object' || value === null || !('type' in value) || value.type === 'cash')
        return [];
      const days = 'days' in value ? Number(value.days) : NaN;
      return Number.isInteger(days) && days >= 0 ? [] : [{ code: 'days' }];
    }
    case 'select':
    case 'schedule':
      return [];
  }
}

/** Every problem of every chosen flow, by template and question. */
export function allProblems(
  plans: readonly WizardFlowPlan[],
  answers: WizardAnswers,
): { templateId: string; questionId: string; problems: AnswerProblem[] }[] {
  return plans.flatMap((plan) =>
    plan.questions.flatMap((question) => {
      const problems = answerProblems(question, answerOf(answers, plan.templateId, question));
      return problems.length ? [{ templateId: plan.templateId, questionId: question.id, problems }] : [];
    }),
  );
}
