import { useTranslation } from 'react-i18next';
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
  // Once per system, or per list where the system gave its other lists.
  const failed = new Map<string, Failed>();
  for (const list of lists) {
    const choices = choicesFor(list, setting);
    if (choices?.state !== 'failed') continue;
    const key = `${choices.system}:${choices.list ?? ''}`;
    if (!failed.has(key)) failed.set(key, choices);
  }
  if (failed.size === 0) return null;
  return (
    <>
      {[...failed.entries()].map(([key, { system, reason, list }]) => {
        const name = t(`wizard.question.system.${system}`);
        const words = { system: name, reason: failureText(reason).replace(/\.$/, '') };
        return (
          <div
            key={key}
            className="callout ed-choices-trouble"
            role="status"
            data-testid={`choices-trouble-${system}`}
          >
            <p>
              {list
                ? t('editor.form.choicesTroubleList', { ...words, list: t(`connections.lists.${list}`) })
                : t('editor.form.choicesTrouble', words)}
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
