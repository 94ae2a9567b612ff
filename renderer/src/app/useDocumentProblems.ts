import { useEffect, useState } from 'react';
import type { DocumentProblem } from '../../../shared/api/calls/app';
import { api, apiClient } from '../api/api';

/** The data folder documents that do not read now, kept current as they break and are mended. */
export function useDocumentProblems(): DocumentProblem[] {
  const [problems, setProblems] = useState<DocumentProblem[]>([]);
  useEffect(() => {
    let live = true;
    // Once an event has told, the first call's answer may be older than it.
    let told = false;
    const off = apiClient().on('app.documentProblems', (next) => {
      told = true;
      setProblems(next.problems);
    });
    api()
      .app.documentProblems({})
      .then((next) => {
        if (live && !told) setProblems(next.problems);
      })
      // A host that cannot answer has its own banner.
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, []);
  return problems;
}
