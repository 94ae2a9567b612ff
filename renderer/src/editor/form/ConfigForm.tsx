import { useTranslation } from 'react-i18next';
import { ChoicesTrouble } from './ChoicesTrouble';
import { FieldControl } from './FieldControl';
import {
  choiceListsOf,
  layoutForm,
  shownIn,
  withField,
  type FieldIssue,
  type FormField,
  type JsonSchema,
} from './form-model';
import { useLanguage } from '../../i18n/useLanguage';

interface ConfigFormProps {
  fields: readonly FormField[];
  config: Record<string, unknown>;
  root: JsonSchema;
  issues: ReadonlyMap<string, FieldIssue[]>;
  /** A new config, and the field that changed (for undo grouping). */
  onChange(config: Record<string, unknown>, key: string): void;
}

/** A node's settings as a form generated from its config schema: groups, then "Advanced", collapsed. */
export function ConfigForm({ fields, config, root, issues, onChange }: ConfigFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { sections, advanced } = layoutForm(fields);
  const control = (field: FormField) =>
    shownIn(field, config, issues.get(field.key) ?? []) && (
      <FieldControl
        key={field.key}
        field={field}
        value={config[field.key]}
        root={root}
        issues={issues.get(field.key) ?? []}
        onChange={(value) => onChange(withField(config, field.key, value), field.key)}
      />
    );
  const advancedIssues = advanced.some((field) => (issues.get(field.key) ?? []).length > 0);
  return (
    <div className="ed-form">
      <ChoicesTrouble lists={choiceListsOf(fields, root)} />
      {sections.map((section) =>
        section.group ? (
          <fieldset key={section.group.en} className="ed-group">
            <legend>{section.group[language]}</legend>
            {section.fields.map(control)}
          </fieldset>
        ) : (
          section.fields.map(control)
        ),
      )}
      {advanced.length > 0 && (
        <details className="ed-advanced" open={advancedIssues}>
          <summary>{t('editor.form.advanced')}</summary>
          {advanced.map(control)}
        </details>
      )}
    </div>
  );
}
