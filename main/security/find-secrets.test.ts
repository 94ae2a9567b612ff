import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolder, scanTexts } from './find-secrets';

describe('the secret scanner', () => {
  it('finds a secret as is and URL-encoded, in nested and binary files, and says where', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-scan-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'a', 'b', 'db.sqlite'),
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('xx s3cr=t/+ yy')]),
    );
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"url":"https://x/?secret=s3cr%3Dt%2F%2B"}');
    fs.writeFileSync(path.join(dir, 'clean.json'), '{"name":"Shop"}');
    const found = scanFolder(dir, { secret: 's3cr=t/+' });
    expect(found.map((f) => f.where.replace(/ @\d+$/, '')).sort()).toEqual([
      path.join('a', 'b', 'db.sqlite'),
      'settings.json',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds secrets in named texts and nothing where there is none', () => {
    expect(
      scanTexts({ 'log 1': 'token at_abc123 expired', 'log 2': 'fine' }, { access: 'at_abc123' }),
    ).toEqual([{ secret: 'access', where: 'log 1 @6' }]);
    expect(scanFolder('/nonexistent/koppel', { a: 'b' })).toEqual([]);
  });
});
