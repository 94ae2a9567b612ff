import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { WIZARD_STEPS, type WizardStep } from '../../wizard/wizard-steps';

/** The steps as a numbered list; finished steps can be revisited. */
export function WizardStepper({
  step,
  onGo,
  locked,
}: {
  step: WizardStep;
  onGo(step: WizardStep): void;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const current = WIZARD_STEPS.indexOf(step);
  return (
    <ol className="wz-stepper" aria-label={t('wizard.stepsLabel')}>
      {WIZARD_STEPS.map((name, index) => {
        const done = index < current;
        const label = (
          <>
            <span className="wz-step-dot" aria-hidden="true">
              {done ? <Check size={13} strokeWidth={3} /> : index + 1}
            </span>
            <span title={t(`wizard.steps.${name}`)}>{t(`wizard.steps.${name}`)}</span>
          </>
        );
        return (
          <li
            key={name}
            className={index === current ? 'current' : done ? 'done' : ''}
            aria-current={index === current ? 'step' : undefined}
          >
            {done && !locked ? (
              <button type="button" className="wz-step-link" onClick={() => onGo(name)}>
                {label}
              </button>
            ) : (
              <span className="wz-step-link">{label}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
