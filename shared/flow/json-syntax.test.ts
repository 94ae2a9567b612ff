import { describe, expect, it } from 'vitest';
import { jsonSyntaxDetail } from './json-syntax';

const complaint = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxDetail(error, text);
  }
  throw new Error('parsed');
};

describe('jsonSyntaxDetail', () => {
  it('says on which line and column the parser stopped', () => {
    expect(complaint('{\n  "a": 1,\n  nope\n}')).toMatch(/\(line 3 column 3\)$/);
    expect(complaint('{ "a": 1 }}')).toMatch(/\(line 1 column 11\)$/);
  });

  it('points at the end of a file cut short', () => {
    expect(complaint('{\n  "nodes": [')).toBe('Unexpected end of JSON input (line 2 column 13)');
  });

  it("keeps a runtime's own line and column, and words it cannot place", () => {
    const own = 'Unexpected token } in JSON at position 4 (line 1 column 5)';
    expect(jsonSyntaxDetail(new SyntaxError(own), '{ "a" }')).toBe(own);
    expect(jsonSyntaxDetail(new SyntaxError('Bad control character'), '{}')).toBe('Bad control character');
  });
});
