import fs from 'node:fs';
import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import { jsonSyntaxDetail } from '../../shared/flow/json-syntax';
import { isRecord } from '../../shared/flow/schema-walk';

/**
 * No document yet: no file (conf and electron-store read it as `{}`), or one emptied by hand.
 * What that means is the caller's: default settings, no flows.
 */
export function isEmptyDocument(stored: unknown): boolean {
  return stored === undefined || stored === null || (isRecord(stored) && Object.keys(stored).length === 0);
}

/** Where a document's previous version is kept (see {@link keepPrevious}). */
export const previousVersionOf = (file: string) => `${file}.bak`;

/**
 * Reads a JSON document of the data folder through its library (conf, electron-store; both also
 * read it when opened, so opening one goes through here too). A file that
 * is not JSON (most likely edited by hand) is named, with what to do, instead of the parser's bare
 * "Unexpected end of JSON input", which stopped the whole app from starting.
 */
export function readJsonDocument<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const backup = previousVersionOf(file);
    throw new KoppelError(
      'invalid_input',
      apiMessage('documentNotJson', {
        file,
        detail: jsonSyntaxDetail(error, readText(file)),
        ...(fs.existsSync(backup) ? { backup } : {}),
      }),
    );
  }
}

/** The file's text to place the parser's complaint in; none if it cannot be read again. */
function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Keeps the document as it is now beside it before it is replaced: callers write only what they
 * read successfully, so this is the last version Koppel could read, there to put back should a
 * hand edit break the file. A copy that fails never stops the save.
 */
export function keepPrevious(file: string): void {
  try {
    fs.copyFileSync(file, previousVersionOf(file));
  } catch {
    // No file yet (first save), or the folder refuses the copy: the save goes on.
  }
}
