import { useTranslation } from 'react-i18next';
import type { WizardSystem } from '../../../../shared/api/calls/wizard';
import type { ChoiceList } from '../../../../shared/nodes/ui-hints';
import { useFailureText } from '../../api/failure-text';
import { choicesFor, useFieldChoices, type FieldChoices } from './field-choices';

type Failed = Extract<FieldChoices, { state: 'failed' }>;

/**
 * Once above a node's settings: the systems whose lists its pickers could not read, with the
 * reason and one button to read them again. The pickers meanwhile are plain inputs and only say
 * "type the value", so a node with several of them (the till's employee and branch) says it once.
 */
export function ChoicesTrouble({ lists }: { lists: readonly ChoiceList[] }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { setting, reload } = useFieldChoices();
  const failed = new Map<WizardSystem, Failed>();
  for (const list of lists) {
    const choices = choicesFor(list, setting);
    if (choices?.state === 'failed' && !failed.has(choices.system)) failed.set(choices.system, choices);
  }
  if (failed.size === 0) return null;
  return (
    <>
      {[...failed.values()].map(({ system, reason }) => {
        const name = t(`wizard.question.system.${system}`);
        return (
          <div
            key={system}
            className="callout ed-choices-trouble"
            role="status"
            data-testid={`choices-trouble-${system}`}
          >
            <p>
              {t('editor.form.choicesTrouble', {
                system: name,
                reason: failureText(reason).replace(/\.$/, ''),
              })}
            </p>
            <button
              type="button"
              className="button button-secondary ed-small"
              // A network or sign-in trouble may be gone by now.
              onClick={() => reload(system)}
            >
              {t('editor.form.choicesRetry', { system: name })}
            </button>
          </div>
        );
      })}
    </>
  );
}
