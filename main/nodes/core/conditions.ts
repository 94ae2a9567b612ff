import { skipReason } from '../../../shared/flow/skip-reasons';
import { evaluateCondition, evaluateConditions, unaryOperators } from '../../../shared/nodes/conditions';
import { branchTransform, filterTransform } from '../../../shared/nodes/core/filter';
import { defineExecutor, emit, skip } from '../../engine/executor';

/** Records that do not match are skipped, with the first condition they failed as the reason. */
export const filterModule = defineExecutor(filterTransform, {
  category: 'transform',
  open(ctx) {
    const { match, conditions } = ctx.config;
    return {
      process(record) {
        if (evaluateConditions(record.data, match, conditions)) return emit(record);
        const failed = conditions.find((condition) => !evaluateCondition(record.data, condition));
        return skip(
          match === 'all' && failed
            ? skipReason('filteredOut', {
                path: failed.path,
                operator: failed.operator,
                value: unaryOperators.has(failed.operator) ? undefined : JSON.stringify(failed.value),
              })
            : skipReason('noConditionMatched'),
        );
      },
    };
  },
});

export const branchModule = defineExecutor(branchTransform, {
  category: 'transform',
  open(ctx) {
    const { match, conditions } = ctx.config;
    return {
      process: (record) =>
        emit(record, evaluateConditions(record.data, match, conditions) ? 'true' : 'false'),
    };
  },
});
