import { describe, expect, it } from 'vitest';
import type { TargetWrite } from '../../../engine/executor';
import { perWrite } from './per-write';

// Only the object's identity matters to perWrite.
const aWrite = (): TargetWrite => ({ reference: 'r' }) as unknown as TargetWrite;

describe('perWrite', () => {
  it('builds once per write object: send gets what prepare built', async () => {
    let builds = 0;
    const body = perWrite(async (write) => ({ build: ++builds, reference: write.reference }));
    const first = aWrite();
    const prepared = await body(first);
    expect(await body(first)).toBe(prepared);
    expect(builds).toBe(1);
    // Another record's write is built for itself.
    expect(await body(aWrite())).toEqual({ build: 2, reference: 'r' });
  });

  it('builds again after a failed build', async () => {
    let calls = 0;
    const body = perWrite(async () => {
      calls += 1;
      if (calls === 1) throw new Error('departments could not be read');
      return calls;
    });
    const write = aWrite();
    await expect(body(write)).rejects.toThrow('departments could not be read');
    expect(await body(write)).toBe(2);
    expect(await body(write)).toBe(2);
  });
});
