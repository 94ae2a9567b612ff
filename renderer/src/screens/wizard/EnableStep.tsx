import { CheckCircle2, Clock, Loader2, Power } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFailureText } from '../../api/failure-text';
import { useAppInfo } from '../../app/useAppInfo';
import type { Schedule } from '../../../../shared/flow/flow-document';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import { succeeded } from '../../wizard/run-outcome';
import { scheduleKeeper } from '../../wizard/schedule-keeper';
import { presetOf } from '../../wizard/schedule-presets';
import { RunOutcomeView } from './RunOutcomeView';
import { RunProgressLine } from './RunProgressLine';

function useScheduleText() {
  const { t } = useTranslation();
  return (schedule: Schedule) => {
    const preset = presetOf(schedule);
    if (preset !== 'template') return t(`wizard.question.schedule.${preset}`);
    return schedule.kind === 'interval'
      ? t('wizard.question.schedule.everyMinutes', { count: schedule.everyMinutes })
      : schedule.kind === 'cron'
        ? t('wizard.question.schedule.cron', { cron: schedule.cron })
        : t('wizard.question.schedule.manual');
  };
}

/** Step 6: the flows saved and turned on, and their first real run. */
export function EnableStep() {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const built = useWizardStore((state) => state.built);
  const created = useWizardStore((state) => state.created);
  const createError = useWizardStore((state) => state.createError);
  const firstRuns = useWizardStore((state) => state.firstRuns);
  const startedAt = useWizardStore((state) => state.startedAt);
  const enable = useWizardStore((state) => state.enable);
  const scheduleText = useScheduleText();
  const host = useAppInfo()?.host;
  const keepRunning = useSettingsStore((state) => state.settings?.desktop.keepRunning ?? true);
  const keeper = scheduleKeeper(host, keepRunning);
  const [busy, setBusy] = useState(false);
  const [finishedAt, setFinishedAt] = useState<number | null>(null);
  if (!built) return null;

  const start = async () => {
    setBusy(true);
    await enable();
    setBusy(false);
    setFinishedAt(Date.now());
  };
  const runs = Object.values(firstRuns);
  const allGood = runs.length > 0 && runs.every((run) => run.state === 'done' && succeeded(run.outcome));

  if (!created) {
    return (
      <div className="wz-body">
        <p className="wz-lead">{t('wizard.enable.lead')}</p>
        <ul className="wz-summary">
          {built.map(({ templateId, flow }) => (
            <li key={templateId}>
              <strong>{flow.name}</strong> — {scheduleText(flow.schedule)}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button-primary wz-big"
          onClick={() => void start()}
          disabled={busy}
          data-testid="wizard-enable"
        >
          {busy ? (
            <Loader2 size={16} className="cn-spin" aria-hidden="true" />
          ) : (
            <Power size={16} aria-hidden="true" />
          )}
          {t('wizard.enable.button')}
        </button>
        {createError && (
          <p className="form-error" role="alert">
            {failureWords(createError)}
          </p>
        )}
      </div>
    );
  }

  const elapsedMs = (finishedAt ?? Date.now()) - startedAt;
  return (
    <div className="wz-body">
      {created.map(({ templateId, flow }) => {
        const run = firstRuns[templateId];
        return (
          <section
            key={templateId}
            className="wz-card"
            aria-label={flow.name}
            data-testid={`wizard-first-run-${templateId}`}
          >
            <h3>{flow.name}</h3>
            {!run || run.state === 'queued' ? (
              <p className="wz-status wz-muted" role="status">
                <Clock size={16} aria-hidden="true" />
                {t('wizard.enable.queued')}
              </p>
            ) : run.state === 'running' ? (
              <RunProgressLine
                runId={run.runId}
                label={t('wizard.enable.running')}
                testId="first-run-progress"
              />
            ) : run.state === 'error' ? (
              <p className="form-error" role="alert">
                {failureWords(run.failure)}
              </p>
            ) : (
              <>
                <p
                  className={succeeded(run.outcome) ? 'cn-ok wz-status' : 'wz-warning'}
                  role="status"
                  data-testid={`first-run-status-${templateId}`}
                >
                  {succeeded(run.outcome) ? <CheckCircle2 size={16} aria-hidden="true" /> : null}
                  {succeeded(run.outcome) ? t('wizard.enable.succeeded') : t('wizard.enable.withFailures')}
                </p>
                <RunOutcomeView outcome={run.outcome} testId={`first-run-outcome-${templateId}`} />
                <Link href={`/runs/${run.outcome.runId}`} className="button button-secondary">
                  {t('wizard.enable.openRun')}
                </Link>
              </>
            )}
          </section>
        );
      })}
      {finishedAt !== null && (
        <div
          className={allGood ? 'wz-done' : 'wz-done wz-done-partial'}
          role="status"
          data-testid="wizard-done"
          data-elapsed-ms={elapsedMs}
        >
          <p>
            {allGood ? t('wizard.enable.done') : t('wizard.enable.donePartial')}{' '}
            {t('wizard.enable.elapsed', {
              minutes: Math.floor(elapsedMs / 60000),
              seconds: Math.floor((elapsedMs % 60000) / 1000),
            })}
          </p>
          {keeper && <p data-testid="wizard-schedule-keeper">{t(keeper)}</p>}
          <Link href="/flows" className="button button-primary">
            {t('wizard.enable.toFlows')}
          </Link>
        </div>
      )}
    </div>
  );
}
