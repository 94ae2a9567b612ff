import { AlertTriangle, CircleX } from 'lucide-react';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { useLanguage } from '../../i18n/useLanguage';
import { problemTextIn } from './problem-text';

/** Every problem of the flow; choosing one selects (and shows) its node. */
export function ProblemsPanel({ onReveal }: { onReveal(nodeId: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A big flow can have hundreds of problems: the list may follow the canvas by a frame.
  const current = useFlowEditorStore((state) => state.problems);
  const problems = useDeferredValue(current);
  if (problems.length === 0) {
    return (
      <p className="ed-ok-text ed-pad" data-testid="problems-none">
        {t('editor.problems.none')}
      </p>
    );
  }
  return (
    <ul className="ed-problems" data-testid="problems-list">
      {problems.map((problem, index) => (
        <li key={`${problem.code}:${problem.nodeId ?? ''}:${problem.edgeId ?? ''}:${index}`}>
          <button
            type="button"
            className={`ed-problem ed-problem-${problem.severity}`}
            disabled={!problem.nodeId}
            onClick={() => problem.nodeId && onReveal(problem.nodeId)}
            data-testid="problem"
            data-code={problem.code}
          >
            {problem.severity === 'error' ? (
              <CircleX size={14} aria-hidden="true" />
            ) : (
              <AlertTriangle size={14} aria-hidden="true" />
            )}
            <span className="ed-sr-only">{t(`editor.problems.${problem.severity}`)}</span>
            <span>{problemTextIn(problem, language)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
