import { STOPPED_BY_CANCEL } from '../../shared/flow/run-records';

/**
 * SQL that is true for a failed item a cancel stopped (its error's code), for the items table
 * under `alias`. Such items stay failed in their run, to retry, but failed of nothing of theirs:
 * the dashboard's figures leave them out and the run's screens show them apart.
 */
export function stoppedByCancel(alias?: string): string {
  const column = alias ? `${alias}.error_json` : 'error_json';
  return `COALESCE(json_extract(${column}, '$.code'), '') = '${STOPPED_BY_CANCEL}'`;
}
