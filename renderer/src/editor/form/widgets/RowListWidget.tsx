import { Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { describeItems, drawnAsObject, emptyRow, shownIn, withField, type FormField } from '../form-model';
import type { WidgetProps } from '../widget-props';
import { useLanguage } from '../../../i18n/useLanguage';
import { rowVatChange, useFieldChoices } from '../field-choices';
import { WidgetFor } from './WidgetFor';

/** Item fields of a list, with record paths offered where the schema names a field `path`. */
function itemFields(field: FormField, root: WidgetProps['root']): FormField[] {
  return describeItems(field, root).map((item) =>
    item.key === 'path' && !item.hint.widget
      ? { ...item, widget: 'fieldPath', hint: { ...item.hint, fieldSource: 'input' } }
      : item,
  );
}

/**
 * A list of rows (lookup table, defaults, conditions, validation rules): one line per row with an
 * input per item field, each labelled for screen readers, and add/remove buttons.
 */
export function RowListWidget({ field, value, onChange, inputId, issues, root }: WidgetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = itemFields(field, root);
  const rows = Array.isArray(value) ? value : [];
  const { setting } = useFieldChoices();
  // Tax rules: a row giving the target another rate than the source charged says so (as in the wizard).
  const taxRows = fields.some((item) => item.hint.choices === 'targetTax');
  const vatNote = (row: Record<string, unknown>) => {
    const change = taxRows ? rowVatChange(row, setting) : null;
    return change && setting.target
      ? t('wizard.question.vatChanges', { ...change, system: t(`wizard.question.system.${setting.target}`) })
      : null;
  };
  const notes = rows.map((row: unknown) =>
    vatNote(typeof row === 'object' && row !== null ? { ...row } : {}),
  );
  const setRow = (index: number, key: string, next: unknown) => {
    onChange(
      rows.map((row: unknown, i) =>
        i === index ? withField(typeof row === 'object' && row !== null ? { ...row } : {}, key, next) : row,
      ),
    );
  };
  const stacked = stackedRows(fields);
  return (
    <div className="ed-rows" role="group" aria-labelledby={`${inputId}-label`}>
      {rows.length > 0 && !stacked && (
        <div
          className="ed-row ed-row-head"
          aria-hidden="true"
          style={{ gridTemplateColumns: columns(fields) }}
        >
          {fields.map((item) => (
            <span key={item.key}>{item.title[language]}</span>
          ))}
          <span />
        </div>
      )}
      {rows.map((row: unknown, index) => {
        const data: Record<string, unknown> = typeof row === 'object' && row !== null ? { ...row } : {};
        const note = notes[index];
        const remove = (
          <button
            type="button"
            className="ed-icon-button"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={t('editor.form.removeRow', { row: index + 1 })}
          >
            <Trash2 size={14} aria-hidden="true" />
          </button>
        );
        const cells = fields.map((item) => {
          const at = `${index}.${item.key}`;
          const object = drawnAsObject(item);
          // A nested object (a payment term) shows its fields' issues itself; other cells list them below.
          const nested = issues
            .filter((issue) => issue.path.startsWith(`${at}.`))
            .map((issue) => ({ ...issue, path: issue.path.slice(at.length + 1) }));
          const shown = issues.filter(
            (issue) => issue.path === at || (!object && issue.path.startsWith(`${at}.`)),
          );
          const cellId = `${inputId}-${index}-${item.key}`;
          // A field this row does not ask for (no value for "is empty"): a card leaves it out, a
          // line keeps its column empty so the others stay under their headings.
          if (!shownIn(item, data, [...shown, ...nested]))
            return stacked ? null : <span key={item.key} className="ed-row-cell" />;
          return (
            <span key={item.key} className="ed-row-cell">
              {stacked && (
                <span className="ed-row-label" id={`${cellId}-label`}>
                  {item.title[language]}
                </span>
              )}
              <WidgetFor
                field={{
                  ...item,
                  title: { en: `${item.title.en} ${index + 1}`, nl: `${item.title.nl} ${index + 1}` },
                }}
                value={data[item.key]}
                onChange={(next) => setRow(index, item.key, next)}
                inputId={cellId}
                issues={object ? nested : []}
                root={root}
                invalid={shown.length > 0}
                ariaLabel={`${item.title[language]} ${index + 1}`}
              />
              {shown.map((issue) => (
                <span key={`${issue.path} ${issue.message}`} className="ed-error-text ed-row-error">
                  {issue.message}
                </span>
              ))}
            </span>
          );
        });
        const noteLine = note && (
          <span className="ed-row-note" data-testid={`${field.key}-row-${index}-note`}>
            {note}
          </span>
        );
        return stacked ? (
          <div key={index} className="ed-row-card" data-testid={`${field.key}-row-${index}`}>
            <div className="ed-row-card-head">
              <span>
                {field.hint.itemTitle
                  ? `${field.hint.itemTitle[language]} ${index + 1}`
                  : t('editor.form.row', { row: index + 1 })}
              </span>
              {remove}
            </div>
            {cells}
            {noteLine}
          </div>
        ) : (
          <div
            key={index}
            className="ed-row"
            style={{ gridTemplateColumns: columns(fields) }}
            data-testid={`${field.key}-row-${index}`}
          >
            {cells}
            {remove}
            {noteLine}
          </div>
        );
      })}
      {notes.some(Boolean) && setting.target && (
        <p className="ed-field-note" data-testid={`${field.key}-vat-note`}>
          {t('wizard.question.vatChangesNote', { system: t(`wizard.question.system.${setting.target}`) })}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary ed-small"
        onClick={() => onChange([...rows, emptyRow(fields, root)])}
      >
        <Plus size={14} aria-hidden="true" />
        {t('editor.form.addRow')}
      </button>
    </div>
  );
}

/**
 * Rows of more than three columns, or with a nested object, do not fit side by side in the
 * inspector (five shipping columns left each ~50 px): each row is then a card, a field a line. So
 * do three that share the width behind a field path (a condition: the path, "matches the pattern"
 * and its value were ~85 px each, both cut off); a switch takes only its own width.
 */
function stackedRows(fields: readonly FormField[]): boolean {
  const sharing = fields.filter((item) => item.widget !== 'switch');
  return (
    fields.length > 3 ||
    fields.some(drawnAsObject) ||
    (sharing.length >= 3 && sharing[0]?.widget === 'fieldPath')
  );
}

function columns(fields: readonly FormField[]): string {
  return `${fields.map((item) => (item.widget === 'switch' ? 'auto' : 'minmax(0, 1fr)')).join(' ')} auto`;
}
