import { FilePlus2, LayoutTemplate } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { ConfirmDialog } from '../../editor/ui/ConfirmDialog';
import { useFlowListStore } from '../../stores/flow-list-store';
import { useLanguage } from '../../i18n/useLanguage';
import { templateText } from './template-text';

/** A new flow: blank (a manual trigger to start from) or one of the ready templates. */
export function NewFlowDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const failureWords = useFailureText();
  const templates = useFlowListStore((state) => state.templates);
  const loadTemplates = useFlowListStore((state) => state.loadTemplates);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<string>('');
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      void loadTemplates();
      setError(null);
    }
  }, [open, loadTemplates]);

  const create = async () => {
    setBusy(true);
    try {
      // Left blank, a flow from a template takes the template's name in the user's language.
      const chosen = templates?.find((entry) => entry.id === template);
      const given = name.trim() || (chosen ? templateText(language, chosen).name : '');
      const created = await api().flows.create({
        ...(given ? { name: given } : {}),
        ...(template ? { templateId: template } : {}),
      });
      setName('');
      setTemplate('');
      onCreated(created.flow.id);
    } catch (failure) {
      setError(failureOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('flows.new.title')}
      onCancel={onClose}
      testId="new-flow-dialog"
      actions={[
        { label: t('flows.cancel'), onClick: onClose },
        {
          label: busy ? t('flows.new.creating') : t('flows.new.create'),
          variant: 'primary',
          onClick: () => void create(),
          testId: 'new-flow-create',
        },
      ]}
    >
      <label className="ed-stack">
        <span className="ed-field-label">{t('flows.new.name')}</span>
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t('flows.new.namePlaceholder')}
          data-testid="new-flow-name"
        />
      </label>
      <fieldset className="ed-template-choice">
        <legend>{t('flows.new.startFrom')}</legend>
        <label className={`ed-template${template === '' ? ' chosen' : ''}`}>
          <input
            type="radio"
            name="template"
            checked={template === ''}
            onChange={() => setTemplate('')}
            data-testid="template-blank"
          />
          <FilePlus2 size={18} aria-hidden="true" />
          <span>
            <strong>{t('flows.new.blank')}</strong>
            <span className="ed-muted">{t('flows.new.blankBody')}</span>
          </span>
        </label>
        {templates === null && (
          <p className="ed-muted" data-testid="templates-loading">
            {t('flows.new.loadingTemplates')}
          </p>
        )}
        {templates?.map((entry) => {
          const text = templateText(language, entry);
          return (
            <label key={entry.id} className={`ed-template${template === entry.id ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="template"
                checked={template === entry.id}
                onChange={() => setTemplate(entry.id)}
                data-testid={`template-${entry.id}`}
              />
              <LayoutTemplate size={18} aria-hidden="true" />
              <span>
                <strong>{text.name}</strong>
                <span className="ed-muted">
                  {text.description ?? t('flows.new.nodes', { count: entry.nodeCount })}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {failureWords(error)}
        </p>
      )}
    </ConfirmDialog>
  );
}
