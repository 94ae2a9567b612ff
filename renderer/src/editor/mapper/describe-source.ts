import type { TFunction } from 'i18next';
import type { MapSource } from '../../../../shared/nodes/core/map';
import { formatValue } from './mapper-model';

/** A mapping's source in a few words: `← customer.email`, `= "EUR"`, `lookup country`, `ƒ record.a + 1`. */
export function describeSource(t: TFunction, source: MapSource): string {
  switch (source.kind) {
    case 'path':
      return `← ${source.path}`;
    case 'constant':
      return `= ${formatValue(source.value, 30)}`;
    case 'lookup':
      return t('editor.mapper.lookupOf', { path: source.path, count: source.table.length });
    case 'expression':
      return `ƒ ${formatValue(source.expression, 34)}`;
  }
}
