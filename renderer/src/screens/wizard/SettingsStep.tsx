import { AlertTriangle, ArrowRight, Loader2, RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import type { SystemList } from '../../../../shared/api/calls/wizard';
import { useWizardStore } from '../../stores/wizard-store';
import { answerOf } from '../../wizard/answers';
import { QuestionField } from './questions/QuestionField';

/** Step 4: what each chosen flow needs, prefilled, with choices read from both systems. */
export function SettingsStep() {
  const { t, i18n } = useTranslation();
  const failureWords = useFailureText();
  const plans = useWizardStore((state) => state.plans);
  const planError = useWizardStore((state) => state.planError);
  const choices = useWizardStore((state) => state.choices);
  const answers = useWizardStore((state) => state.answers);
  const prepare = useWizardStore((state) => state.prepare);
  const setAnswer = useWizardStore((state) => state.setAnswer);
  useEffect(() => {
    if (!useWizardStore.getState().plans) void prepare();
  }, [prepare]);

  if (planError) {
    return (
      <div className="form-error" role="alert">
        <p>{failureWords(planError)}</p>
        <button type="button" className="button button-secondary" onClick={() => void prepare()}>
          {t('wizard.connect.retry')}
        </button>
      </div>
    );
  }
  if (!plans) {
    return (
      <p className="wz-status" role="status">
        <Loader2 size={16} className="cn-spin" aria-hidden="true" />
        {t('wizard.settings.loading')}
      </p>
    );
  }
  const unreadable = choices
    ? (['teamleader', 'mplus'] as const).flatMap((system) => {
        const side = choices[system];
        return side.ok ? [] : [{ system, message: side.message }];
      })
    : [];
  // Lists a system would not give while it gave the others, those with the same reason together.
  const unreadLists = choices
    ? (['teamleader', 'mplus'] as const).flatMap((system) => {
        const side = choices[system];
        const byReason = new Map<string, SystemList[]>();
        // Object.entries types its keys as strings; these are the system's list names.
        const unread = Object.entries(side.ok ? (side.data.unread ?? {}) : {}) as [SystemList, string][];
        for (const [list, message] of unread) {
          byReason.set(message, [...(byReason.get(message) ?? []), list]);
        }
        return [...byReason].map(([message, lists]) => ({ system, message, lists }));
      })
    : [];
  const listNames = (lists: SystemList[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      lists.map((list) => t(`connections.lists.${list}`)),
    );
  return (
    <div className="wz-body">
      <p className="wz-lead">{t('wizard.settings.lead')}</p>
      {unreadable.map(({ system, message }) => (
        <p key={system} className="wz-warning" role="alert">
          <AlertTriangle size={16} aria-hidden="true" />
          {t('wizard.settings.unreadable', { system: t(`connections.${system}`), message })}
        </p>
      ))}
      {unreadLists.map(({ system, message, lists }) => (
        <p
          key={`${system} ${message}`}
          className="wz-warning"
          role="alert"
          data-testid={`wizard-unread-${system}`}
        >
          <AlertTriangle size={16} aria-hidden="true" />
          {t('wizard.settings.unreadableLists', {
            system: t(`connections.${system}`),
            lists: listNames(lists),
            message,
          })}
        </p>
      ))}
      {(unreadable.length > 0 || unreadLists.length > 0) && (
        // A scope added to the integration, or the network back: read again, answers kept.
        <button
          type="button"
          className="button button-secondary wz-read-again"
          onClick={() => void prepare()}
          data-testid="wizard-read-again"
        >
          <RefreshCw size={14} aria-hidden="true" />
          {t('wizard.settings.readAgain')}
        </button>
      )}
      {plans.map((plan) => (
        <section
          key={plan.templateId}
          className="wz-card wz-flow"
          aria-labelledby={`wz-flow-${plan.templateId}`}
          data-testid={`wizard-settings-${plan.templateId}`}
        >
          <header className="wz-flow-head">
            <h3 id={`wz-flow-${plan.templateId}`}>{plan.name}</h3>
            <span className="badge badge-info">
              {t(`connections.${plan.source}`)} <ArrowRight size={12} aria-label={t('wizard.flows.to')} />{' '}
              {t(`connections.${plan.target}`)}
            </span>
          </header>
          {plan.description && <p className="wz-muted">{plan.description}</p>}
          <div className="wz-questions">
            {plan.questions.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                value={answerOf(answers, plan.templateId, question)}
                siblings={answers[plan.templateId] ?? {}}
                choices={choices}
                onChange={(value) => setAnswer(plan.templateId, question.id, value)}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
