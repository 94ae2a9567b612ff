import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/api';
import { failureOf } from '../../api/failure-text';
import { ActionOutcome, type Outcome } from '../../components/ActionOutcome';

const Email = z.email();

/**
 * A GDPR request: removes a customer's data (found by e-mail) from every stored payload. Asks for
 * confirmation first; says what it removed.
 */
export function EraseCustomerData() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const valid = Email.safeParse(email.trim()).success;

  const ask = () => {
    setResult(null);
    if (!valid) {
      setResult({ tone: 'error', text: t('settings.eraseInvalid') });
      return;
    }
    setConfirming(true);
  };

  const erase = async () => {
    setBusy(true);
    try {
      const target = email.trim();
      const { itemsErased, eventsErased } = await api().runs.erase({ email: target });
      setResult({
        tone: 'ok',
        text: t('settings.eraseDone', {
          email: target,
          count: itemsErased,
          events: t('settings.eraseLogRows', { count: eventsErased }),
        }),
      });
      setEmail('');
    } catch (error) {
      setResult({ tone: 'error', failure: failureOf(error) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <fieldset data-testid="settings-erase">
      <legend>{t('settings.privacy')}</legend>
      <p className="st-note">{t('settings.eraseHelp')}</p>
      {/* No <form>: this sits inside the settings form; Enter in the field asks too. */}
      <div className="st-erase-form">
        <label>
          <span>{t('settings.eraseEmail')}</span>
          <input
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setConfirming(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                ask();
              }
            }}
            autoComplete="off"
            data-testid="settings-erase-email"
            aria-invalid={email !== '' && !valid}
          />
        </label>
        {!confirming && (
          <button
            type="button"
            className="button button-secondary"
            onClick={ask}
            disabled={email.trim() === ''}
          >
            <Trash2 size={14} aria-hidden="true" /> {t('settings.eraseButton')}
          </button>
        )}
      </div>
      {confirming && (
        <div
          className="st-confirm"
          role="alertdialog"
          aria-labelledby="erase-confirm-text"
          data-testid="settings-erase-confirm"
        >
          <p id="erase-confirm-text" className="st-grow">
            {t('settings.eraseConfirm', { email: email.trim() })}
          </p>
          <button
            type="button"
            className="button button-danger"
            onClick={() => void erase()}
            disabled={busy}
            autoFocus
          >
            {t('settings.eraseConfirmButton')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('settings.eraseCancel')}
          </button>
        </div>
      )}
      <ActionOutcome outcome={result} testId="settings-erase-result" />
    </fieldset>
  );
}
