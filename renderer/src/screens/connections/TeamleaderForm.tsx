import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../../shared/api/calls/connections';
import { failureOf, useFailureText, type Failure } from '../../api/failure-text';
import { useConnectionStore } from '../../stores/connection-store';
import {
  teamleaderFormProblems,
  teamleaderFormValues,
  teamleaderStartInput,
  type TeamleaderFormValues,
} from './connection-view';
import { FormField } from './FormField';
import { TeamleaderAuthStatus } from './TeamleaderAuthStatus';

interface TeamleaderFormProps {
  /** Reconnecting this connection; absent: a new one. */
  connection?: ConnectionView;
  onDone(connection: ConnectionView): void;
  onCancel?(): void;
}

/**
 * The integration's client id and secret, then "Connect": the browser opens Teamleader's authorize
 * page (state + PKCE) and a listener on 127.0.0.1 receives the code; this form follows along.
 */
export function TeamleaderForm({ connection, onDone, onCancel }: TeamleaderFormProps) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const connect = useConnectionStore((state) => state.connectTeamleader);
  const pending = useConnectionStore((state) => state.auth?.state === 'pending');
  const [values, setValues] = useState<TeamleaderFormValues>(() => teamleaderFormValues(connection));
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const isNew = connection === undefined;
  const problems = teamleaderFormProblems(values, isNew);
  const problemText = (key: keyof TeamleaderFormValues) => {
    const problem = submitted ? problems[key] : undefined;
    return problem ? t(`connections.form.${problem}`) : undefined;
  };
  const set = (key: keyof TeamleaderFormValues) => (value: string) => setValues({ ...values, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    setError(null);
    try {
      const progress = await connect(teamleaderStartInput(values, connection?.id));
      if (progress.state === 'succeeded' && progress.connection) onDone(progress.connection);
    } catch (failure) {
      setError(failureOf(failure));
    }
  };

  return (
    <form
      className="cn-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="teamleader-form"
    >
      <p className="cn-help">{t('connections.teamleaderForm.intro')}</p>
      <div className="cn-form-grid">
        <FormField
          label={t('connections.form.name')}
          value={values.name}
          onChange={set('name')}
          placeholder={t('connections.teamleader')}
        />
        <FormField
          label={t('connections.teamleaderForm.clientId')}
          value={values.clientId}
          onChange={set('clientId')}
          help={t('connections.teamleaderForm.clientHelp')}
          error={problemText('clientId')}
          autoComplete="off"
          spellCheck={false}
        />
        <FormField
          label={t('connections.teamleaderForm.clientSecret')}
          type="password"
          value={values.clientSecret}
          onChange={set('clientSecret')}
          help={isNew ? undefined : t('connections.mplusForm.keepSecret')}
          error={problemText('clientSecret')}
          autoComplete="new-password"
        />
      </div>
      <details className="cn-advanced">
        <summary>{t('connections.teamleaderForm.advanced')}</summary>
        <div className="cn-form-grid">
          <FormField
            label={t('connections.teamleaderForm.apiBaseUrl')}
            value={values.apiBaseUrl}
            onChange={set('apiBaseUrl')}
            help={t('connections.teamleaderForm.urlHelp')}
            error={problemText('apiBaseUrl')}
            placeholder="https://api.focus.teamleader.eu"
            spellCheck={false}
          />
          <FormField
            label={t('connections.teamleaderForm.authBaseUrl')}
            value={values.authBaseUrl}
            onChange={set('authBaseUrl')}
            help={t('connections.teamleaderForm.urlHelp')}
            error={problemText('authBaseUrl')}
            placeholder="https://focus.teamleader.eu"
            spellCheck={false}
          />
        </div>
      </details>
      <div className="cn-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('connections.teamleaderForm.connect')}
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
        <TeamleaderAuthStatus />
      </div>
    </form>
  );
}
