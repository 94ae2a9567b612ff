import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PaymentTerm } from '../../../../../shared/domain/sales-order';
import { Schedule } from '../../../../../shared/flow/flow-document';
import { DefaultDebtor } from '../../../../../shared/nodes/steps/fields';
import type { WizardChoices, WizardQuestion } from '../../../../../shared/api/calls/wizard';
import { answerProblems, type AnswerProblem } from '../../../wizard/answers';
import { useLanguage } from '../../../i18n/useLanguage';
import { localize } from '../../../wizard/localize';
import { departmentRates } from '../../../wizard/department-rates';
import { vatChange } from '../../../wizard/vat-change';
import { OptionInput } from './OptionInput';
import { RuleTable, type Row, type RuleColumn } from './RuleTable';
import { DateField, DebtorField, PaymentTermField, ScheduleField } from './SimpleQuestions';

interface QuestionFieldProps {
  question: WizardQuestion;
  value: unknown;
  /** Other answers of the same flow (the tax options follow the chosen department). */
  siblings: Record<string, unknown>;
  choices: WizardChoices | null;
  onChange(value: unknown): void;
}

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : [];

/** One question: its title, what it means, the control for its type, and what is wrong with it. */
export function QuestionField({ question, value, siblings, choices, onChange }: QuestionFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const title = localize(question.title, language);
  const descriptionId = question.description ? `${id}-help` : undefined;
  const problems = answerProblems(question, value);
  const problemText = (problem: AnswerProblem) =>
    problem.row === undefined
      ? t(`wizard.problems.${problem.code}`)
      : t('wizard.problems.inRow', { row: problem.row + 1, problem: t(`wizard.problems.${problem.code}`) });
  const table = {
    caption: title,
    rows: rowsOf(value),
    problems,
    problemText,
    onChange: (rows: Row[]) => onChange(rows),
    testId: `question-${question.id}`,
  };
  const country: RuleColumn = { key: 'country', label: t('wizard.question.country'), kind: 'country' };
  const sourceRate: RuleColumn = {
    key: 'sourceRate',
    label: t('wizard.question.sourceRate'),
    kind: 'percent',
    optional: t('wizard.question.anyRate'),
  };
  const control = (() => {
    switch (question.type) {
      case 'select':
        return (
          <OptionInput
            id={id}
            value={typeof value === 'string' || typeof value === 'number' ? value : undefined}
            options={question.options}
            numeric={question.numeric}
            onChange={(next) => onChange(next ?? (question.numeric ? 0 : ''))}
            describedBy={descriptionId}
          />
        );
      case 'paymentTerm': {
        const parsed = PaymentTerm.safeParse(value);
        const terms = choices?.teamleader.ok ? choices.teamleader.data.paymentTerms : undefined;
        return (
          <PaymentTermField
            id={id}
            value={parsed.success ? parsed.data : question.value}
            onChange={onChange}
            describedBy={descriptionId}
            {...(terms ? { terms } : {})}
          />
        );
      }
      case 'debtor': {
        const parsed = DefaultDebtor.safeParse(value);
        return (
          <DebtorField
            id={id}
            value={parsed.success ? parsed.data : question.value}
            onChange={onChange}
            describedBy={descriptionId}
          />
        );
      }
      case 'date':
        return (
          <DateField
            id={id}
            value={typeof value === 'string' ? value : null}
            onChange={onChange}
            describedBy={descriptionId}
          />
        );
      case 'schedule': {
        const parsed = Schedule.safeParse(value);
        return (
          <ScheduleField
            id={id}
            value={parsed.success ? parsed.data : question.value}
            template={question.value}
            onChange={onChange}
            describedBy={descriptionId}
          />
        );
      }
      case 'taxRules': {
        const department = question.departmentQuestion ? siblings[question.departmentQuestion] : undefined;
        const options =
          question.target === 'mplus'
            ? (question.options['*'] ?? [])
            : departmentRates(question.options, department);
        const system = t(`wizard.question.system.${question.target}`);
        const changes = table.rows.some((row) => vatChange(row, question.target, options) !== null);
        return (
          <>
            <RuleTable
              {...table}
              blank={{ country: '' }}
              columns={[
                country,
                sourceRate,
                {
                  key: 'targetTax',
                  label: t(`wizard.question.targetTax.${question.target}`),
                  kind: 'choice',
                  options,
                  numeric: true,
                },
              ]}
              problemColumn={{ country: 'country', rate: 'sourceRate', targetTax: 'targetTax' }}
              rowNote={(row) => {
                const change = vatChange(row, question.target, options);
                return change ? t('wizard.question.vatChanges', { ...change, system }) : null;
              }}
            />
            {changes && (
              <p className="wz-muted" data-testid="tax-rules-vat-note">
                {t('wizard.question.vatChangesNote', { system })}
              </p>
            )}
          </>
        );
      }
      case 'revenueRules':
        return (
          <RuleTable
            {...table}
            blank={{ country: '' }}
            columns={[
              country,
              sourceRate,
              {
                key: 'account',
                label: t('wizard.question.account'),
                kind: 'choice',
                options: question.options,
              },
            ]}
            problemColumn={{ country: 'country', rate: 'sourceRate', account: 'account' }}
          />
        );
      case 'valueMap':
        return (
          <RuleTable
            {...table}
            blank={{ from: '', to: '' }}
            columns={[
              {
                key: 'from',
                label: t('wizard.question.from'),
                kind: 'choice',
                options: question.fromOptions,
              },
              { key: 'to', label: t('wizard.question.to'), kind: 'choice', options: question.toOptions },
            ]}
            problemColumn={{ from: 'from', duplicateFrom: 'from', to: 'to' }}
          />
        );
      case 'vatCodes':
        return (
          <RuleTable
            {...table}
            blank={{}}
            columns={[
              { key: 'rate', label: t('wizard.question.rate'), kind: 'percent' },
              {
                key: 'code',
                label: t('wizard.question.vatCode'),
                kind: 'choice',
                options: question.options,
                numeric: true,
              },
            ]}
            problemColumn={{ rate: 'rate', vatCode: 'code' }}
          />
        );
    }
  })();
  const tableLike = ['taxRules', 'revenueRules', 'valueMap', 'vatCodes'].includes(question.type);
  return (
    <div
      className={tableLike ? 'wz-question wz-question-wide' : 'wz-question'}
      data-testid={`question-field-${question.id}`}
    >
      {tableLike || question.type === 'debtor' ? (
        <span className="wz-question-title" id={`${id}-title`}>
          {title}
        </span>
      ) : (
        <label className="wz-question-title" htmlFor={id}>
          {title}
        </label>
      )}
      {question.description && (
        <p id={descriptionId} className="wz-muted">
          {localize(question.description, language)}
        </p>
      )}
      {control}
      {!tableLike && problems.length > 0 && (
        <p className="cn-field-error" role="alert">
          {problems.map(problemText).join(' ')}
        </p>
      )}
    </div>
  );
}
