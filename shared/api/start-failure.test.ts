import { describe, expect, it } from 'vitest';
import { apiMessage } from './api-messages';
import { KoppelError } from './errors';
import { startFailure, startLanguage } from './start-failure';

describe('start failure', () => {
  it('takes Dutch from any Dutch system locale and English otherwise', () => {
    expect(startLanguage('nl')).toBe('nl');
    expect(startLanguage('nl-BE')).toBe('nl');
    expect(startLanguage('NL_nl.UTF-8')).toBe('nl');
    expect(startLanguage('fr-BE')).toBe('en');
    expect(startLanguage('')).toBe('en');
  });

  it("words Koppel's own failure in that language and keeps another error's message", () => {
    const unreadable = new KoppelError(
      'invalid_input',
      apiMessage('settingsNoMigration', { version: 0, file: '/data/settings.json' }),
    );
    expect(startFailure(unreadable, 'nl')).toEqual({
      title: 'Koppel kon niet starten',
      message: 'Geen migratie van de instellingen vanaf schema 0. (bestand: /data/settings.json)',
    });
    expect(startFailure(unreadable, 'en')).toEqual({
      title: 'Koppel could not start',
      message: 'No settings migration from schema 0. (file: /data/settings.json)',
    });
    expect(startFailure(new Error('EACCES: permission denied'), 'nl').message).toBe(
      'EACCES: permission denied',
    );
  });
});
