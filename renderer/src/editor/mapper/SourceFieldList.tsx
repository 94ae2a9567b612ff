import { GripVertical } from 'lucide-react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_MIME } from './field-drag';
import { formatValue, type SourceField } from './mapper-model';

interface SourceFieldListProps {
  fields: readonly SourceField[];
  /** Paths some target reads. */
  used: ReadonlySet<string>;
  /** The field picked with the keyboard, waiting for a target. */
  picked: string | null;
  onPick(path: string | null): void;
}

/**
 * The sample record's fields with their values. Drag one onto a target field, or press Enter on it
 * and then Enter on a target field.
 */
export function SourceFieldList({ fields, used, picked, onPick }: SourceFieldListProps) {
  const { t } = useTranslation();
  const onDragStart = (event: DragEvent, path: string) => {
    event.dataTransfer.setData(FIELD_MIME, path);
    event.dataTransfer.setData('text/plain', path);
    event.dataTransfer.effectAllowed = 'link';
  };
  return (
    <ul className="ed-map-list" aria-label={t('editor.mapper.sourceFields')} data-testid="mapper-sources">
      {fields.map((field) => (
        <li key={field.path}>
          <button
            type="button"
            draggable
            onDragStart={(event) => onDragStart(event, field.path)}
            onClick={() => onPick(picked === field.path ? null : field.path)}
            className={`ed-map-row ed-map-source${used.has(field.path) ? ' used' : ''}${picked === field.path ? ' picked' : ''}`}
            data-source-path={field.path}
            data-testid={`source-field-${field.path}`}
            aria-pressed={picked === field.path}
            aria-label={t('editor.mapper.sourceField', {
              path: field.path,
              value: formatValue(field.value, 60) || t('editor.mapper.noValue'),
            })}
          >
            <GripVertical size={13} className="ed-grip" aria-hidden="true" />
            <span className="ed-map-path">{field.path}</span>
            {field.value === undefined ? (
              // No value in the sample: the field's type, set apart so it does not read as data.
              <span
                className="ed-map-value ed-map-type"
                title={field.type ? t('editor.mapper.noValueType', { type: field.type }) : undefined}
              >
                {field.type ?? ''}
              </span>
            ) : (
              <span className="ed-map-value" title={JSON.stringify(field.value)}>
                {formatValue(field.value)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
