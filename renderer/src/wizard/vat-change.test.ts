import { describe, expect, it } from 'vitest';
import { vatChange } from './vat-change';

const tillCodes = [
  { value: 1, label: '9 %', rate: 9 },
  { value: 2, label: '21 %', rate: 21 },
  { value: 3, label: '0 %', rate: 0 },
];

describe('vatChange', () => {
  it('tells a Teamleader rate other than the source rate', () => {
    expect(vatChange({ country: 'NL', sourceRate: 9, targetTax: 6 }, 'teamleader', [])).toEqual({
      from: 9,
      to: 6,
    });
    expect(vatChange({ country: 'NL', sourceRate: 21, targetTax: 21 }, 'teamleader', [])).toBeNull();
  });

  it("reads a MplusKASSA VAT code's rate from its option", () => {
    expect(vatChange({ country: 'BE', sourceRate: 6, targetTax: 1 }, 'mplus', tillCodes)).toEqual({
      from: 6,
      to: 9,
    });
    expect(vatChange({ country: 'BE', sourceRate: 21, targetTax: 2 }, 'mplus', tillCodes)).toBeNull();
    // A code the till does not list (its rate unknown) says nothing rather than guess.
    expect(vatChange({ country: 'BE', sourceRate: 6, targetTax: 7 }, 'mplus', tillCodes)).toBeNull();
  });

  it('says nothing for a country default (no source rate) or a rule still being filled in', () => {
    expect(vatChange({ country: 'NL', targetTax: 21 }, 'teamleader', [])).toBeNull();
    expect(vatChange({ country: 'NL', sourceRate: 9 }, 'teamleader', [])).toBeNull();
  });
});
