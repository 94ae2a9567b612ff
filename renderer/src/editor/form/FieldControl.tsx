import { useId } from 'react';
import type { FieldIssue, FormField, JsonSchema } from './form-model';
import { useLanguage } from '../../i18n/useLanguage';
import { WidgetFor } from './widgets/WidgetFor';

interface FieldControlProps {
  field: FormField;
  value: unknown;
  onChange(value: unknown): void;
  issues: readonly FieldIssue[];
  root: JsonSchema;
}

/** One labelled form field: title (required marked), the widget, its description and its messages. */
export function FieldControl({ field, value, onChange, issues, root }: FieldControlProps) {
  const language = useLanguage();
  const inputId = useId();
  const own = issues.filter((issue) => issue.path === '');
  const inline = field.widget === 'switch';
  const description = field.description?.[language];
  return (
    <div className={`ed-field${inline ? ' ed-field-inline' : ''}`} data-field={field.key}>
      <label htmlFor={inputId} id={`${inputId}-label`} className="ed-field-label">
        {field.title[language]}
        {field.required && (
          <span className="ed-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <WidgetFor
        field={field}
        value={value}
        onChange={onChange}
        inputId={inputId}
        issues={issues}
        root={root}
        invalid={own.length > 0}
      />
      {description && <p className="ed-field-note">{description}</p>}
      {own.map((issue) => (
        <p key={issue.message} className="ed-error-text" role="alert">
          {issue.message}
        </p>
      ))}
      {field.widget !== 'lookupTable' &&
        field.widget !== 'keyValue' &&
        field.widget !== 'conditions' &&
        field.widget !== 'rules' &&
        issues
          .filter((issue) => issue.path !== '')
          .map((issue) => (
            <p key={`${issue.path}:${issue.message}`} className="ed-error-text">
              {issue.path}: {issue.message}
            </p>
          ))}
    </div>
  );
}
