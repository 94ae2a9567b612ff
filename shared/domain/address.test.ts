import { describe, expect, it } from 'vitest';
import { countryCode, joinStreetLine, splitStreetLine } from './address';

describe('street lines', () => {
  it('splits the house number (with additions) from the street', () => {
    expect(splitStreetLine('Prinsengracht 117')).toEqual({ street: 'Prinsengracht', number: '117' });
    expect(splitStreetLine('Dok Noord 3A bus 2')).toEqual({ street: 'Dok Noord', number: '3A bus 2' });
    expect(splitStreetLine('1e Helmersstraat 5')).toEqual({ street: '1e Helmersstraat', number: '5' });
    expect(splitStreetLine('Grote Markt')).toEqual({ street: 'Grote Markt' });
    expect(splitStreetLine('  ')).toEqual({});
  });

  it('joins them back', () => {
    expect(joinStreetLine({ street: 'Meir', number: '12' })).toBe('Meir 12');
    expect(joinStreetLine({})).toBeUndefined();
  });

  it('keeps two-letter country codes only', () => {
    expect(countryCode(' be ')).toBe('BE');
    expect(countryCode('NLD')).toBeUndefined();
  });
});
