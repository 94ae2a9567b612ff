import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

/**
 * Monaco from the bundle (never a CDN: without `loader.config({ monaco })` @monaco-editor/react
 * fetches another version from jsdelivr), its workers from `?worker` files (allowed by the CSP's
 * `worker-src 'self'`), and the JavaScript service set up for code-node bodies: a bare `return`
 * at the top level is how the body ends, so that diagnostic (TS1108) is switched off.
 */
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
};

const js = monaco.typescript.javascriptDefaults;
js.setCompilerOptions({
  allowJs: true,
  checkJs: true,
  allowNonTsExtensions: true,
  target: monaco.typescript.ScriptTarget.ES2020,
  lib: ['es2020'],
});
js.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: [1108],
});

loader.config({ monaco });

/** Declares `record` for autocompletion (replacing the previous node's declaration). */
export function setRecordTypes(declaration: string): void {
  js.setExtraLibs([{ content: declaration, filePath: 'file:///koppel/record.d.ts' }]);
}

export { monaco };
