import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypesPath, generateTeamleaderTypes } from './generate-teamleader-types';

describe('generate-teamleader-types', () => {
  it('matches the committed generated types (run npm run gen:teamleader after changing the spec)', async () => {
    const output = await generateTeamleaderTypes();
    expect(output.length).toBeGreaterThan(100_000);
    expect(output === fs.readFileSync(generatedTypesPath, 'utf8')).toBe(true);
  });
});
