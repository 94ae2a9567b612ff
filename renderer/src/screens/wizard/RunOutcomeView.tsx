import { useTranslation } from 'react-i18next';
import { itemReason } from '../../../../shared/flow/item-reason';
import { useLanguage } from '../../i18n/useLanguage';
import type { RunOutcome } from '../../wizard/run-outcome';
import { RecordGistText } from './RecordGistText';
import { messageIn } from '../../../../shared/flow/run-messages';

/** What a run did (or would do): counts, the most frequent errors, and a few records as examples. */
export function RunOutcomeView({ outcome, testId }: { outcome: RunOutcome; testId: string }) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const prefix = outcome.dryRun ? 'would' : 'did';
  return (
    <div className="wz-outcome" data-testid={testId}>
      <ul className="wz-counts" aria-label={t('wizard.outcome.counts')}>
        <li className="ok">
          <strong>{outcome.created}</strong> {t(`wizard.outcome.${prefix}.created`)}
        </li>
        <li className="ok">
          <strong>{outcome.updated}</strong> {t(`wizard.outcome.${prefix}.updated`)}
        </li>
        <li>
          <strong>{outcome.skipped}</strong> {t('wizard.outcome.skipped')}
        </li>
        <li className={outcome.failed > 0 ? 'bad' : ''}>
          <strong>{outcome.failed}</strong> {t('wizard.outcome.failed')}
        </li>
      </ul>
      {outcome.runError && (
        <p className="form-error" role="alert">
          {messageIn(outcome.runError, locale)}
        </p>
      )}
      {outcome.topErrors.length > 0 && (
        <div className="wz-warning" role="alert">
          <p>{t('wizard.outcome.errorsTitle')}</p>
          <ul>
            {outcome.topErrors.map((error) => (
              <li key={error.message}>
                {messageIn(error, locale)} {error.count > 1 ? `(${error.count}×)` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome.warnings.length > 0 && (
        <div className="wz-warning" data-testid="run-outcome-warnings">
          <p>{t('wizard.outcome.warningsTitle')}</p>
          <ul>
            {outcome.warnings.map((warning) => (
              <li key={warning.message}>{messageIn(warning, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome.examples.length > 0 && (
        <table className="wz-table wz-examples">
          <caption className="wz-caption">{t('wizard.outcome.examples')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wizard.outcome.record')}</th>
              <th scope="col">{t('wizard.outcome.about')}</th>
              <th scope="col">{t('wizard.outcome.what')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.examples.map((line) => (
              <tr key={line.itemId}>
                <td>
                  <code>{line.label}</code>
                </td>
                <td>{line.gist ? <RecordGistText gist={line.gist} /> : null}</td>
                <td className={line.status === 'failed' ? 'bad' : ''}>
                  {line.action
                    ? t(`wizard.outcome.action.${line.action}`)
                    : t(`wizard.outcome.status.${line.status}`)}
                  {line.reason ? ` — ${itemReason(line, locale)}` : ''}
                  {line.request && line.operation && (
                    <details className="wz-request">
                      <summary>
                        {t(outcome.dryRun ? 'wizard.outcome.request' : 'wizard.outcome.requestSent', {
                          operation: line.operation,
                        })}
                      </summary>
                      <pre>{JSON.stringify(line.request, null, 2).slice(0, 4000)}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
