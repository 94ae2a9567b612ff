import { useTranslation } from 'react-i18next';
import type { StepErrorInfo } from '../../../../shared/flow/run-records';
import { errorKind } from '../model/item-reason';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';
import { useLanguage } from '../../i18n/useLanguage';
import { messageIn } from '../../../../shared/flow/run-messages';

/** Why a record failed: the message, the node, the field and value that broke a rule, the HTTP status. */
export function RecordErrorBox({
  error,
  nodeId,
  names,
}: {
  error: StepErrorInfo;
  nodeId: string | null;
  names: NodeNames;
}) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const at = error.nodeId ?? nodeId;
  return (
    <section className="rn-error-box" role="alert" data-testid="record-error">
      <p className="rn-error-message">{messageIn(error, locale)}</p>
      <dl className="rn-facts">
        {at && (
          <>
            <dt>{t('runs.record.atNode')}</dt>
            <dd data-testid="record-error-node">{nodeName(names, at)}</dd>
          </>
        )}
        <dt>{t('runs.record.code')}</dt>
        <dd>
          <code>{error.code}</code>
          {error.status !== undefined && <> · HTTP {error.status}</>}
        </dd>
        {error.field && (
          <>
            <dt>{t('runs.record.field')}</dt>
            <dd>
              <code>{error.field}</code>
              {error.value !== undefined && (
                <>
                  {' '}
                  = <code>{JSON.stringify(error.value)}</code>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('runs.record.kind')}</dt>
        <dd>{t(errorKind(error))}</dd>
      </dl>
    </section>
  );
}
