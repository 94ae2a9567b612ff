import { describe, expect, it } from 'vitest';
import { apiMessage } from './api-messages';
import { KoppelError } from './errors';
import { startFailure } from './start-failure';

describe('start failure', () => {
  it("words Koppel's own failure in that language and keeps another error's message", () => {
    const unreadable = new KoppelError(
      'invalid_input',
      apiMessage('settingsNoMigration', { version: 0, file: '/data/settings.json' }),
    );
    expect(startFailure(unreadable, 'nl')).toEqual({
      title: 'Koppel kon niet starten',
      message: 'Geen migratie van de instellingen vanaf schema 0. (bestand: /data/settings.json)',
      retry: 'Opnieuw proberen',
    });
    expect(startFailure(unreadable, 'en')).toEqual({
      title: 'Koppel could not start',
      message: 'No settings migration from schema 0. (file: /data/settings.json)',
      retry: 'Try again',
    });
    expect(startFailure(new Error('EACCES: permission denied'), 'nl').message).toBe(
      'EACCES: permission denied',
    );
  });
});
