import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapField } from '../../../../shared/nodes/core/map';
import { FIELD_MIME } from './field-drag';
import { mappingOf, type TargetField } from './mapper-model';
import { describeSource } from './describe-source';

interface TargetFieldListProps {
  fields: readonly TargetField[];
  mappings: readonly MapField[];
  missing: ReadonlySet<string>;
  selected: string | null;
  onSelect(path: string): void;
  /** A source field dropped (or placed with the keyboard) on a target. */
  onMap(target: string, source: string): void;
  picked: string | null;
}

/** The target record's fields: required ones marked, unmapped required ones highlighted, drop zones. */
export function TargetFieldList({
  fields,
  mappings,
  missing,
  selected,
  onSelect,
  onMap,
  picked,
}: TargetFieldListProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const onDragOver = (event: DragEvent, path: string) => {
    if (!event.dataTransfer.types.includes(FIELD_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'link';
    setOver(path);
  };
  const onDrop = (event: DragEvent, path: string) => {
    const source = event.dataTransfer.getData(FIELD_MIME);
    setOver(null);
    if (!source) return;
    event.preventDefault();
    onMap(path, source);
  };
  return (
    <ul className="ed-map-list" aria-label={t('editor.mapper.targetFields')} data-testid="mapper-targets">
      {fields.map((field) => {
        const mapping = mappingOf(mappings, field.path);
        const classes = [
          'ed-map-row',
          'ed-map-target',
          mapping ? 'mapped' : '',
          missing.has(field.path) ? 'missing' : '',
          selected === field.path ? 'selected' : '',
          over === field.path ? 'over' : '',
        ];
        return (
          <li key={field.path}>
            <button
              type="button"
              className={classes.filter(Boolean).join(' ')}
              data-target-path={field.path}
              data-testid={`target-field-${field.path}`}
              data-mapped={mapping ? 'true' : 'false'}
              aria-pressed={selected === field.path}
              aria-label={[
                field.path,
                field.required ? t('editor.mapper.required') : '',
                mapping
                  ? t('editor.mapper.mappedFrom', { source: describeSource(t, mapping.source) })
                  : missing.has(field.path)
                    ? t('editor.mapper.requiredMissing')
                    : t('editor.mapper.unmapped'),
                picked ? t('editor.mapper.placeHere', { source: picked }) : '',
              ]
                .filter(Boolean)
                .join(', ')}
              onDragOver={(event) => onDragOver(event, field.path)}
              onDragLeave={() => setOver((current) => (current === field.path ? null : current))}
              onDrop={(event) => onDrop(event, field.path)}
              onClick={() => (picked ? onMap(field.path, picked) : onSelect(field.path))}
              title={field.description}
            >
              <span className="ed-map-path">
                {field.path}
                {field.required && (
                  <span className="ed-required" aria-hidden="true">
                    *
                  </span>
                )}
              </span>
              <span className="ed-map-rule">
                {mapping ? (
                  <>
                    {describeSource(t, mapping.source)}
                    {mapping.onCreateOnly && (
                      <span className="ed-chip ed-chip-muted">{t('editor.mapper.createOnlyShort')}</span>
                    )}
                  </>
                ) : over === field.path || picked ? (
                  <span className="ed-muted">{t('editor.mapper.dropHere')}</span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
