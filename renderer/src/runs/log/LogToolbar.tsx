import { ArrowDownToLine, Search } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS, LOG_STATUSES, oneOf } from '../model/event-facets';
import type { LogFilter } from '../model/log-view';
import { nodeName, type NodeNames } from '../../../../shared/flow/node-names';

interface LogToolbarProps {
  filter: LogFilter;
  onFilter(filter: LogFilter): void;
  nodeIds: readonly string[];
  names: NodeNames;
  follow: boolean;
  onFollow(follow: boolean): void;
  shown: number;
  total: number;
  loading: boolean;
}

/** Level, node and status filters, search and the follow switch of the live log. */
export const LogToolbar = memo(function LogToolbar(props: LogToolbarProps) {
  const { t } = useTranslation();
  const { filter, onFilter, names } = props;
  return (
    <div className="rn-log-toolbar" role="toolbar" aria-label={t('runs.log.toolbar')}>
      <label className="rn-field">
        <span>{t('runs.log.level')}</span>
        <select
          value={filter.level}
          onChange={(event) =>
            onFilter({ ...filter, level: oneOf(LOG_LEVELS, event.target.value) ?? 'info' })
          }
          data-testid="log-filter-level"
        >
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`runs.log.levelAtLeast.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="rn-field">
        <span>{t('runs.log.node')}</span>
        <select
          value={filter.nodeId ?? ''}
          onChange={(event) => onFilter({ ...filter, nodeId: event.target.value || null })}
          data-testid="log-filter-node"
        >
          <option value="">{t('runs.log.allNodes')}</option>
          {props.nodeIds.map((nodeId) => (
            <option key={nodeId} value={nodeId}>
              {nodeName(names, nodeId)}
            </option>
          ))}
        </select>
      </label>
      <label className="rn-field">
        <span>{t('runs.log.status')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(event) => onFilter({ ...filter, status: oneOf(LOG_STATUSES, event.target.value) })}
          data-testid="log-filter-status"
        >
          <option value="">{t('runs.log.allStatuses')}</option>
          {LOG_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`runs.log.statuses.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="rn-field rn-search">
        <Search size={14} aria-hidden="true" />
        <span className="visually-hidden">{t('runs.log.search')}</span>
        <input
          type="search"
          value={filter.text}
          placeholder={t('runs.log.searchPlaceholder')}
          onChange={(event) => onFilter({ ...filter, text: event.target.value })}
          data-testid="log-search"
        />
      </label>
      <span className="rn-log-shown" aria-live="polite" data-testid="log-shown">
        {props.loading
          ? t('runs.log.loading')
          : t('runs.log.shown', { shown: props.shown, count: props.total })}
      </span>
      <button
        type="button"
        className={props.follow ? 'button button-primary rn-small' : 'button button-secondary rn-small'}
        aria-pressed={props.follow}
        onClick={() => props.onFollow(!props.follow)}
        data-testid="log-follow"
        title={t('runs.log.followHint')}
      >
        <ArrowDownToLine size={14} aria-hidden="true" />
        <span className="rn-follow-label">{t('runs.log.follow')}</span>
      </button>
    </div>
  );
});
