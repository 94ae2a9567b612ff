import { getPath, setPath } from '../../../shared/flow/record-path';
import { lookupTransform } from '../../../shared/nodes/core/lookup';
import { defineExecutor, emit } from '../../engine/executor';
import { lookupValue } from './lookup-table';

export const lookupModule = defineExecutor(lookupTransform, {
  category: 'transform',
  open(ctx) {
    const { sourcePath, targetPath, table, failIfMissing, caseSensitive } = ctx.config;
    return {
      process(record) {
        const value = lookupValue(sourcePath, getPath(record.data, sourcePath), table, {
          default: ctx.config.default,
          failIfMissing,
          caseSensitive,
        });
        if (value === undefined) return emit(record);
        const data = structuredClone(record.data);
        setPath(data, targetPath ?? sourcePath, value);
        return emit({ data, createOnly: record.createOnly });
      },
    };
  },
});
