import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useResolvedTheme } from '../ui/useResolvedTheme';
import { monaco, setRecordTypes } from './monaco-setup';

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** The `record` declaration (from the upstream schema). */
  declaration: string;
  /** An error to mark: 1-based line and column in the code. */
  marker: { line: number; column?: number; message: string } | null;
  label: string;
  /** Stable id of what is edited (the node id), so each node keeps its own model and undo. */
  path: string;
}

/** Monaco for a code-node body: JavaScript with `record` typed from the node's input. */
export default function MonacoCodeEditor({
  value,
  onChange,
  declaration,
  marker,
  label,
  path,
}: CodeEditorProps) {
  const theme = useResolvedTheme();
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);

  useEffect(() => setRecordTypes(declaration), [declaration]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'koppel-test',
      marker
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: marker.message,
              startLineNumber: marker.line,
              startColumn: marker.column ?? 1,
              endLineNumber: marker.line,
              endColumn: marker.column
                ? marker.column + 1
                : model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
            },
          ]
        : [],
    );
  }, [marker, value]);

  return (
    // "nokey": the canvas takes Space (pan) and Backspace (delete the node) from anything it does
    // not see as a text field, and Monaco types into an EditContext element, not a textarea.
    <div className="ed-code nokey" data-testid="code-editor">
      <Editor
        height="260px"
        language="javascript"
        path={`file:///koppel/${path}.js`}
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(next) => onChange(next ?? '')}
        onMount={(editor) => {
          editorRef.current = editor;
        }}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          lineNumbers: 'on',
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          ariaLabel: label,
          fixedOverflowWidgets: true,
          wordWrap: 'on',
        }}
      />
    </div>
  );
}
