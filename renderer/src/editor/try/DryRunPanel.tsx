import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../../api/failure-text';
import { useLanguage } from '../../i18n/useLanguage';
import { useFlowEditorStore } from '../../stores/flow-editor-store';
import { DRY_RUN_LIMIT, useFlowRunStore } from '../../stores/flow-run-store';
import { entryOf } from '../model/catalog-index';
import { displayName } from '../model/node-factory';
import { reasons, summariseDryRun } from './dry-run-summary';
import { messageIn } from '../../../../shared/flow/run-messages';

/** The result of a dry run: per target, what would be created, updated or skipped, and what failed. */
export function DryRunPanel() {
  const { t } = useTranslation();
  const locale = useLanguage();
  const language = useLanguage();
  const failureWords = useFailureText();
  const run = useFlowRunStore((state) => state.run);
  const items = useFlowRunStore((state) => state.dryRunItems);
  const warnings = useFlowRunStore((state) => state.dryRunWarnings);
  const starting = useFlowRunStore((state) => state.starting);
  const error = useFlowRunStore((state) => state.error);
  const nodes = useFlowEditorStore((state) => state.nodes);
  const catalog = useFlowEditorStore((state) => state.catalog);
  const targets = useMemo(
    () => nodes.filter((node) => entryOf(catalog, node.data)?.category === 'target'),
    [nodes, catalog],
  );
  const nameOf = (nodeId: string | null) => {
    const node = nodes.find((candidate) => candidate.id === nodeId);
    return node
      ? displayName(node, entryOf(catalog, node.data), language)
      : (nodeId ?? t('editor.dryRun.unknownNode'));
  };
  const summary = useMemo(
    () =>
      items
        ? summariseDryRun(
            items,
            targets.map((node) => node.id),
          )
        : null,
    [items, targets],
  );

  if (error)
    return (
      <p className="ed-error-text ed-pad" role="alert">
        {failureWords(error)}
      </p>
    );
  if (starting || (run?.dryRun && run.status === 'running')) {
    return (
      <p className="ed-muted ed-pad" role="status">
        {t('editor.dryRun.running')}
      </p>
    );
  }
  if (!summary || !run?.dryRun)
    return <p className="ed-muted ed-pad">{t('editor.dryRun.empty', { limit: DRY_RUN_LIMIT })}</p>;
  return (
    <div className="ed-dry-run" data-testid="dry-run-result">
      <p className="ed-pad-x" role="status">
        {t('editor.dryRun.done', { count: run.counts.total, ms: run.durationMs ?? 0 })}
        {run.error && <span className="ed-error-text"> {messageIn(run.error, locale)}</span>}
      </p>
      {warnings.length > 0 && (
        <div className="ed-dry-warnings" data-testid="dry-run-warnings">
          <p>{t('editor.dryRun.warnings')}</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.message}>{messageIn(warning, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="ed-dry-grid">
        {summary.targets.map((target) => (
          <section
            key={target.nodeId}
            className="ed-dry-target"
            data-testid={`dry-run-target-${target.nodeId}`}
          >
            <h4>{nameOf(target.nodeId)}</h4>
            <ul className="ed-dry-counts">
              <li className="ed-ok-text" data-testid="dry-create">
                {t('editor.dryRun.create', { count: target.create.length })}
              </li>
              <li className="ed-info-text" data-testid="dry-update">
                {t('editor.dryRun.update', { count: target.update.length })}
              </li>
              <li className="ed-muted" data-testid="dry-skip">
                {t('editor.dryRun.skip', { count: target.skipped.length })}
              </li>
              {target.failed.length > 0 && (
                <li className="ed-error-text" data-testid="dry-fail">
                  {t('editor.dryRun.fail', { count: target.failed.length })}
                </li>
              )}
            </ul>
            {reasons([...target.skipped, ...target.failed], locale)
              .slice(0, 4)
              .map((entry) => (
                <p key={entry.reason} className="ed-field-note">
                  {entry.count}× {entry.reason}
                </p>
              ))}
            {[...target.create, ...target.update].length > 0 && (
              <details>
                <summary>{t('editor.dryRun.records')}</summary>
                <ul className="ed-dry-records">
                  {[...target.create, ...target.update].slice(0, 50).map((item) => (
                    <li key={item.id}>
                      <span className="ed-mono">
                        {item.businessKeys.orderNumber ??
                          item.businessKeys.email ??
                          item.businessKeys.sku ??
                          item.key}
                      </span>{' '}
                      {item.action === 'wouldUpdate'
                        ? t('editor.dryRun.wouldUpdate')
                        : t('editor.dryRun.wouldCreate')}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        ))}
        {summary.stoppedBefore.map((group) => (
          <section key={group.nodeId ?? '-'} className="ed-dry-target ed-dry-stopped">
            <h4>{t('editor.dryRun.stoppedAt', { node: nameOf(group.nodeId) })}</h4>
            {reasons([...group.skipped, ...group.failed], locale)
              .slice(0, 4)
              .map((entry) => (
                <p key={entry.reason} className="ed-field-note">
                  {entry.count}× {entry.reason}
                </p>
              ))}
          </section>
        ))}
      </div>
    </div>
  );
}
