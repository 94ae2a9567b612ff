import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult, ConnectionView } from '../../../../shared/api/calls/connections';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useConnectionStore } from '../../stores/connection-store';
import {
  accountSummary,
  mplusFormProblems,
  mplusFormValues,
  mplusSaveInput,
  type MplusFormValues,
} from './connection-view';
import { FormField } from './FormField';

interface MplusFormProps {
  /** Editing this connection; absent: a new one. */
  connection?: ConnectionView;
  onDone(connection: ConnectionView): void;
  onCancel?(): void;
}

/** Host, port, ident and secret of a MplusKASSA account; saving tests it at once (version and licensee). */
export function MplusForm({ connection, onDone, onCancel }: MplusFormProps) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const saveMplus = useConnectionStore((state) => state.saveMplus);
  const test = useConnectionStore((state) => state.test);
  const [values, setValues] = useState<MplusFormValues>(() => mplusFormValues(connection));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  // After a first save whose test failed, fixing the form updates that connection (no second copy).
  const [savedId, setSavedId] = useState<string | undefined>(connection?.id);
  const isNew = savedId === undefined;
  const problems = mplusFormProblems(values, isNew);
  const problemText = (key: keyof MplusFormValues) => {
    const problem = submitted ? problems[key] : undefined;
    return problem ? t(`connections.form.${problem}`) : undefined;
  };
  const set = (key: keyof MplusFormValues) => (value: string) => setValues({ ...values, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const saved = await saveMplus(mplusSaveInput(values, savedId));
      setSavedId(saved.id);
      const tested = await test(saved.id);
      setResult(tested);
      setValues({ ...values, ident: '', secret: '' });
      if (tested.ok) onDone(tested.connection);
    } catch (failure) {
      setError(failureOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const keep = isNew ? undefined : t('connections.mplusForm.keepSecret');
  return (
    <form className="cn-form" onSubmit={(event) => void submit(event)} noValidate data-testid="mplus-form">
      <div className="cn-form-grid">
        <FormField
          label={t('connections.form.name')}
          value={values.name}
          onChange={set('name')}
          placeholder={t('connections.mplus')}
        />
        <FormField
          label={t('connections.mplusForm.host')}
          value={values.host}
          onChange={set('host')}
          help={t('connections.mplusForm.hostHelp')}
          error={problemText('host')}
          autoComplete="off"
          spellCheck={false}
        />
        <FormField
          label={t('connections.mplusForm.port')}
          value={values.port}
          onChange={set('port')}
          help={t('connections.mplusForm.portHelp')}
          error={problemText('port')}
          inputMode="numeric"
        />
        <FormField
          label={t('connections.mplusForm.ident')}
          value={values.ident}
          onChange={set('ident')}
          help={keep}
          error={problemText('ident')}
          autoComplete="off"
          spellCheck={false}
        />
        <FormField
          label={t('connections.mplusForm.secret')}
          type="password"
          value={values.secret}
          onChange={set('secret')}
          help={keep}
          error={problemText('secret')}
          autoComplete="new-password"
        />
      </div>
      <div className="cn-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('connections.mplusForm.saving') : t('connections.mplusForm.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('connections.actions.cancel')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {error && (
          <p className="form-error" role="alert">
            {failureWords(error)}
          </p>
        )}
        {result && !result.ok && (
          <p className="form-error" role="alert" data-testid="mplus-test-error">
            {t('connections.testFailed', { message: failureWords(result.error) })}
          </p>
        )}
        {result?.ok && (
          <p className="cn-ok" data-testid="mplus-test-ok">
            {t('connections.testOk', {
              account: Object.values(accountSummary(result.connection)).filter(Boolean).join(' · '),
            })}
          </p>
        )}
      </div>
    </form>
  );
}
