import { ChevronDown, ChevronUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFlowEditorStore } from '../stores/flow-editor-store';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { RunLogSlot } from './RunLogSlot';
import { DryRunPanel } from './try/DryRunPanel';

export type BottomTab = 'problems' | 'dryRun' | 'runLog';

/** Below the canvas: the flow's problems, the last dry run, and the run log (issue 8's live log). */
export function BottomPanel({
  tab,
  open,
  flowId,
  onTab,
  onToggle,
  onReveal,
}: {
  tab: BottomTab;
  open: boolean;
  flowId: string;
  onTab(tab: BottomTab): void;
  onToggle(): void;
  onReveal(nodeId: string): void;
}) {
  const { t } = useTranslation();
  const errors = useFlowEditorStore(
    (state) => state.problems.filter((problem) => problem.severity === 'error').length,
  );
  const warnings = useFlowEditorStore((state) => state.problems.length) - errors;
  const tabs: { id: BottomTab; label: string }[] = [
    { id: 'problems', label: t('editor.bottom.problems', { errors, warnings }) },
    { id: 'dryRun', label: t('editor.bottom.dryRun') },
    { id: 'runLog', label: t('editor.bottom.runLog') },
  ];
  return (
    <section className={`ed-bottom${open ? ' open' : ''}`} aria-label={t('editor.bottom.label')}>
      <div className="ed-tabs ed-bottom-tabs" role="tablist">
        {tabs.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`bottom-tab-${entry.id}`}
            aria-selected={open && tab === entry.id}
            aria-controls="bottom-panel"
            className={open && tab === entry.id ? 'ed-tab active' : 'ed-tab'}
            onClick={() => onTab(entry.id)}
            data-testid={`bottom-tab-${entry.id}`}
          >
            {entry.label}
            {entry.id === 'problems' && errors > 0 && (
              <span className="ed-chip ed-chip-danger">{errors}</span>
            )}
          </button>
        ))}
        <button
          type="button"
          className="ed-icon-button ed-bottom-toggle"
          onClick={onToggle}
          aria-label={open ? t('editor.bottom.hide') : t('editor.bottom.show')}
          aria-expanded={open}
        >
          {open ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronUp size={16} aria-hidden="true" />}
        </button>
      </div>
      {open && (
        <div
          className="ed-bottom-body"
          id="bottom-panel"
          role="tabpanel"
          aria-labelledby={`bottom-tab-${tab}`}
        >
          {tab === 'problems' && <ProblemsPanel onReveal={onReveal} />}
          {tab === 'dryRun' && <DryRunPanel />}
          {tab === 'runLog' && <RunLogSlot flowId={flowId} />}
        </div>
      )}
    </section>
  );
}
