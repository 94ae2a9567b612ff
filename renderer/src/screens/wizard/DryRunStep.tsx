import { Loader2 } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import { useWizardStore } from '../../stores/wizard-store';
import { DRY_RUN_LIMIT } from '../../wizard/run-flows';
import { RunOutcomeView } from './RunOutcomeView';
import { RunProgressLine } from './RunProgressLine';
import { problemIn } from '../../../../shared/flow/flow-problem';
import { useLanguage } from '../../i18n/useLanguage';

/** Step 5: every chosen flow run without writing anything, and what it would create. */
export function DryRunStep({ onBackToSettings }: { onBackToSettings(): void }) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const language = useLanguage();
  const built = useWizardStore((state) => state.built);
  const buildError = useWizardStore((state) => state.buildError);
  const dryRuns = useWizardStore((state) => state.dryRuns);
  const runDry = useWizardStore((state) => state.runDry);
  useEffect(() => {
    if (!useWizardStore.getState().built) void runDry();
  }, [runDry]);

  if (buildError) {
    return (
      <div className="form-error" role="alert">
        <p>{failureWords(buildError)}</p>
        <button type="button" className="button button-secondary" onClick={onBackToSettings}>
          {t('wizard.dryRun.backToSettings')}
        </button>
      </div>
    );
  }
  if (!built) {
    return (
      <p className="wz-status" role="status">
        <Loader2 size={16} className="cn-spin" aria-hidden="true" />
        {t('wizard.dryRun.building')}
      </p>
    );
  }
  const anyFailed = Object.values(dryRuns).some((run) => run.state === 'done' && run.outcome.failed > 0);
  return (
    <div className="wz-body">
      <p className="wz-lead">{t('wizard.dryRun.lead', { limit: DRY_RUN_LIMIT })}</p>
      {built.map(({ templateId, flow, problems }) => {
        const errors = problems.filter((problem) => problem.severity === 'error');
        const run = dryRuns[templateId];
        return (
          <section
            key={templateId}
            className="wz-card"
            aria-label={flow.name}
            data-testid={`wizard-dry-run-${templateId}`}
          >
            <h3>{flow.name}</h3>
            {errors.length > 0 ? (
              <div className="form-error" role="alert">
                <p>{t('wizard.dryRun.invalid')}</p>
                <ul>
                  {errors.map((problem, index) => (
                    <li key={index}>{problemIn(problem, language)}</li>
                  ))}
                </ul>
                <button type="button" className="button button-secondary" onClick={onBackToSettings}>
                  {t('wizard.dryRun.backToSettings')}
                </button>
              </div>
            ) : !run || run.state === 'running' || run.state === 'queued' ? (
              <RunProgressLine
                runId={run?.state === 'running' ? run.runId : undefined}
                label={t('wizard.dryRun.running')}
                testId={`dry-run-progress-${templateId}`}
              />
            ) : run.state === 'error' ? (
              <p className="form-error" role="alert">
                {failureWords(run.failure)}
              </p>
            ) : (
              <RunOutcomeView outcome={run.outcome} testId={`dry-run-outcome-${templateId}`} />
            )}
          </section>
        );
      })}
      {anyFailed && <p className="wz-muted">{t('wizard.dryRun.someFail')}</p>}
    </div>
  );
}
