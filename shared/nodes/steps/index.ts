import type { AnyNodeDefinition } from '../node-definition';
import { orderRulesTransform } from './order-rules';
import { statusRulesTransform } from './status-rules';
import { taxRulesTransform } from './tax-rules';

export * from './fields';
export * from './order-rules';
export * from './status-rules';
export * from './tax-rules';

/** The business-rule transforms (no system of their own). */
export const rulesNodeDefinitions: readonly AnyNodeDefinition[] = [
  taxRulesTransform,
  orderRulesTransform,
  statusRulesTransform,
];
