import { describe, expect, it } from 'vitest';
import { StepError } from '../../../engine/errors';
import { articleNumberOf } from './sku';

describe('SKU → MplusKASSA article number', () => {
  it('takes digits as they are and removes the configured prefix', () => {
    expect(articleNumberOf('10043', '', 'Line 1')).toBe(10043);
    expect(articleNumberOf('SKU-00012', 'SKU-', 'Line 1')).toBe(12);
  });

  it('fails a non-numeric SKU, naming the SKU', () => {
    const error = (() => {
      try {
        return articleNumberOf('ABC-1', 'SKU-', 'Invoice "2025 / 4" line 2');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).message).toBe(
      'Invoice "2025 / 4" line 2: SKU "ABC-1" is not an MplusKASSA article number (digits only, after removing the prefix "SKU-").',
    );
    expect((error as StepError).value).toBe('ABC-1');
  });

  it('fails an empty SKU and article number 0', () => {
    expect(() => articleNumberOf(undefined, '', 'Line 3')).toThrow(
      'Line 3: has no SKU, so it has no MplusKASSA article number.',
    );
    expect(() => articleNumberOf('SKU-0', 'SKU-', 'Line 4')).toThrow(
      'SKU "SKU-0" is not an MplusKASSA article number',
    );
  });
});
