import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, type StoreOptions } from './store';

/** A store in a fresh temporary folder, for tests; `cleanup` closes and deletes it. */
export function temporaryStore(options?: StoreOptions): { store: Store; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koppel-store-'));
  const store = Store.openDataDir(dir, options);
  return {
    store,
    dir,
    cleanup: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
