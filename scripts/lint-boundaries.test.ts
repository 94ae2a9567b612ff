import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The process boundaries are enforced by lint (eslint.config.mjs); these deliberate cross-imports
// must fail, and the allowed ones must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('renderer → main fails', async () => {
    const messages = await restrictedImports(
      "import { createApp } from '../../main/app/create-app';\nexport const x = createApp;\n",
      'renderer/src/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/renderer\/ must not import main\//);
  });

  it('renderer → electron fails', async () => {
    const messages = await restrictedImports(
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'renderer/src/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/only through the API client/);
  });

  it('shared → electron fails', async () => {
    const messages = await restrictedImports(
      "import { app } from 'electron';\nexport const x = app;\n",
      'shared/api/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/shared\/ imports only zod/);
  });

  it('shared → a Node built-in fails', async () => {
    const messages = await restrictedImports(
      "import fs from 'node:fs';\nexport const x = fs;\n",
      'shared/api/boundary-fixture.ts',
    );
    expect(messages).toHaveLength(1);
  });

  it('main → renderer fails', async () => {
    const messages = await restrictedImports(
      "import { App } from '../../renderer/src/app/App';\nexport const x = App;\n",
      'main/services/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/main\/ must not import renderer\//);
  });

  it('main (outside the Electron host) → electron fails', async () => {
    const messages = await restrictedImports(
      "import { app } from 'electron';\nexport const x = app;\n",
      'main/engine/boundary-fixture.ts',
    );
    expect(messages.join('\n')).toMatch(/Only main\/hosts\/electron/);
  });

  it('allowed imports pass', async () => {
    expect(
      await restrictedImports(
        "import { z } from 'zod';\nexport const x = z;\n",
        'shared/api/boundary-fixture.ts',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "import { app } from 'electron';\nexport const x = app;\n",
        'main/hosts/electron/boundary-fixture.ts',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "import { apiCalls } from '../../../shared/api/contract';\nexport const x = apiCalls;\n",
        'renderer/src/api/boundary-fixture.ts',
      ),
    ).toEqual([]);
  });
});
