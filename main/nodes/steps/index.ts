import type { NodeModule } from '../../engine/executor';
import { orderRulesModule } from './order-rules';
import { statusRulesModule } from './status-rules';
import { taxRulesModule } from './tax-rules';

/** Executors of the business-rule transforms. */
export const rulesNodeModules: readonly NodeModule[] = [taxRulesModule, orderRulesModule, statusRulesModule];
