import { nanoid } from 'nanoid';
import { KoppelError } from '../../shared/api/errors';
import { watchDocumentFile } from '../store/document-watch';
import { isEmptyDocument } from '../store/json-document';
import {
  migrateSettings,
  SettingsMigrationError,
  settingsProblemText,
} from '../../shared/settings/migrations';
import {
  applySettingsPatch,
  SETTINGS_SCHEMA_VERSION,
  Settings,
  type Language,
  type SettingsPatch,
} from '../../shared/settings/settings';

/**
 * Where the settings document lives: electron-store on the desktop, conf under Node. Both are the
 * same library underneath (atomic JSON file in the data folder); only `store` is used.
 */
export interface SettingsBackend {
  readonly path: string;
  read(): unknown;
  write(value: Settings): void;
}

export interface SettingsStoreOptions {
  /**
   * The language of the system (the desktop's, or the locale of the process's environment): a
   * data folder without settings starts in it, so Koppel opens in Dutch on a Dutch PC. A stored
   * document keeps its own.
   */
  systemLanguage?: Language;
}

/** Settings with one zod schema and migrations, whatever the backend. */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly backend: SettingsBackend,
    options: SettingsStoreOptions = {},
  ) {
    const stored = backend.read();
    this.current = isEmptyDocument(stored)
      ? Settings.parse({
          schemaVersion: SETTINGS_SCHEMA_VERSION,
          ...(options.systemLanguage ? { language: options.systemLanguage } : {}),
        })
      : this.readFile(stored);
    backend.write(this.current);
  }

  get(): Settings {
    return this.current;
  }

  /** The settings file. */
  get path(): string {
    return this.backend.path;
  }

  /**
   * Applies a patch to the file as it is now, field by field: another process (or another window's
   * change) may have written it since, and what the patch leaves out stays as that left it.
   */
  update(patch: SettingsPatch): Settings {
    return this.rewrite((fresh) => applySettingsPatch(fresh, patch));
  }

  /**
   * Changes the connection list (the connection registry's field, which `settings.update` cannot
   * touch). Reads the file again first: another process (`koppel sandbox`) may have registered a
   * connection since this one started.
   */
  updateConnections(change: (connections: Settings['connections']) => Settings['connections']): Settings {
    return this.rewrite((fresh) => ({ ...fresh, connections: change(fresh.connections) }));
  }

  /**
   * The data folder's id, made and kept the first time it is asked for. Once known it never
   * changes, so it is not read again. Made, the file is read again first: another process on the
   * same folder may have made it already, and both must agree.
   */
  folderId(): string {
    if (this.current.folderId) return this.current.folderId;
    const made = this.rewrite((fresh) => (fresh.folderId ? fresh : { ...fresh, folderId: nanoid(16) }));
    if (!made.folderId) throw new Error('The settings did not keep the data folder id.');
    return made.folderId;
  }

  /** Replaces the e-mail alert settings (the alerts service checks them first). */
  updateEmailAlerts(emailAlerts: Settings['emailAlerts']): Settings {
    return this.rewrite((fresh) => ({ ...fresh, emailAlerts }));
  }

  /** Writes `change` of the file as it is now (checked), and tells the listeners. */
  private rewrite(change: (fresh: Settings) => Settings): Settings {
    const stored = this.backend.read();
    // A file deleted or emptied while this process runs: what it holds is written again, not
    // defaults over the user's connections.
    const next = Settings.parse(change(isEmptyDocument(stored) ? this.current : this.readFile(stored)));
    this.backend.write(next);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /**
   * The file as it is now (or as just read), migrated; what is wrong with it when it cannot be
   * read, naming the file.
   */
  private readFile(stored: unknown = this.backend.read()): Settings {
    try {
      return migrateSettings(stored);
    } catch (error) {
      if (error instanceof SettingsMigrationError)
        throw new KoppelError('invalid_input', settingsProblemText(error.problem, this.backend.path));
      throw error;
    }
  }

  /**
   * Reads the file again whenever it is written (long-lived hosts): another process on the data
   * folder (`koppel connections add`, `koppel alerts`, `koppel sandbox`, another host) changed it,
   * and `get` would otherwise answer what this process last read until it changed something
   * itself. The listeners hear of a change. A file that does not read now (edited by hand) leaves
   * what was read in use, and `onProblem` hears why (the error), then `undefined` once the file
   * reads again. Returns the function that stops.
   */
  watch(options: { pollMs?: number; onProblem?: (problem: unknown) => void } = {}): () => void {
    let broken = false;
    return watchDocumentFile(
      this.backend.path,
      () => {
        const problem = this.readAgain();
        // Told when it breaks, each time it changes while broken (another wrong edit), and when mended.
        if (problem !== undefined || broken) options.onProblem?.(problem);
        broken = problem !== undefined;
      },
      options.pollMs,
    );
  }

  /** Takes the file as it is now if it reads; else what is wrong with it. */
  private readAgain(): unknown {
    let fresh: Settings;
    try {
      const stored = this.backend.read();
      if (isEmptyDocument(stored)) {
        // Deleted or emptied (to start afresh, one quits Koppel first): written again from what
        // this process holds, before another process starts on it and writes defaults.
        this.backend.write(this.current);
        return undefined;
      }
      fresh = this.readFile(stored);
    } catch (error) {
      return error;
    }
    // This process's own writes come back here too: they are what it holds already.
    if (JSON.stringify(fresh) === JSON.stringify(this.current)) return undefined;
    this.current = fresh;
    for (const listener of this.listeners) listener(fresh);
    return undefined;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
