import { ArrowLeft, ArrowRight } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import { allProblems } from '../../wizard/answers';
import { selectedTemplateIds } from '../../wizard/flow-families';
import { canAdvance, nextStep, previousStep, WIZARD_STEPS, type StepFacts } from '../../wizard/wizard-steps';
import '../connections/connections.css';
import { ConnectStep } from './ConnectStep';
import { DryRunStep } from './DryRunStep';
import { EnableStep } from './EnableStep';
import { FlowsStep } from './FlowsStep';
import { SettingsStep } from './SettingsStep';
import { SystemsStep } from './SystemsStep';
import './wizard.css';
import { WizardStepper } from './WizardStepper';

/** The facts the Next button depends on, read from the wizard's state. */
function useStepFacts(): StepFacts {
  const state = useWizardStore();
  const tests = [state.tests.teamleader, state.tests.mplus];
  const built = state.built ?? [];
  const runnable = built.filter((b) => !b.problems.some((p) => p.severity === 'error'));
  return {
    connected: tests.every((test) => typeof test === 'object' && 'ok' in test && test.ok),
    flowsChosen: selectedTemplateIds(state.selection).length,
    planned: state.plans !== null,
    answerProblems: state.plans ? allProblems(state.plans, state.answers).length : 0,
    dryRunDone:
      state.built !== null &&
      runnable.every((b) => {
        const run = state.dryRuns[b.templateId];
        return run !== undefined && (run.state === 'done' || run.state === 'error');
      }),
    buildErrors: built.length - runnable.length,
  };
}

/**
 * `#/wizard`: from nothing to running flows. Systems → connect → flows → settings → dry run →
 * turn on (and a first real run). Shown on first start and from "New integration" on the Flows screen.
 */
export function WizardScreen() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const step = useWizardStore((state) => state.step);
  const started = useWizardStore((state) => state.templateIds !== null && state.created === null);
  const created = useWizardStore((state) => state.created !== null);
  const go = useWizardStore((state) => state.go);
  const start = useWizardStore((state) => state.start);
  const sandboxOn = useSettingsStore((state) => state.settings?.sandbox.enabled ?? true);
  const update = useSettingsStore((state) => state.update);
  const facts = useStepFacts();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // An unfinished setup is picked up where it was left; a finished one starts afresh.
    if (!started) void start(sandboxOn);
    // Only on arrival: later changes of the sandbox setting must not reset a setup in progress.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's title.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step]);

  const verdict = canAdvance(step, facts);
  const next = nextStep(step);
  const previous = previousStep(step);
  const index = WIZARD_STEPS.indexOf(step);
  const skip = async () => {
    await update({ onboarded: true });
    navigate('/flows');
  };

  return (
    <div className="screen wz" data-testid="screen-wizard">
      <PageHeader
        title={t('wizard.title')}
        subtitle={t('wizard.subtitle')}
        actions={
          !created && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void skip()}
              data-testid="wizard-skip"
            >
              {t('wizard.skip')}
            </button>
          )
        }
      />
      <WizardStepper step={step} onGo={go} locked={created} />
      <section className="wz-step" aria-labelledby="wz-step-title" data-testid={`wizard-step-${step}`}>
        <h2 id="wz-step-title" ref={heading} tabIndex={-1}>
          {t('wizard.stepTitle', {
            number: index + 1,
            total: WIZARD_STEPS.length,
            title: t(`wizard.titles.${step}`),
          })}
        </h2>
        {step === 'systems' && <SystemsStep />}
        {step === 'connect' && <ConnectStep />}
        {step === 'flows' && <FlowsStep />}
        {step === 'settings' && <SettingsStep />}
        {step === 'dryRun' && <DryRunStep onBackToSettings={() => go('settings')} />}
        {step === 'enable' && <EnableStep />}
      </section>
      {!created && (
        <footer className="wz-footer">
          {previous && (
            <button type="button" className="button button-secondary wz-back" onClick={() => go(previous)}>
              <ArrowLeft size={15} aria-hidden="true" />
              {t('wizard.back')}
            </button>
          )}
          {next && (
            <>
              {!verdict.ok && (
                <span className="wz-muted" id="wz-blocked" role="status">
                  {t(`wizard.blocked.${verdict.reason}`)}
                </span>
              )}
              <button
                type="button"
                className="button button-primary"
                onClick={() => go(next)}
                disabled={!verdict.ok}
                aria-describedby={verdict.ok ? undefined : 'wz-blocked'}
                data-testid="wizard-next"
              >
                {t(`wizard.next.${next}`)}
                <ArrowRight size={15} aria-hidden="true" />
              </button>
            </>
          )}
        </footer>
      )}
    </div>
  );
}
