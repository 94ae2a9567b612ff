import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupRow } from '../../../../shared/nodes/common-fields';
import type { MapField, MapSource } from '../../../../shared/nodes/core/map';
import { ValueInput } from '../form/widgets/ValueInput';
import type { SourceField } from './mapper-model';

interface MappingRuleEditorProps {
  target: string;
  required: boolean;
  mapping: MapField | undefined;
  sources: readonly SourceField[];
  onSource(source: MapSource): void;
  onCreateOnly(value: boolean): void;
  onRemove(): void;
}

const kinds: MapSource['kind'][] = ['path', 'constant', 'lookup', 'expression'];

/** A fresh source of another kind, keeping the field path where the new kind reads one. */
function switchKind(kind: MapSource['kind'], current: MapSource | undefined): MapSource {
  const path = current && (current.kind === 'path' || current.kind === 'lookup') ? current.path : '';
  switch (kind) {
    case 'path':
      return { kind, path };
    case 'constant':
      return { kind, value: '' };
    case 'lookup':
      return { kind, path, table: [{ key: '', value: '' }], failIfMissing: false };
    case 'expression':
      return { kind, expression: path ? `record.${path}` : 'record.' };
  }
}

/**
 * How one target field gets its value: a source field, a constant, a lookup table or an
 * expression, and whether it is written only when the target record is created.
 */
export function MappingRuleEditor({
  target,
  required,
  mapping,
  sources,
  onSource,
  onCreateOnly,
  onRemove,
}: MappingRuleEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const source = mapping?.source;
  const sourceList = `${id}-sources`;
  const setRows = (table: LookupRow[]) => source?.kind === 'lookup' && onSource({ ...source, table });
  return (
    <section className="ed-rule" aria-labelledby={`${id}-title`} data-testid="mapping-rule">
      <h4 id={`${id}-title`}>
        <span className="ed-mono">{target}</span>
        {required && <span className="ed-chip ed-chip-muted">{t('editor.mapper.required')}</span>}
      </h4>
      <div className="ed-rule-kinds" role="radiogroup" aria-label={t('editor.mapper.valueFrom')}>
        {kinds.map((kind) => (
          <label key={kind} className="ed-segment">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={source?.kind === kind}
              onChange={() => onSource(switchKind(kind, source))}
            />
            {t(`editor.mapper.kind.${kind}`)}
          </label>
        ))}
      </div>
      <datalist id={sourceList}>
        {sources.map((entry) => (
          <option key={entry.path} value={entry.path} />
        ))}
      </datalist>
      {(source?.kind === 'path' || source?.kind === 'lookup') && (
        <label className="ed-stack">
          <span>{t('editor.mapper.sourcePath')}</span>
          <input
            type="text"
            className="ed-mono"
            list={sourceList}
            value={source.path}
            onChange={(event) => onSource({ ...source, path: event.target.value })}
            data-testid="rule-source-path"
          />
        </label>
      )}
      {source?.kind === 'constant' && (
        <label className="ed-stack">
          <span>{t('editor.mapper.constant')}</span>
          <ValueInput
            value={source.value}
            onValue={(value) => onSource({ kind: 'constant', value: value ?? '' })}
            className="ed-mono"
            data-testid="rule-constant"
          />
        </label>
      )}
      {source?.kind === 'expression' && (
        <label className="ed-stack">
          <span>{t('editor.mapper.expression')}</span>
          <textarea
            className="ed-mono"
            rows={2}
            value={source.expression}
            onChange={(event) => onSource({ kind: 'expression', expression: event.target.value })}
            data-testid="rule-expression"
          />
          <span className="ed-field-note">{t('editor.mapper.expressionHelp')}</span>
        </label>
      )}
      {source?.kind === 'lookup' && (
        <div className="ed-lookup" role="group" aria-label={t('editor.mapper.lookupTable')}>
          {source.table.map((row, index) => (
            <div
              key={index}
              className="ed-row"
              style={{ gridTemplateColumns: 'minmax(0,1fr) minmax(0,1fr) auto' }}
            >
              <input
                type="text"
                value={row.key}
                aria-label={t('editor.mapper.lookupKey', { row: index + 1 })}
                onChange={(event) =>
                  setRows(source.table.map((r, i) => (i === index ? { ...r, key: event.target.value } : r)))
                }
              />
              <ValueInput
                value={row.value}
                aria-label={t('editor.mapper.lookupValue', { row: index + 1 })}
                onValue={(value) =>
                  setRows(source.table.map((r, i) => (i === index ? { ...r, value: value ?? '' } : r)))
                }
              />
              <button
                type="button"
                className="ed-icon-button"
                aria-label={t('editor.form.removeRow', { row: index + 1 })}
                onClick={() => setRows(source.table.filter((_, i) => i !== index))}
              >
                <Trash2 size={14} aria-hidden="true" />
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary ed-small"
            onClick={() => setRows([...source.table, { key: '', value: '' }])}
          >
            {t('editor.form.addRow')}
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={source.failIfMissing}
              onChange={(event) => onSource({ ...source, failIfMissing: event.target.checked })}
            />
            {t('editor.mapper.failIfMissing')}
          </label>
        </div>
      )}
      {mapping && (
        <div className="ed-rule-footer">
          <label className="checkbox" title={t('editor.mapper.createOnlyHelp')}>
            <input
              type="checkbox"
              role="switch"
              className="ed-switch"
              checked={mapping.onCreateOnly}
              onChange={(event) => onCreateOnly(event.target.checked)}
              data-testid="rule-create-only"
            />
            {t('editor.mapper.createOnly')}
          </label>
          <button type="button" className="button button-secondary ed-small" onClick={onRemove}>
            <Trash2 size={13} aria-hidden="true" />
            {t('editor.mapper.remove')}
          </button>
        </div>
      )}
      {!mapping && <p className="ed-field-note">{t('editor.mapper.ruleHelp')}</p>}
    </section>
  );
}
