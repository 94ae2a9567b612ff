import path from 'node:path';
import Conf from 'conf';
import { isRecord } from '../../shared/flow/schema-walk';
import { keepPrevious, readJsonDocument } from './json-document';

/**
 * A JSON document in the data folder (`<dataDir>/<name>.json`): settings, flows. electron-store on
 * the desktop and conf under Node are the same library underneath (atomic writes, read from disk
 * on every access, so processes sharing the folder see each other's saves).
 */
export interface DocumentBackend {
  readonly path: string;
  read(): unknown;
  write(value: unknown): void;
}

/** Opens the document `name` in a data folder. */
export type DocumentBackendFactory = (dataDir: string, name: string) => DocumentBackend;

/** conf, for plain Node (web host, command line, tests). */
export const confDocumentBackend: DocumentBackendFactory = (dataDir, name) => {
  // conf reads the file when it opens it.
  const conf = readJsonDocument(
    path.join(dataDir, `${name}.json`),
    () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: name,
        projectName: 'koppel',
        // The zod schemas validate; conf's JSON-schema check would only duplicate them.
        clearInvalidConfig: false,
      }),
  );
  return {
    path: conf.path,
    read: () => readJsonDocument(conf.path, () => conf.store),
    write: (value) => {
      keepPrevious(conf.path);
      conf.store = isRecord(value) ? value : { value };
    },
  };
};
