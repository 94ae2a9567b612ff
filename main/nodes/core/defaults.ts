import type { JsonValue } from '../../../shared/flow/json';
import { getPath, setPath } from '../../../shared/flow/record-path';
import { defaultsTransform } from '../../../shared/nodes/core/defaults';
import { defineExecutor, emit } from '../../engine/executor';

function isEmpty(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

export const defaultsModule = defineExecutor(defaultsTransform, {
  category: 'transform',
  open(ctx) {
    const { values } = ctx.config;
    return {
      process(record) {
        const missing = values.filter(
          (entry) => entry.overwrite || isEmpty(getPath(record.data, entry.path)),
        );
        if (missing.length === 0) return emit(record);
        const data = structuredClone(record.data);
        for (const entry of missing) setPath(data, entry.path, entry.value);
        return emit({ data, createOnly: record.createOnly });
      },
    };
  },
});
