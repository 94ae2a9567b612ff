import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { WizardOption } from '../../../../../shared/api/calls/wizard';
import type { ChoiceList } from '../../../../../shared/nodes/ui-hints';
import { useLanguage } from '../../../i18n/useLanguage';
import { choicesFor, useFieldChoices } from '../field-choices';
import type { WidgetProps } from '../widget-props';
import { MultiSelectWidget } from './MultiSelectWidget';

/** An option's value as the field stores it (turnover groups come as text, the field is a number). */
function valueFor(option: WizardOption, numeric: boolean): string | number | undefined {
  if (!numeric) return String(option.value);
  const number = Number(option.value);
  return Number.isFinite(number) ? number : undefined;
}

/** Whether an option's name already says its value: "21%" (21), "Contant" (CONTANT), "Payment card" (payment_card). */
function saysValue(label: string, value: string): boolean {
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain(label) === plain(value) || (label.match(/\d+(?:[.,]\d+)?/g)?.includes(value) ?? false);
}

/**
 * A value picked from the connected system's own list (its VAT codes, employees, departments…),
 * read through the flow's connection. Until the list is read, or when it cannot be, the field's
 * plain input is shown, so a value can always be typed.
 */
export function ChoiceWidget(
  props: WidgetProps & { list: ChoiceList; fallback: ComponentType<WidgetProps> },
) {
  const { field, value, onChange, inputId, invalid, ariaLabel, list, fallback: Fallback } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const { setting, request, reload } = useFieldChoices();
  const choices = choicesFor(list, setting);
  const system = choices?.system;
  // A system's list is read when a field first wants it (Koppel's own lists need no reading).
  const unread = choices?.state === 'loading' ? choices.system : undefined;
  useEffect(() => {
    if (unread) request(unread);
  }, [unread, request]);

  const systemName = system ? t(`wizard.question.system.${system}`) : '';
  if (choices?.state !== 'ready') {
    // The reason and the button to read the list again stand once above the node's settings
    // (ChoicesTrouble); here only what to do meanwhile.
    const note =
      choices?.state === 'failed'
        ? t('editor.form.choicesFailed', { system: systemName })
        : choices?.state === 'loading'
          ? t('editor.form.choicesLoading', { system: systemName })
          : undefined;
    // In a table row there is no room under the input: the note becomes its tooltip.
    return ariaLabel ? (
      <span title={note} className="ed-choice-fallback">
        <Fallback {...props} />
      </span>
    ) : (
      <>
        <Fallback {...props} />
        {note && (
          <span className="ed-field-note ed-choice-note" data-testid={`choices-${field.key}`}>
            {note}
          </span>
        )}
      </>
    );
  }

  // A list field (the branches to read) takes several: its items' type decides numbers or text.
  const many = field.schema.type === 'array';
  const items = field.schema.items;
  const valueType =
    many && typeof items === 'object' && items !== null && 'type' in items ? items.type : field.schema.type;
  const numeric = valueType === 'number' || valueType === 'integer';
  const current = value ?? field.defaultValue;
  const options = choices.options.flatMap((option) => {
    const stored = valueFor(option, numeric);
    if (stored === undefined) return [];
    const label = typeof option.label === 'string' ? option.label : option.label[language];
    // The value after the name where the name does not already say it ("21 % · 2", not "21% · 21").
    const hint = option.hint ?? String(stored);
    const detail = saysValue(label, hint) ? undefined : hint;
    return [{ stored, text: detail ? `${label} · ${detail}` : label }];
  });
  if (many) {
    // The checkboxes of a fixed set, over the system's entries and any it no longer lists (marked).
    const chosen: unknown[] = Array.isArray(current) ? current : [];
    const stray = chosen.filter(
      (entry): entry is string | number =>
        (typeof entry === 'string' || typeof entry === 'number') &&
        !options.some((option) => option.stored === entry),
    );
    const text = (words: string) => ({ en: words, nl: words });
    const listed = [
      ...options.map((option) => ({ value: option.stored, label: text(option.text) })),
      ...stray.map((entry) => ({
        value: entry,
        label: text(t('editor.form.choiceUnlisted', { value: String(entry), system: systemName })),
      })),
    ];
    return <MultiSelectWidget {...props} field={{ ...field, options: listed }} />;
  }
  const selected = options.findIndex((option) => option.stored === current);
  // A value the system does not list (typed earlier, or from another account) stays, marked.
  const unlisted = selected === -1 && current !== undefined && current !== '';
  const unlistedText = t('editor.form.choiceUnlisted', { value: String(current), system: systemName });
  return (
    <select
      id={inputId}
      aria-label={ariaLabel}
      aria-invalid={invalid}
      data-choices={list}
      title={unlisted ? unlistedText : selected === -1 ? undefined : options[selected]?.text}
      value={unlisted ? 'unlisted' : selected === -1 ? '' : String(selected)}
      onChange={(event) => {
        if (event.target.value === 'unlisted') return;
        if (event.target.value === 'reload') {
          // An action, not a value: the field keeps what it holds while the list is read again.
          if (choices.system !== 'koppel') reload(choices.system);
          return;
        }
        onChange(event.target.value === '' ? undefined : options[Number(event.target.value)]?.stored);
      }}
    >
      {/* Empty means "not set"; a field with a default always has a value. */}
      {((selected === -1 && !unlisted) || (!field.required && field.defaultValue === undefined)) && (
        <option value="">{t(field.required ? 'editor.form.choose' : 'editor.form.choiceNone')}</option>
      )}
      {unlisted && <option value="unlisted">{unlistedText}</option>}
      {options.map((option, index) => (
        <option key={`${index}:${option.stored}`} value={String(index)}>
          {option.text}
        </option>
      ))}
      {/* Something added in the system since its list was read (a VAT code, a department). */}
      {!choices.fixed && (
        <option value="reload">{t('editor.form.choicesReload', { system: systemName })}</option>
      )}
    </select>
  );
}
