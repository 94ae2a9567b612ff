import { FlaskConical, Store, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import type { SystemMode } from '../../wizard/wizard-steps';

/** Step 1: the two systems, each on the sandbox or on the user's own account. */
export function SystemsStep() {
  const { t } = useTranslation();
  const modes = useWizardStore((state) => state.modes);
  const setMode = useWizardStore((state) => state.setMode);
  const sandboxOn = useSettingsStore((state) => state.settings?.sandbox.enabled ?? true);
  const systems = [
    { id: 'teamleader', icon: Users },
    { id: 'mplus', icon: Store },
  ] as const;
  return (
    <div className="wz-body">
      <p className="wz-lead">{t('wizard.systems.lead')}</p>
      <div className="wz-cards">
        {systems.map(({ id, icon: Icon }) => (
          <fieldset key={id} className="wz-card" data-testid={`wizard-system-${id}`}>
            <legend>
              <Icon size={18} aria-hidden="true" />
              {t(`connections.${id}`)}
            </legend>
            <p className="wz-muted">{t(`wizard.systems.${id}Body`)}</p>
            {(['sandbox', 'live'] as SystemMode[]).map((mode) => (
              <label key={mode} className="wz-choice">
                <input
                  type="radio"
                  name={`wizard-mode-${id}`}
                  value={mode}
                  checked={modes[id] === mode}
                  disabled={mode === 'sandbox' && !sandboxOn}
                  onChange={() => setMode(id, mode)}
                />
                <span>
                  <strong>{t(`wizard.systems.${mode}`)}</strong>
                  <span className="wz-muted">
                    {mode === 'sandbox' && !sandboxOn
                      ? t('wizard.systems.sandboxOff')
                      : t(`wizard.systems.${mode}Hint`, { system: t(`connections.${id}`) })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <p className="wz-note">
        <FlaskConical size={16} aria-hidden="true" />
        {t('wizard.systems.note')}
      </p>
    </div>
  );
}
