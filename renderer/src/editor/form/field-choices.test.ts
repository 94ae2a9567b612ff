import { describe, expect, it } from 'vitest';
import type { MplusChoices, TeamleaderChoices } from '../../../../shared/api/calls/wizard';
import { choicesFor, rowVatChange, systemOf, type ChoiceSetting } from './field-choices';

const teamleader: TeamleaderChoices = {
  departments: [
    { value: 'Koppel Demo BV', label: 'Koppel Demo BV' },
    { value: 'Koppel NL', label: 'Koppel NL' },
  ],
  taxRates: {
    'Koppel Demo BV': [
      { value: 21, label: '21%' },
      { value: 6, label: '6%' },
    ],
    'Koppel NL': [
      { value: 21, label: '21%' },
      { value: 9, label: '9%' },
    ],
  },
  categories: [{ value: 'Omzet', label: 'Omzet', hint: '700000' }],
  paymentMethods: [{ value: 'cash', label: { en: 'Cash', nl: 'Contant' }, hint: 'cash' }],
  paymentTerms: [],
};

const mplus: MplusChoices = {
  employees: [{ value: 999999, label: 'API gebruiker' }],
  vatCodes: [
    { value: 1, label: '9 %', rate: 9 },
    { value: 2, label: '21 %', rate: 21 },
  ],
  turnoverGroups: [{ value: '12', label: 'Kleding', hint: '#12' }],
  branches: [{ value: 1, label: 'Amsterdam' }],
  paymentMethods: [{ value: 'PIN', label: 'Pinnen' }],
  deliveryMethods: [{ value: 'AFHALEN', label: 'Afhalen' }],
};

const read = { teamleader: { state: 'ready', teamleader }, mplus: { state: 'ready', mplus } } as const;

describe('the lists a picker offers', () => {
  it('reads a named list from its system', () => {
    expect(systemOf('mplus.employees', {})).toBe('mplus');
    expect(systemOf('teamleader.departments', { target: 'mplus' })).toBe('teamleader');
    expect(choicesFor('mplus.branches', { mplus: read.mplus })).toEqual({
      system: 'mplus',
      state: 'ready',
      options: mplus.branches,
    });
    expect(choicesFor('teamleader.departments', { teamleader: read.teamleader })).toMatchObject({
      options: teamleader.departments,
    });
  });

  it('marks only a list the system would not give as failed, with why; the others stay offered', () => {
    const partial: ChoiceSetting = {
      target: 'teamleader',
      source: 'mplus',
      teamleader: {
        state: 'ready',
        teamleader: { ...teamleader, taxRates: {}, unread: { taxRates: 'Forbidden (403)' } },
      },
      mplus: { state: 'ready', mplus: { ...mplus, branches: [], unread: { branches: 'Server fault' } } },
    };
    expect(choicesFor('targetTax', partial)).toEqual({
      system: 'teamleader',
      state: 'failed',
      reason: 'Forbidden (403)',
      list: 'taxRates',
    });
    expect(choicesFor('teamleader.departments', partial)).toMatchObject({
      state: 'ready',
      options: teamleader.departments,
    });
    expect(choicesFor('mplus.branches', partial)).toMatchObject({ state: 'failed', list: 'branches' });
    expect(choicesFor('sourcePaymentMethod', partial)).toMatchObject({
      state: 'ready',
      options: mplus.paymentMethods,
    });
  });

  it('follows the target for tax and revenue rules: its department’s rates, or the till’s VAT codes', () => {
    const towardsTeamleader: ChoiceSetting = { target: 'teamleader', department: 'Koppel NL', ...read };
    expect(choicesFor('targetTax', towardsTeamleader)).toMatchObject({
      system: 'teamleader',
      options: teamleader.taxRates['Koppel NL'],
    });
    // No department named: the first active one's rates, as the flow itself does.
    expect(choicesFor('targetTax', { ...towardsTeamleader, department: '' })).toMatchObject({
      options: teamleader.taxRates['Koppel Demo BV'],
    });
    expect(choicesFor('revenueAccount', towardsTeamleader)).toMatchObject({ options: teamleader.categories });
    const towardsTill: ChoiceSetting = { target: 'mplus', ...read };
    expect(choicesFor('targetTax', towardsTill)).toMatchObject({ system: 'mplus', options: mplus.vatCodes });
    expect(choicesFor('revenueAccount', towardsTill)).toMatchObject({ options: mplus.turnoverGroups });
    // Without a target the rules' lists are unknown.
    expect(choicesFor('targetTax', read)).toBeUndefined();
  });

  it('maps methods from the source’s list to the target’s; Teamleader’s delivery methods are typed', () => {
    const tillToTeamleader: ChoiceSetting = { source: 'mplus', target: 'teamleader', ...read };
    expect(choicesFor('sourcePaymentMethod', tillToTeamleader)).toMatchObject({
      system: 'mplus',
      options: mplus.paymentMethods,
    });
    expect(choicesFor('targetPaymentMethod', tillToTeamleader)).toMatchObject({
      system: 'teamleader',
      options: teamleader.paymentMethods,
    });
    expect(choicesFor('sourceDeliveryMethod', tillToTeamleader)).toMatchObject({
      options: mplus.deliveryMethods,
    });
    expect(choicesFor('targetDeliveryMethod', tillToTeamleader)).toBeUndefined();
    expect(systemOf('sourcePaymentMethod', { target: 'mplus' })).toBeUndefined();
  });

  it("offers the source's statuses and Koppel's at once, without reading either system", () => {
    const words = (choices: ReturnType<typeof choicesFor>) =>
      choices?.state === 'ready' ? choices.options.map((option) => option.value) : choices?.state;
    // Nothing read yet (no system lists in the setting): the statuses are fixed words.
    expect(words(choicesFor('sourceStatus', { source: 'teamleader' }))).toEqual([
      'draft',
      'outstanding',
      'matched',
      'open',
      'accepted',
      'expired',
      'rejected',
      'closed',
      'won',
      'lost',
    ]);
    expect(words(choicesFor('sourceStatus', { source: 'mplus' }))).toEqual([
      'open',
      'paid',
      'cancelled',
      'credit',
    ]);
    expect(choicesFor('koppelStatus', {})).toMatchObject({ system: 'koppel', state: 'ready' });
    expect(words(choicesFor('koppelStatus', {}))).toEqual(['draft', 'open', 'paid', 'cancelled']);
    // A flow without a source has no statuses to offer: the value is typed.
    expect(choicesFor('sourceStatus', {})).toBeUndefined();
  });

  it('says when a list is still being read or could not be', () => {
    expect(choicesFor('mplus.employees', {})).toEqual({ system: 'mplus', state: 'loading' });
    expect(choicesFor('mplus.employees', { mplus: { state: 'loading' } })).toEqual({
      system: 'mplus',
      state: 'loading',
    });
    expect(choicesFor('mplus.employees', { mplus: { state: 'failed', reason: 'Wrong ident.' } })).toEqual({
      system: 'mplus',
      state: 'failed',
      reason: 'Wrong ident.',
    });
  });

  it('tells a tax rule that changes the VAT once the target’s rates are read', () => {
    const towardsTeamleader: ChoiceSetting = { target: 'teamleader', department: 'Koppel Demo BV', ...read };
    expect(rowVatChange({ country: 'NL', sourceRate: 9, targetTax: 6 }, towardsTeamleader)).toEqual({
      from: 9,
      to: 6,
    });
    expect(rowVatChange({ country: 'NL', sourceRate: 21, targetTax: 21 }, towardsTeamleader)).toBeNull();
    const towardsTill: ChoiceSetting = { target: 'mplus', ...read };
    expect(rowVatChange({ country: 'BE', sourceRate: 12, targetTax: 2 }, towardsTill)).toEqual({
      from: 12,
      to: 21,
    });
    expect(rowVatChange({ country: 'BE', sourceRate: 12, targetTax: 2 }, { target: 'mplus' })).toBeNull();
  });
});
