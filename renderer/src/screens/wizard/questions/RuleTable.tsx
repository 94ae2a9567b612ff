import { Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WizardOption } from '../../../../../shared/api/calls/wizard';
import type { AnswerProblem } from '../../../wizard/answers';
import { OptionInput } from './OptionInput';

export type Row = Record<string, unknown>;

/** One column of a rule table: a country, a percentage, or a value (chosen or typed). */
export interface RuleColumn {
  key: string;
  label: string;
  kind: 'country' | 'percent' | 'choice';
  options?: readonly WizardOption[];
  numeric?: boolean;
  /** The column may stay empty; the text says what empty means. */
  optional?: string;
}

interface RuleTableProps {
  caption: string;
  columns: readonly RuleColumn[];
  rows: readonly Row[];
  /** A new row's starting values. */
  blank: Row;
  problems: readonly AnswerProblem[];
  problemText(problem: AnswerProblem): string;
  /** Which column a problem code marks. */
  problemColumn: Partial<Record<AnswerProblem['code'], string>>;
  onChange(rows: Row[]): void;
  /** A remark on a row, shown beside it (e.g. that the rule changes the VAT); null for none. */
  rowNote?: (row: Row) => string | null;
  testId?: string;
}

/** Sets or clears one cell; rows keep fields the table does not show. */
function withCell(row: Row, key: string, value: unknown): Row {
  if (value === undefined) return Object.fromEntries(Object.entries(row).filter(([name]) => name !== key));
  return { ...row, [key]: value };
}

/** An editable table of rules (tax per country, mappings…), keyboard-usable, with per-row errors. */
export function RuleTable(props: RuleTableProps) {
  const { t } = useTranslation();
  const { columns, rows, problems, onChange } = props;
  const invalid = (index: number, key: string) =>
    problems.some((p) => p.row === index && props.problemColumn[p.code] === key);
  const update = (index: number, key: string, value: unknown) =>
    onChange(rows.map((row, i) => (i === index ? withCell(row, key, value) : row)));

  return (
    <div className="wz-table-wrap" data-testid={props.testId}>
      <table className="wz-table">
        <caption className="wz-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="wz-sr-only">{t('wizard.question.rowActions')}</span>
            </th>
            {props.rowNote && (
              <th scope="col">
                <span className="wz-sr-only">{t('wizard.question.rowNote')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => {
                const label = t('wizard.question.cell', { column: column.label, row: index + 1 });
                const value = row[column.key];
                return (
                  <td key={column.key}>
                    {column.kind === 'choice' ? (
                      <OptionInput
                        value={typeof value === 'string' || typeof value === 'number' ? value : undefined}
                        options={column.options ?? []}
                        numeric={column.numeric}
                        onChange={(next) => update(index, column.key, next)}
                        ariaLabel={label}
                        invalid={invalid(index, column.key)}
                        {...(column.optional !== undefined ? { optional: column.optional } : {})}
                      />
                    ) : (
                      <input
                        type={column.kind === 'percent' ? 'number' : 'text'}
                        className={column.kind === 'country' ? 'wz-country' : 'wz-percent'}
                        aria-label={label}
                        aria-invalid={invalid(index, column.key) || undefined}
                        value={typeof value === 'string' || typeof value === 'number' ? value : ''}
                        placeholder={column.optional}
                        min={column.kind === 'percent' ? 0 : undefined}
                        max={column.kind === 'percent' ? 100 : undefined}
                        maxLength={column.kind === 'country' ? 2 : undefined}
                        onChange={(event) => {
                          const text = event.target.value;
                          if (column.kind === 'country') update(index, column.key, text.toUpperCase());
                          else update(index, column.key, text === '' ? undefined : Number(text));
                        }}
                      />
                    )}
                  </td>
                );
              })}
              <td>
                <button
                  type="button"
                  className="wz-icon-button"
                  aria-label={t('wizard.question.removeRow', { row: index + 1 })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <Trash2 size={15} aria-hidden="true" />
                </button>
              </td>
              {props.rowNote && (
                <td className="wz-row-note" data-testid="rule-row-note">
                  {props.rowNote(row)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button-secondary wz-add"
        onClick={() => onChange([...rows, props.blank])}
      >
        <Plus size={15} aria-hidden="true" />
        {t('wizard.question.addRow')}
      </button>
      {problems.length > 0 && (
        <ul className="wz-problems">
          {problems.map((problem, index) => (
            <li key={index}>{props.problemText(problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
