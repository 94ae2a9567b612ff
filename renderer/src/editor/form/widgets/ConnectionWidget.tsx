import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../../api/failure-text';
import { useFlowConnectionsStore } from '../../../stores/flow-connections-store';
import type { WidgetProps } from '../widget-props';

/**
 * Which account a node uses. Empty means the only (or default) connection of its kind; a
 * connection that is gone or failing is said so, and where connections cannot be listed the
 * choice stays "default" with the reason shown.
 */
export function ConnectionWidget({ field, value, onChange, inputId, invalid, ariaLabel }: WidgetProps) {
  const { t } = useTranslation();
  const failureWords = useFailureText();
  const { connections, status, error, load } = useFlowConnectionsStore();
  useEffect(() => void load(), [load]);
  const kind = field.hint.connectionKind;
  const fitting = connections.filter((connection) => connection.kind === kind);
  const chosen = typeof value === 'string' ? value : '';
  const missing =
    chosen !== '' && status === 'ready' && !fitting.some((connection) => connection.id === chosen);
  const current = fitting.find((connection) => connection.id === chosen);
  return (
    <div className="ed-connection">
      <select
        id={inputId}
        aria-label={ariaLabel}
        value={chosen}
        aria-invalid={invalid || missing}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t('editor.form.defaultConnection')}</option>
        {fitting.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
            {connection.mode === 'sandbox' ? ` (${t('editor.form.sandbox')})` : ''}
          </option>
        ))}
        {missing && <option value={chosen}>{t('editor.form.connectionGone', { id: chosen })}</option>}
      </select>
      {status === 'error' && (
        <p className="ed-field-note">
          {t('editor.form.connectionsUnavailable', { error: error ? failureWords(error) : '' })}
        </p>
      )}
      {status === 'ready' && fitting.length === 0 && (
        <p className="ed-field-note">
          {t('editor.form.noConnections', {
            kind: t(
              `editor.system.${kind === 'mplus' ? 'mplus' : kind === 'teamleader' ? 'teamleader' : 'core'}`,
            ),
          })}
        </p>
      )}
      {current && current.status !== 'connected' && (
        <p className="ed-field-note ed-warn-text">{t(`editor.form.connectionStatus.${current.status}`)}</p>
      )}
    </div>
  );
}
