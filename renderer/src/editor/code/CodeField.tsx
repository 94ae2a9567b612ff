import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeEditorProps } from './MonacoCodeEditor';

// Monaco is large: it loads only when a code node is opened.
const MonacoCodeEditor = lazy(() => import('./MonacoCodeEditor'));

export function CodeField(props: CodeEditorProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div className="ed-code ed-code-loading">{t('editor.code.loading')}</div>}>
      <MonacoCodeEditor {...props} />
    </Suspense>
  );
}
