import fs from 'node:fs';
import type { DocumentProblem } from '../../shared/api/calls/app';
import { KoppelError } from '../../shared/api/errors';
import type { Logger } from './logger';
import { previousVersionOf } from '../store/json-document';

type DocumentName = DocumentProblem['document'];

export interface DocumentProblemsOptions {
  logger: Logger;
  /** All problems, whenever one appears, changes or goes. */
  onChange: (problems: DocumentProblem[]) => void;
}

/**
 * The data folder documents that do not read now (settings.json, flows.json edited by hand while
 * Koppel runs), as the watches report them. Kept so a window opened later learns of them too, and
 * logged once each, so `koppel schedule` on a server says so in its log.
 */
export class DocumentProblems {
  private readonly problems = new Map<DocumentName, DocumentProblem>();

  constructor(private readonly options: DocumentProblemsOptions) {}

  /** What a watch heard: why `file` does not read, or `undefined` once it reads again. */
  report(document: DocumentName, file: string, problem: unknown): void {
    const before = this.problems.get(document);
    if (problem === undefined) {
      if (!before) return;
      this.problems.delete(document);
      this.options.logger.info(`${file} reads again`, { document });
    } else {
      const next = describe(document, file, problem);
      if (before?.message === next.message) return;
      this.problems.set(document, next);
      this.options.logger.warn(`${file} does not read: Koppel goes on with what it read last`, {
        document,
        problem: next.message,
      });
    }
    this.options.onChange(this.list());
  }

  list(): DocumentProblem[] {
    return [...this.problems.values()];
  }
}

function describe(document: DocumentName, file: string, problem: unknown): DocumentProblem {
  const backup = previousVersionOf(file);
  return {
    document,
    file,
    message: problem instanceof Error ? problem.message : String(problem),
    ...(problem instanceof KoppelError && problem.text ? { text: problem.text } : {}),
    ...(fs.existsSync(backup) ? { backup } : {}),
  };
}
