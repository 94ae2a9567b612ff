import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/date-input/DateInput';
import type { TeamleaderChoices } from '../../../../../shared/api/calls/wizard';
import type { PaymentTerm } from '../../../../../shared/domain/sales-order';
import type { Schedule } from '../../../../../shared/flow/flow-document';
import { PAYMENT_TERM_KINDS, type DefaultDebtor } from '../../../../../shared/nodes/steps/fields';
import { useLanguage } from '../../../i18n/useLanguage';
import { isPreset, presetOf, SCHEDULE_PRESETS, scheduleOf } from '../../../wizard/schedule-presets';

interface FieldProps<T> {
  id: string;
  value: T;
  onChange(value: T): void;
  describedBy?: string;
}

/** "Cash", "14 days after the invoice date", … in the user's language. */
export function useTermText() {
  const { t } = useTranslation();
  return (term: PaymentTerm) =>
    term.type === 'cash'
      ? t('wizard.question.term.cash')
      : t(`wizard.question.term.${term.type}`, { count: term.days ?? 0 });
}

const sameTerm = (a: PaymentTerm, b: PaymentTerm) =>
  a.type === b.type && (a.type === 'cash' || a.days === b.days);

export function PaymentTermField({
  id,
  value,
  onChange,
  describedBy,
  terms,
}: FieldProps<PaymentTerm> & { terms?: TeamleaderChoices['paymentTerms'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useTermText();
  if (terms && terms.length > 0) {
    const listed = terms.some((entry) => sameTerm(entry.term, value));
    const options = listed ? terms : [{ term: value, isDefault: false }, ...terms];
    const index = options.findIndex((entry) => sameTerm(entry.term, value));
    return (
      <select
        id={id}
        aria-describedby={describedBy}
        value={index}
        onChange={(event) => {
          const chosen = options[Number(event.target.value)];
          if (chosen) onChange(chosen.term);
        }}
      >
        {options.map((entry, i) => (
          <option key={i} value={i}>
            {text(entry.term)}
            {entry.isDefault ? ` ${t('wizard.question.term.default')}` : ''}
          </option>
        ))}
      </select>
    );
  }
  // Teamleader could not be read: the term is typed as its kind and days.
  return (
    <span className="wz-inline">
      <select
        id={id}
        aria-describedby={describedBy}
        value={value.type}
        onChange={(event) => {
          const type = event.target.value;
          onChange(
            type === 'cash'
              ? { type: 'cash' }
              : { type: type === 'endOfMonth' ? 'endOfMonth' : 'afterInvoiceDate', days: value.days ?? 30 },
          );
        }}
      >
        {PAYMENT_TERM_KINDS.map((kind) => (
          <option key={kind.value} value={kind.value}>
            {kind.label[language]}
          </option>
        ))}
      </select>
      {value.type !== 'cash' && (
        <input
          type="number"
          min={0}
          aria-label={t('wizard.question.term.days')}
          value={value.days ?? 0}
          onChange={(event) =>
            onChange({ ...value, days: Math.max(0, Math.round(Number(event.target.value) || 0)) })
          }
        />
      )}
    </span>
  );
}

export function DebtorField({ id, value, onChange, describedBy }: FieldProps<DefaultDebtor>) {
  const { t } = useTranslation();
  return (
    <div className="wz-debtor">
      <label className="wz-choice">
        <input
          id={id}
          type="checkbox"
          checked={value.enabled}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
        />
        <span>{t('wizard.question.debtorOn')}</span>
      </label>
      {value.enabled && (
        <div className="wz-inline">
          <label className="wz-stack">
            <span>{t('wizard.question.debtorName')}</span>
            <input
              type="text"
              value={value.name}
              onChange={(event) => onChange({ ...value, name: event.target.value })}
            />
          </label>
          <label className="wz-stack">
            <span>{t('wizard.question.debtorEmail')}</span>
            <input
              type="text"
              inputMode="email"
              value={value.email}
              onChange={(event) => onChange({ ...value, email: event.target.value.trim() })}
            />
          </label>
        </div>
      )}
    </div>
  );
}

export function DateField({ id, value, onChange, describedBy }: FieldProps<string | null>) {
  const { t } = useTranslation();
  return (
    <span className="wz-inline">
      <DateInput
        id={id}
        value={value ?? ''}
        ariaDescribedBy={describedBy}
        onChange={(day) => onChange(day === '' ? null : day)}
      />
      <span className="wz-muted">{value === null ? t('wizard.question.fromTheStart') : ''}</span>
    </span>
  );
}

export function ScheduleField({
  id,
  value,
  onChange,
  describedBy,
  template,
}: FieldProps<Schedule> & { template: Schedule }) {
  const { t } = useTranslation();
  const preset = presetOf(value);
  const templatePreset = presetOf(template);
  return (
    <select
      id={id}
      aria-describedby={describedBy}
      value={preset}
      onChange={(event) => {
        if (isPreset(event.target.value)) onChange(scheduleOf(event.target.value, template));
      }}
    >
      {SCHEDULE_PRESETS.map((name) => (
        <option key={name} value={name}>
          {t(`wizard.question.schedule.${name}`)}
        </option>
      ))}
      {templatePreset === 'template' && (
        <option value="template">
          {template.kind === 'interval'
            ? t('wizard.question.schedule.everyMinutes', { count: template.everyMinutes })
            : template.kind === 'cron'
              ? t('wizard.question.schedule.cron', { cron: template.cron })
              : t('wizard.question.schedule.manual')}
        </option>
      )}
    </select>
  );
}
