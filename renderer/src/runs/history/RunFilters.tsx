import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { RunStatus } from '../../../../shared/flow/run-records';
import { DateInput } from '../../components/date-input/DateInput';
import { oneOf } from '../model/event-facets';
import { noFilters, type HistoryFilters } from './useRunHistory';

interface RunFiltersProps {
  filters: HistoryFilters;
  onChange(filters: HistoryFilters): void;
  flows: { id: string; name: string }[];
}

/** Flow, status and date filters of the run history. */
export function RunFilters({ filters, onChange, flows }: RunFiltersProps) {
  const { t } = useTranslation();
  const active =
    filters.flowId !== null || filters.status !== null || filters.from !== '' || filters.to !== '';
  return (
    <div className="rn-filters" role="group" aria-label={t('runs.filters.label')}>
      <label className="rn-field">
        <span>{t('runs.filters.flow')}</span>
        <select
          value={filters.flowId ?? ''}
          onChange={(event) => onChange({ ...filters, flowId: event.target.value || null })}
          data-testid="runs-filter-flow"
        >
          <option value="">{t('runs.filters.allFlows')}</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <label className="rn-field">
        <span>{t('runs.filters.status')}</span>
        <select
          value={filters.status ?? ''}
          onChange={(event) => onChange({ ...filters, status: oneOf(RunStatus.options, event.target.value) })}
          data-testid="runs-filter-status"
        >
          <option value="">{t('runs.filters.allStatuses')}</option>
          {RunStatus.options.map((status) => (
            <option key={status} value={status}>
              {t(`runs.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="rn-field">
        <span>{t('runs.filters.from')}</span>
        <DateInput
          value={filters.from}
          max={filters.to || undefined}
          onChange={(from) => onChange({ ...filters, from })}
          testId="runs-filter-from"
        />
      </label>
      <label className="rn-field">
        <span>{t('runs.filters.to')}</span>
        <DateInput
          value={filters.to}
          min={filters.from || undefined}
          onChange={(to) => onChange({ ...filters, to })}
          testId="runs-filter-to"
        />
      </label>
      {active && (
        <button
          type="button"
          className="button button-secondary rn-small"
          onClick={() => onChange(noFilters)}
        >
          <X size={14} aria-hidden="true" /> {t('runs.filters.clear')}
        </button>
      )}
    </div>
  );
}
