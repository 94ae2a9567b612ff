import { ArrowRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useWizardStore } from '../../stores/wizard-store';
import { availableFamilies, chooseDirection, toggleFamily } from '../../wizard/flow-families';

/** Step 3: what to sync (sales orders, customers, …) and which way. */
export function FlowsStep() {
  const { t } = useTranslation();
  const templateIds = useWizardStore((state) => state.templateIds);
  const selection = useWizardStore((state) => state.selection);
  const setSelection = useWizardStore((state) => state.setSelection);
  const families = availableFamilies(templateIds ?? []);
  if (templateIds && families.length === 0) {
    return (
      <p className="form-error" role="alert">
        {t('wizard.flows.noTemplates')}
      </p>
    );
  }
  return (
    <div className="wz-body">
      <p className="wz-lead">{t('wizard.flows.lead')}</p>
      <ul className="wz-families">
        {families.map((family) => {
          const chosen = selection[family.id];
          const checkboxId = `wz-family-${family.id}`;
          return (
            <li
              key={family.id}
              className={chosen ? 'wz-family chosen' : 'wz-family'}
              data-testid={`wizard-family-${family.id}`}
            >
              <div className="wz-family-main">
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={chosen !== undefined}
                  onChange={(event) => setSelection(toggleFamily(selection, family, event.target.checked))}
                  aria-describedby={`${checkboxId}-body`}
                />
                <div>
                  <label htmlFor={checkboxId} className="wz-family-name">
                    {t(`wizard.families.${family.id}.name`)}
                  </label>
                  <p id={`${checkboxId}-body`} className="wz-muted">
                    {t(`wizard.families.${family.id}.body`)}
                  </p>
                </div>
              </div>
              {chosen !== undefined && (
                <fieldset className="wz-directions">
                  <legend className="wz-sr-only">
                    {t('wizard.flows.direction', { name: t(`wizard.families.${family.id}.name`) })}
                  </legend>
                  {family.directions.map((direction) => (
                    <label key={direction.templateId} className="wz-direction">
                      <input
                        type="radio"
                        name={`wz-direction-${family.id}`}
                        value={direction.templateId}
                        checked={chosen === direction.templateId}
                        onChange={() =>
                          setSelection(chooseDirection(selection, family, direction.templateId))
                        }
                        disabled={family.directions.length === 1}
                      />
                      <span>{t(`connections.${direction.from}`)}</span>
                      <ArrowRight size={14} aria-label={t('wizard.flows.to')} />
                      <span>{t(`connections.${direction.to}`)}</span>
                    </label>
                  ))}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      <p className="wz-muted">{t('wizard.flows.later')}</p>
    </div>
  );
}
