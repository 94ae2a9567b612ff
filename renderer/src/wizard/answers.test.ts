import { describe, expect, it } from 'vitest';
import type { WizardFlowPlan, WizardQuestion } from '../../../shared/api/calls/wizard';
import { allProblems, answerOf, answerProblems, initialAnswers, mergeAnswers } from './answers';

const title = { en: 'T', nl: 'T' };
const tax: WizardQuestion = {
  id: 'taxRules',
  type: 'taxRules',
  title,
  value: [],
  target: 'teamleader',
  options: {},
};
const map: WizardQuestion = {
  id: 'paymentMethods',
  type: 'valueMap',
  title,
  value: [],
  fromOptions: [],
  toOptions: [],
};
const date: WizardQuestion = { id: 'startFrom', type: 'date', title, value: '2026-01-01' };

const plan = (templateId: string, questions: WizardQuestion[]): WizardFlowPlan => ({
  templateId,
  name: templateId,
  description: null,
  source: 'mplus',
  target: 'teamleader',
  questions,
});

describe('wizard answers', () => {
  it('start from the prefilled values, copied (editing one never changes the plan)', () => {
    const p = plan('orders', [{ ...tax, value: [{ country: 'NL', targetTax: 21 }] }, date]);
    const answers = initialAnswers(p);
    expect(answers).toEqual({ taxRules: [{ country: 'NL', targetTax: 21 }], startFrom: '2026-01-01' });
    const rows = answers.taxRules;
    if (Array.isArray(rows)) rows.splice(0, 1, { country: 'BE', targetTax: 21 });
    expect(p.questions[0]?.value).toEqual([{ country: 'NL', targetTax: 21 }]);
  });

  it('keep what was answered when the flow choice changes, and start new flows fresh', () => {
    const merged = mergeAnswers({ orders: { startFrom: null }, gone: { startFrom: '2020-01-01' } }, [
      plan('orders', [date]),
      plan('stock', [date]),
    ]);
    expect(merged).toEqual({ orders: { startFrom: null }, stock: { startFrom: '2026-01-01' } });
  });

  it('read a cleared date as cleared, not as the prefilled value', () => {
    expect(answerOf({ orders: { startFrom: null } }, 'orders', date)).toBeNull();
    expect(answerOf({}, 'orders', date)).toBe('2026-01-01');
  });

  it('name the row and the problem in tax rules', () => {
    expect(answerProblems(tax, [])).toEqual([{ code: 'noTaxRules' }]);
    expect(
      answerProblems(tax, [
        { country: 'NL', targetTax: 21 },
        { country: 'Netherlands', sourceRate: 150 },
      ]),
    ).toEqual([
      { code: 'country', row: 1 },
      { code: 'rate', row: 1 },
      { code: 'targetTax', row: 1 },
    ]);
  });

  it('find empty and repeated values in a mapping', () => {
    expect(
      answerProblems(map, [
        { from: 'PIN', to: 'Bancontact' },
        { from: 'PIN', to: '' },
        { from: ' ', to: 'Contant' },
      ]),
    ).toEqual([
      { code: 'duplicateFrom', row: 1 },
      { code: 'to', row: 1 },
      { code: 'from', row: 2 },
    ]);
  });

  it('check the default debtor only when it is on', () => {
    const debtor: WizardQuestion = {
      id: 'defaultDebtor',
      type: 'debtor',
      title,
      value: { enabled: false, name: 'Kassaklant', email: 'kassa@koppel.invalid' },
    };
    expect(answerProblems(debtor, { enabled: false, name: '', email: 'x' })).toEqual([]);
    expect(answerProblems(debtor, { enabled: true, name: '', email: 'x' })).toEqual([
      { code: 'debtorName' },
      { code: 'debtorEmail' },
    ]);
  });

  it('accept an empty start date but not a malformed one, and ask for days of a term', () => {
    expect(answerProblems(date, null)).toEqual([]);
    expect(answerProblems(date, '01-02-2026')).toEqual([{ code: 'date' }]);
    const term: WizardQuestion = { id: 'paymentTerm', type: 'paymentTerm', title, value: { type: 'cash' } };
    expect(answerProblems(term, { type: 'afterInvoiceDate' })).toEqual([{ code: 'days' }]);
    expect(answerProblems(term, { type: 'endOfMonth', days: 30 })).toEqual([]);
  });

  it('collect every problem of every flow with where it is', () => {
    const plans = [plan('orders', [tax, date]), plan('stock', [date])];
    expect(allProblems(plans, { orders: { startFrom: 'soon' } })).toEqual([
      { templateId: 'orders', questionId: 'taxRules', problems: [{ code: 'noTaxRules' }] },
      { templateId: 'orders', questionId: 'startFrom', problems: [{ code: 'date' }] },
    ]);
  });
});
